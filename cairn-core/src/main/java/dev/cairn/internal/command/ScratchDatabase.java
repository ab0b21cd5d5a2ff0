// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConnectionException;
import dev.cairn.Redaction;
import dev.cairn.internal.connect.ConnectionFailures;
import dev.cairn.internal.connect.Connector;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.run.StatementRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The empty database {@code verify} works on, beside the target and never the target itself: a new
 * database on the target's server, created and dropped through the target's connection settings; for a
 * file database, one in a fresh temporary directory of its own (or in memory, where the dialect says so).
 * {@link #drop()} removes it and is safe to call more than once.
 */
final class ScratchDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabase.class);

    private final Dialect dialect;
    private final String name;
    private final String url;
    private final Connector admin;
    private final Path directory;
    private boolean dropped;

    private ScratchDatabase(Dialect dialect, String name, String url, Connector admin, Path directory) {
        this.dialect = dialect;
        this.name = name;
        this.url = url;
        this.admin = admin;
        this.directory = directory;
    }

    /**
     * Creates the scratch database beside the target that {@code target} connects to.
     *
     * @throws ConnectionException if the server refuses to create it
     */
    static ScratchDatabase create(Dialect dialect, String targetUrl, Connector target) {
        String name = "cairn_verify_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        if (dialect.kind() == Dialect.Kind.SERVER) {
            ScratchDatabase scratch =
                    new ScratchDatabase(dialect, name, dialect.scratchUrl(targetUrl, name, null), target, null);
            scratch.execute("CREATE DATABASE " + dialect.quote(name));
            return scratch;
        }
        try {
            Path directory = Files.createTempDirectory("cairn-verify-");
            return new ScratchDatabase(dialect, name, dialect.scratchUrl(targetUrl, name, directory), null, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for verify", e);
        }
    }

    /** The scratch database's name (on a server, the database; else the file's or the memory's). */
    String name() {
        return name;
    }

    /** The scratch database's JDBC URL. */
    String url() {
        return url;
    }

    /** Removes the scratch database; never throws. */
    void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        if (directory != null) {
            deleteDirectory();
            return;
        }
        for (String drop : dialect.dropDatabase(name)) {
            try {
                execute(drop);
                return;
            } catch (ConnectionException e) {
                LOG.debug("{} failed; trying the next form", drop, e);
            }
        }
        List<String> drops = dialect.dropDatabase(name);
        LOG.warn("Could not drop verify's scratch database {}; drop it by hand: {}", name, drops.get(drops.size() - 1));
    }

    private void execute(String sql) {
        try (Connection connection = admin.open(false, Duration.ZERO).connection()) {
            new StatementRunner(connection, dialect).execute(sql);
        } catch (SQLException e) {
            throw ConnectionFailures.working(
                    admin.target(),
                    "running " + sql + " for verify's scratch database",
                    dialect,
                    e,
                    "The user needs the right to create and drop databases.");
        }
    }

    /** Deletes the file database's directory, whatever the database left in it (journals, lock files). */
    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete verify's scratch directory {}: {}", directory, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return Redaction.url(url);
    }
}
