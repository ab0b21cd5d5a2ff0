// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal;

import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.internal.dialect.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The empty database {@code verify} works on, beside the target and never the target itself:
 * a new database on the same server (PostgreSQL, MySQL, MariaDB), a temporary file (SQLite), or a
 * private in-memory database (H2). {@link #drop()} removes it and is safe to call more than once.
 */
abstract class ScratchDatabase {

    /** The database part of a server URL: jdbc:x://hosts/NAME?params (or ;params). */
    private static final Pattern SERVER_URL =
            Pattern.compile("^(jdbc:(?:postgresql|mysql|mariadb)://[^/?;]*/)([^?;]*)(.*)$", Pattern.CASE_INSENSITIVE);

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabase.class);

    /** The scratch database's JDBC URL. */
    abstract String url();

    /** Removes the scratch database; never throws. */
    abstract void drop();

    /** Creates the scratch database for {@code targetUrl}, using {@code admin} on a server. */
    static ScratchDatabase create(Dialect dialect, String targetUrl, Supplier<Connection> admin) {
        String name = "cairn_verify_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        String lower = targetUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return new TemporaryFile();
        }
        if (lower.startsWith("jdbc:h2:")) {
            int settings = targetUrl.indexOf(';');
            return new Memory("jdbc:h2:mem:" + name + (settings < 0 ? "" : targetUrl.substring(settings)));
        }
        Matcher matcher = SERVER_URL.matcher(targetUrl);
        if (!matcher.matches()) {
            throw new ConfigurationException("verify cannot tell which database " + dialect.name() + " URL names;"
                    + " write it as jdbc:…://host:port/database.");
        }
        return new OnServer(admin, dialect, name, matcher.group(1) + name + matcher.group(3));
    }

    /** A new database on the target's server, created and dropped through the target's connection. */
    private static final class OnServer extends ScratchDatabase {
        private final Supplier<Connection> admin;
        private final Dialect dialect;
        private final String name;
        private final String url;
        private boolean dropped;

        OnServer(Supplier<Connection> admin, Dialect dialect, String name, String url) {
            this.admin = admin;
            this.dialect = dialect;
            this.name = name;
            this.url = url;
            execute("CREATE DATABASE " + dialect.quote(name));
        }

        @Override
        String url() {
            return url;
        }

        @Override
        void drop() {
            if (dropped) {
                return;
            }
            dropped = true;
            String drop = "DROP DATABASE IF EXISTS " + dialect.quote(name);
            try {
                // WITH (FORCE) ends sessions still in it, such as one left by an interrupted statement
                // (PostgreSQL 13+; 12 gets the plain form).
                execute(dialect.name().equals("PostgreSQL") ? drop + " WITH (FORCE)" : drop);
            } catch (ConnectionException e) {
                try {
                    execute(drop);
                } catch (ConnectionException again) {
                    LOG.warn("Could not drop verify's scratch database {}; drop it by hand: {}", name, drop);
                }
            }
        }

        private void execute(String sql) {
            try (Connection connection = admin.get();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new ConnectionException(
                        "Cannot run " + sql + " for verify's scratch database: " + dialect.message(e)
                                + ". The user needs the right to create and drop databases.",
                        e);
            }
        }
    }

    /** A temporary SQLite file. */
    private static final class TemporaryFile extends ScratchDatabase {
        private final Path file;

        TemporaryFile() {
            try {
                file = Files.createTempFile("cairn-verify-", ".sqlite3");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary file for verify", e);
            }
        }

        @Override
        String url() {
            return "jdbc:sqlite:" + file;
        }

        @Override
        void drop() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** A private H2 database in memory: it ends when its last connection closes. */
    private static final class Memory extends ScratchDatabase {
        private final String url;

        Memory(String url) {
            this.url = url;
        }

        @Override
        String url() {
            return url;
        }

        @Override
        void drop() {
            // Nothing: the verifier's connection is the only one, and closing it ends the database.
        }
    }
}
