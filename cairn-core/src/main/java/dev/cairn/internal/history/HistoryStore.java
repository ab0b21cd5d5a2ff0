// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.history;

import dev.cairn.Direction;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The only code that reads or writes the tracking table. It runs on the caller's connection and
 * transaction, so a migration's row is written in the same transaction as the migration. All SQL is
 * built once from the checked, quoted table name; values are always bound, never spliced.
 *
 * <p>Tables made by earlier versions lack the {@code down_checksum} and {@code origin} columns. Reading
 * copes with that (the rows read have no down checksum, and were run by Cairn), so read-only commands
 * work on such a table unchanged;
 * writing needs the column, which {@link #addMissingColumns} adds, under the lock, before a command
 * writes.
 */
public final class HistoryStore {

    /** The columns every tracking table has, in the order {@link #read()} takes them. */
    private static final List<String> COLUMNS = List.of(
            "id",
            "version",
            "name",
            "batch",
            "checksum",
            "checksum_algorithm",
            "applied_at",
            "execution_ms",
            "incomplete",
            "statements_run",
            "statements_checksum");

    private static final String DOWN_CHECKSUM = "down_checksum";
    private static final String ORIGIN = "origin";

    private final Connection connection;
    private final Dialect dialect;
    private final TableName table;
    private final String selectAll;
    private final String selectNone;
    private final String recordChecksums;
    private final String insert;
    private final String complete;
    private final String progress;
    private final String delete;
    /** Whether the table has every later column, as the last read or probe found; null before either. */
    private Boolean hasLaterColumns;

    private PreparedStatement insertStatement;
    private PreparedStatement deleteStatement;

    /** Creates a store for {@code table} on {@code connection}. */
    public HistoryStore(Connection connection, Dialect dialect, TableName table) {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
        String name = dialect.qualify(table);
        // Every column, found by name: a table of an earlier version has fewer.
        this.selectAll = "SELECT * FROM " + name + " ORDER BY id";
        this.selectNone = "SELECT * FROM " + name + " WHERE 1 = 0";
        this.insert = "INSERT INTO " + name + " (id, version, name, batch, checksum, checksum_algorithm, applied_at,"
                + " execution_ms, incomplete, statements_run, statements_checksum, down_checksum, origin)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.complete = "UPDATE " + name + " SET batch = ?, checksum = ?, checksum_algorithm = ?, applied_at = ?,"
                + " execution_ms = ?, incomplete = NULL, statements_run = NULL, statements_checksum = NULL,"
                + " down_checksum = ? WHERE id = ?";
        this.recordChecksums =
                "UPDATE " + name + " SET checksum = ?, checksum_algorithm = ?, down_checksum = ? WHERE id = ?";
        this.progress =
                "UPDATE " + name + " SET incomplete = ?, statements_run = ?, statements_checksum = ? WHERE id = ?";
        this.delete = "DELETE FROM " + name + " WHERE id = ?";
    }

    /** The table this store keeps. */
    public TableName table() {
        return table;
    }

    /** Whether the tracking table exists. Reads only. */
    public boolean exists() throws SQLException {
        Dialect.Query query = dialect.tableExists(table);
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setString(i + 1, query.parameters().get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1) > 0;
            }
        }
    }

    /** Creates the tracking table (and its schema, where the database has schemas). */
    public void create() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.createHistoryTable(table)) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Adds the columns that a tracking table made by an earlier version lacks ({@code down_checksum},
     * {@code origin}: {@link Dialect#LATER_COLUMNS}). Only under the migration lock; the caller commits
     * (MySQL, MariaDB and H2 commit DDL at once).
     *
     * @return whether a column was added
     */
    public boolean addMissingColumns() throws SQLException {
        if (Boolean.TRUE.equals(hasLaterColumns)) {
            return false;
        }
        Set<String> present;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(selectNone)) {
            present = columnIndexes(result.getMetaData()).keySet();
        }
        boolean added = false;
        try (Statement statement = connection.createStatement()) {
            for (Dialect.Column column : Dialect.LATER_COLUMNS) {
                if (!present.contains(column.name())) {
                    statement.execute(dialect.addColumn(table, column));
                    added = true;
                }
            }
        }
        hasLaterColumns = true;
        return added;
    }

    /**
     * The names of the columns the table of this name has, in lower case, as a query of it reports
     * them (resolved as {@link #read()} resolves the table): to tell a table of another tool that has
     * the same name from Cairn's. Reads no row.
     */
    public List<String> columns() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(selectNone)) {
            return List.copyOf(columnIndexes(result.getMetaData()).keySet());
        }
    }

    /** The columns that every version of Cairn's tracking table has, which {@link #read()} needs. */
    public static List<String> expectedColumns() {
        return COLUMNS;
    }

    /**
     * As {@link #readIfExists()}, for a reader that must say when it waits for another writer: where
     * the database makes readers wait for a committing writer (SQLite), it first reads without
     * waiting; if a writer is in the way, it runs {@code waiting}, then reads again waiting up to
     * {@code timeout}. The connection waits up to {@code timeout} afterwards, as before.
     */
    public List<HistoryRow> readIfExists(Duration timeout, Runnable waiting) throws SQLException {
        Optional<String> noWait = dialect.busyTimeout(Duration.ZERO);
        if (noWait.isEmpty()) {
            return readIfExists();
        }
        execute(noWait.get());
        String wait = dialect.busyTimeout(timeout).orElseThrow();
        List<HistoryRow> rows;
        try {
            rows = readIfExists();
        } catch (SQLException e) {
            try {
                execute(wait);
            } catch (SQLException restoring) {
                e.addSuppressed(restoring);
                throw e;
            }
            if (!dialect.isBusy(e)) {
                throw e;
            }
            waiting.run();
            return readIfExists();
        }
        execute(wait);
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
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
            Map<String, Integer> columns = columnIndexes(result.getMetaData());
            int[] at = new int[COLUMNS.size()];
            for (int i = 0; i < at.length; i++) {
                Integer index = columns.get(COLUMNS.get(i));
                if (index == null) {
                    throw new SQLException(
                            "The tracking table " + table + " has no column " + COLUMNS.get(i)
                                    + "; it was not made by Cairn, or was changed by hand",
                            "42S22"); // SQL's "column not found", as a database would say it
                }
                at[i] = index;
            }
            Integer downChecksum = columns.get(DOWN_CHECKSUM);
            Integer origin = columns.get(ORIGIN);
            hasLaterColumns = downChecksum != null && origin != null;
            while (result.next()) {
                rows.add(new HistoryRow(
                        result.getInt(at[0]),
                        result.getString(at[1]),
                        result.getString(at[2]),
                        result.getInt(at[3]),
                        result.getString(at[4]),
                        result.getInt(at[5]),
                        downChecksum == null ? null : result.getString(downChecksum),
                        dialect.readInstant(result, at[6]),
                        result.getLong(at[7]),
                        progress(result.getString(at[8]), result.getInt(at[9]), result.getString(at[10])),
                        origin == null ? null : result.getString(origin)));
            }
        }
        return rows;
    }

    /**
     * Records an applied migration. The statement is prepared once per store and reused, so that a
     * batch of many migrations lets the driver prepare it on the server once (pgjdbc does from the
     * fifth use); it closes with the connection.
     */
    public void insert(HistoryRow row) throws SQLException {
        bindInsert(row);
        insertStatement.executeUpdate();
    }

    /**
     * Records applied migrations in one batch: for the rows of the migrations that ran in one
     * transaction, written just before it commits, in one round trip rather than one per migration.
     */
    public void insertAll(List<HistoryRow> rows) throws SQLException {
        for (HistoryRow row : rows) {
            bindInsert(row);
            insertStatement.addBatch();
        }
        insertStatement.executeBatch();
    }

    private void bindInsert(HistoryRow row) throws SQLException {
        if (insertStatement == null || insertStatement.isClosed()) {
            insertStatement = connection.prepareStatement(insert);
        }
        PreparedStatement statement = insertStatement;
        statement.setInt(1, row.id());
        statement.setString(2, row.version());
        statement.setString(3, row.name());
        statement.setInt(4, row.batch());
        statement.setString(5, row.checksum());
        statement.setInt(6, row.checksumAlgorithm());
        dialect.bindInstant(statement, 7, row.appliedAt());
        statement.setLong(8, row.executionMillis());
        HistoryRow.Progress progress = row.progress();
        statement.setString(9, progress == null ? null : progress.direction().label());
        statement.setObject(10, progress == null ? null : progress.statementsRun(), Types.INTEGER);
        statement.setString(11, progress == null ? null : progress.statementsChecksum());
        statement.setString(12, row.downChecksum());
        statement.setString(13, row.origin());
    }

    /** Records that the migration of {@code row}, which stopped part-way before, is now applied. */
    public void complete(HistoryRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(complete)) {
            statement.setInt(1, row.batch());
            statement.setString(2, row.checksum());
            statement.setInt(3, row.checksumAlgorithm());
            dialect.bindInstant(statement, 4, row.appliedAt());
            statement.setLong(5, row.executionMillis());
            statement.setString(6, row.downChecksum());
            statement.setInt(7, row.id());
            requireOne(statement.executeUpdate(), row);
        }
    }

    /**
     * Records other checksums for rows already there (a row of algorithm 1 moving to algorithm 2),
     * in one batch; nothing else of the rows changes.
     */
    public void recordChecksums(List<HistoryRow> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(recordChecksums)) {
            for (HistoryRow row : rows) {
                statement.setString(1, row.checksum());
                statement.setInt(2, row.checksumAlgorithm());
                statement.setString(3, row.downChecksum());
                statement.setInt(4, row.id());
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != Statement.SUCCESS_NO_INFO) {
                    requireOne(counts[i], rows.get(i));
                }
            }
        }
    }

    /** Records how far a section outside a transaction got; null clears it (the section did not start). */
    public void progress(HistoryRow row, HistoryRow.Progress progress) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(this.progress)) {
            statement.setString(
                    1, progress == null ? null : progress.direction().label());
            statement.setObject(2, progress == null ? null : progress.statementsRun(), Types.INTEGER);
            statement.setString(3, progress == null ? null : progress.statementsChecksum());
            statement.setInt(4, row.id());
            requireOne(statement.executeUpdate(), row);
        }
    }

    /**
     * Closes the statements kept for reuse. Called before a section that runs outside a
     * transaction: SQLite refuses {@code VACUUM} while any statement of the connection is open.
     */
    public void release() throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[] {insertStatement, deleteStatement}) {
            if (statement != null) {
                statement.close();
            }
        }
        insertStatement = null;
        deleteStatement = null;
    }

    /** Forgets a migration that was rolled back. */
    public void delete(HistoryRow row) throws SQLException {
        prepareDelete().setInt(1, row.id());
        requireOne(deleteStatement.executeUpdate(), row);
    }

    /** Forgets migrations that were rolled back, in one batch (see {@link #insertAll}). */
    public void deleteAll(List<HistoryRow> rows) throws SQLException {
        PreparedStatement statement = prepareDelete();
        for (HistoryRow row : rows) {
            statement.setInt(1, row.id());
            statement.addBatch();
        }
        int[] counts = statement.executeBatch();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != Statement.SUCCESS_NO_INFO) {
                requireOne(counts[i], rows.get(i));
            }
        }
    }

    private PreparedStatement prepareDelete() throws SQLException {
        if (deleteStatement == null || deleteStatement.isClosed()) {
            deleteStatement = connection.prepareStatement(delete);
        }
        return deleteStatement;
    }

    private void requireOne(int updated, HistoryRow row) throws SQLException {
        if (updated != 1) {
            throw new SQLException("The tracking table " + table + " has no row " + row.id() + " for " + row.name()
                    + "; another runner changed it without the lock");
        }
    }

    /** Each column's 1-based index by its name in lower case (H2 answers unquoted names in upper case). */
    /** The table's columns, lower-cased, in their order, with their 1-based index in {@code metaData}. */
    private static Map<String, Integer> columnIndexes(ResultSetMetaData metaData) throws SQLException {
        Map<String, Integer> indexes = new LinkedHashMap<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            indexes.put(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        return indexes;
    }

    private static HistoryRow.Progress progress(String incomplete, int statementsRun, String statementsChecksum) {
        if (incomplete == null) {
            return null;
        }
        Direction direction = Direction.DOWN.label().equals(incomplete) ? Direction.DOWN : Direction.UP;
        return new HistoryRow.Progress(direction, statementsRun, statementsChecksum);
    }
}
