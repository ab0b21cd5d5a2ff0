// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * SQLite: each database is {@code <name>.sqlite3} alone in a fresh temporary directory, so that
 * dropping it can remove the directory with whatever SQLite put beside the file (-journal, -wal,
 * -shm). It is always available: the driver is on the test classpath and needs no server.
 */
final class SqliteBackend extends Backend {
    SqliteBackend(Engine engine) {
        super(engine);
    }

    @Override
    TestDatabase newDatabase(String name) {
        try {
            Path dir = Files.createTempDirectory(name + "_");
            Path file = dir.resolve(name + ".sqlite3");
            String url = "jdbc:sqlite:" + file;
            // Opening a connection creates the file, so "the file is gone" after close() means something.
            Connection connection = DriverManager.getConnection(url);
            connection.close();
            return new TestDatabase(this, name, url, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for SQLite database " + name, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create SQLite database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    void dropDatabase(TestDatabase db) throws IOException {
        Path dir = file(db).getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Override
    String tablesQuery() {
        return "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
    }

    @Override
    Optional<String> servedBy() {
        // Always the embedded driver: nothing worth a line at the end of the run.
        return Optional.empty();
    }

    /** Returns the database file of a SQLite test database. */
    static Path file(TestDatabase db) {
        return Path.of(db.url().substring("jdbc:sqlite:".length()));
    }
}
