// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * H2, embedded: each database is a file database, {@code jdbc:h2:file:<dir>/<name>}, alone in a fresh
 * temporary directory, so that another process (the CLI tests run the {@code cairn} jar as a child
 * process) can open it once this one has closed its connections. H2 lets one process at a time open
 * a file database; there is no {@code AUTO_SERVER}, so a test must close its own connections before
 * a child process can connect. It is always available: the driver is on the test classpath.
 *
 * <p>The database is made with user {@value #USER} and no password, as H2's own tools expect; the
 * first connection to a new H2 file sets its credentials, so it is made here, not by the code under
 * test.
 */
final class H2Backend extends Backend {
    /** The user every H2 test database is made with; it has no password. */
    static final String USER = "sa";
    // H2's DATABASE_NOT_FOUND_WITH_IF_EXISTS_1: the files are gone already.
    private static final int NOT_FOUND = 90146;

    H2Backend(Engine engine) {
        super(engine);
    }

    @Override
    TestDatabase newDatabase(String name) {
        try {
            Path dir = Files.createTempDirectory(name + "_");
            String url = "jdbc:h2:file:" + dir.resolve(name);
            // Opening a connection creates the file and sets its user, so "the files are gone" after
            // close() means something, and the code under test cannot make it with other credentials.
            DriverManager.getConnection(url, credentials()).close();
            return new TestDatabase(this, name, url, USER, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for H2 database " + name, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create H2 database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    void dropDatabase(TestDatabase db) throws IOException, SQLException {
        Path dir = directory(db);
        if (!Files.isDirectory(dir)) {
            return;
        }
        // SHUTDOWN closes the database and every connection to it that a test left open, so that no
        // one writes to the files while they are deleted. IFEXISTS: never make a new one to shut down.
        try (Connection c = DriverManager.getConnection(db.url() + ";IFEXISTS=TRUE", credentials());
                Statement statement = c.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            if (e.getErrorCode() != NOT_FOUND) {
                throw e;
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    @Override
    String tablesQuery() {
        return "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND TABLE_TYPE = 'BASE TABLE'";
    }

    @Override
    Optional<String> servedBy() {
        // Always the embedded driver: nothing worth a line at the end of the run.
        return Optional.empty();
    }

    /** Returns the directory that holds an H2 test database's files, and nothing else. */
    static Path directory(TestDatabase db) {
        return Path.of(db.url().substring("jdbc:h2:file:".length())).getParent();
    }

    private static Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        return props;
    }
}
