// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import dev.cairn.internal.history.TableName;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.lock.LockFile;
import dev.cairn.internal.lock.TransactionLock;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.schema.SqliteSchemaReader;
import dev.cairn.internal.sql.SplitRules;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * SQLite 3 (sqlite-jdbc): transactional DDL. Runners exclude each other with a {@link LockFile}
 * beside the database, which also covers the moments between transactions; a writer that is not
 * Cairn is waited for through the busy timeout ({@code lock-timeout}) of {@code BEGIN IMMEDIATE}.
 * Read-only commands open the file read-only, and do not open a file that does not exist, since
 * SQLite would create it.
 */
public final class SqliteDialect implements Dialect {

    static final SqliteDialect INSTANCE = new SqliteDialect();

    /** sqlite-jdbc's {@code open_mode} flag for SQLITE_OPEN_READONLY. */
    private static final String OPEN_READ_ONLY = "1";

    /** SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock. */
    private static final int BUSY = 5;

    private static final int LOCKED = 6;

    private static final DateTimeFormatter APPLIED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SqliteDialect() {}

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.SQLITE;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public void configure(Properties properties, boolean readOnly, Duration lockTimeout) {
        if (readOnly) {
            properties.setProperty("open_mode", OPEN_READ_ONLY);
        } else {
            properties.setProperty("transaction_mode", "IMMEDIATE");
        }
        properties.setProperty("busy_timeout", Long.toString(Math.min(Integer.MAX_VALUE, lockTimeout.toMillis())));
    }

    @Override
    public boolean isMissing(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty()
                || path.startsWith(":")
                || path.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return false; // in-memory, or a URI this check does not try to interpret
        }
        try {
            return !Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        String master = table.schema().map(schema -> quote(schema) + ".").orElse("") + "sqlite_master";
        try (PreparedStatement query =
                connection.prepareStatement("SELECT count(*) FROM " + master + " WHERE type = 'table' AND name = ?")) {
            query.setString(1, table.table());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) > 0;
            }
        }
    }

    @Override
    public List<String> createHistoryTable(TableName table) {
        return List.of("CREATE TABLE " + qualify(table) + " (" + Dialect.historyColumns("text") + ")");
    }

    @Override
    public void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        // A fixed width keeps the text sortable and readable in the sqlite3 shell.
        statement.setString(index, APPLIED_AT.format(instant));
    }

    @Override
    public Instant readInstant(ResultSet result, int index) throws SQLException {
        String value = result.getString(index);
        return value == null ? null : Instant.parse(value);
    }

    @Override
    public Lock lock(Connection connection, TableName table, ConnectionOpener another) {
        String file = databaseFile(connection, table.schema().orElse("main"));
        if (file == null || file.isEmpty()) {
            return new TransactionLock(); // in memory: no other process can reach it
        }
        return new LockFile(Path.of(file + "." + table.table() + ".lock"), table.toString());
    }

    /** The file of the attached database {@code schema}; empty for one in memory; null if unknown. */
    private static String databaseFile(Connection connection, String schema) {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT file FROM pragma_database_list WHERE name = ?")) {
            query.setString(1, schema);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        return code == BUSY || code == LOCKED;
    }

    @Override
    public SchemaReader schemaReader() {
        return new SqliteSchemaReader();
    }
}
