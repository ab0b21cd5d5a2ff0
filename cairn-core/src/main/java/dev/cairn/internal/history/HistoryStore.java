// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.history;

import dev.cairn.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The only code that reads or writes the tracking table. It runs on the caller's connection and
 * transaction, so a migration's row is written in the same transaction as the migration. All SQL is
 * built once from the checked, quoted table name; values are always bound, never spliced.
 */
public final class HistoryStore {

    private final Connection connection;
    private final Dialect dialect;
    private final TableName table;
    private final String selectAll;
    private final String insert;
    private final String delete;

    /** Creates a store for {@code table} on {@code connection}. */
    public HistoryStore(Connection connection, Dialect dialect, TableName table) {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
        String name = dialect.qualify(table);
        this.selectAll = "SELECT id, version, name, batch, checksum, checksum_algorithm, applied_at, execution_ms"
                + " FROM " + name + " ORDER BY id";
        this.insert = "INSERT INTO " + name
                + " (id, version, name, batch, checksum, checksum_algorithm, applied_at, execution_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        this.delete = "DELETE FROM " + name + " WHERE id = ?";
    }

    /** The table this store keeps. */
    public TableName table() {
        return table;
    }

    /** Whether the tracking table exists. Reads only. */
    public boolean exists() throws SQLException {
        return dialect.tableExists(connection, table);
    }

    /** Creates the tracking table (and its schema, where the database has schemas). */
    public void create() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.createHistoryTable(table)) {
                statement.execute(sql);
            }
        }
    }

    /** Every row, in the order the migrations were applied; empty if the table does not exist. */
    public List<HistoryRow> readIfExists() throws SQLException {
        return exists() ? read() : List.of();
    }

    /** Every row, in the order the migrations were applied. */
    public List<HistoryRow> read() throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(selectAll)) {
            while (result.next()) {
                rows.add(new HistoryRow(
                        result.getInt(1),
                        result.getString(2),
                        result.getString(3),
                        result.getInt(4),
                        result.getString(5),
                        result.getInt(6),
                        dialect.readInstant(result, 7),
                        result.getLong(8)));
            }
        }
        return rows;
    }

    /** Records an applied migration. */
    public void insert(HistoryRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setInt(1, row.id());
            statement.setString(2, row.version());
            statement.setString(3, row.name());
            statement.setInt(4, row.batch());
            statement.setString(5, row.checksum());
            statement.setInt(6, row.checksumAlgorithm());
            dialect.bindInstant(statement, 7, row.appliedAt());
            statement.setLong(8, row.executionMillis());
            statement.executeUpdate();
        }
    }

    /** Forgets a migration that was rolled back. */
    public void delete(HistoryRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setInt(1, row.id());
            if (statement.executeUpdate() != 1) {
                throw new SQLException("The tracking table " + table + " has no row " + row.id() + " for "
                        + row.name() + "; another runner changed it without the lock");
            }
        }
    }
}
