// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a SQLite file with plain JDBC, to check what a command really did to the database. */
final class SqliteFile {

    static final String TRACKING_TABLE = "cairn_migrations";

    private final Path file;

    SqliteFile(Path file) {
        this.file = file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The user tables, sorted by name (SQLite's own tables left out). */
    List<String> tables() {
        return strings(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    /** The tables other than Cairn's own (tracking and lock tables). */
    List<String> userTables() {
        List<String> tables = new ArrayList<>(tables());
        tables.removeIf(name -> name.startsWith("cairn_"));
        return tables;
    }

    /** Runs {@code sql} on the file, as a user fixing something by hand would. */
    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of the tracking table as {@code name@batch}, oldest first; none if there is no table. */
    List<String> history() {
        // A failed first batch rolls back the tracking table's creation with everything else.
        if (!tables().contains(TRACKING_TABLE)) {
            return List.of();
        }
        return strings("SELECT name || '@' || batch FROM " + TRACKING_TABLE + " ORDER BY batch, version, name");
    }

    /** The first column of each row {@code sql} returns, as text; none if there is no file. */
    List<String> strings(String sql) {
        if (!exists()) {
            return List.of();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
