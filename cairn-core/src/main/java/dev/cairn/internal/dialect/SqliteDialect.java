// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import dev.cairn.ConfigurationException;
import dev.cairn.internal.lint.LintRules;
import dev.cairn.internal.lock.ConnectionOpener;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.lock.LockFile;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.schema.SchemaScript;
import dev.cairn.internal.schema.SqliteSchemaReader;
import dev.cairn.internal.schema.SqliteSchemaScript;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.TableName;
import dev.cairn.internal.sql.TransactionRules;
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
import java.util.Optional;
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

    private static final String PREFIX = "jdbc:sqlite:";

    /** sqlite-jdbc's {@code open_mode} flag for SQLITE_OPEN_READONLY. */
    private static final String OPEN_READ_ONLY = "1";

    /** SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock. */
    private static final int BUSY = 5;

    private static final int LOCKED = 6;

    private static final DateTimeFormatter APPLIED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final List<Client> clients = List.of(new Client(
            "sqlite", "SQLite", PREFIX, "org.sqlite.JDBC", "org.xerial:sqlite-jdbc", List.of("sqlite3"), this));

    private SqliteDialect() {}

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public List<Client> clients() {
        return clients;
    }

    @Override
    public boolean isProduct(String product) {
        return product.contains("sqlite");
    }

    @Override
    public Kind kind() {
        return Kind.FILE;
    }

    @Override
    public void addSessionProperties(Properties properties, boolean readOnly, Duration lockTimeout) {
        if (readOnly) {
            properties.setProperty("open_mode", OPEN_READ_ONLY);
        } else {
            properties.setProperty("transaction_mode", "IMMEDIATE");
        }
        properties.setProperty("busy_timeout", Long.toString(Math.min(Integer.MAX_VALUE, lockTimeout.toMillis())));
    }

    /** https://sqlite.org/pragma.html#pragma_busy_timeout, in milliseconds (an int). */
    @Override
    public Optional<String> busyTimeout(Duration timeout) {
        return Optional.of("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /**
     * In-memory databases ({@code jdbc:sqlite:}, {@code jdbc:sqlite::memory:}, any special form starting
     * with {@code :}) and {@code file:} URIs stay as they are, as knexfile keeps them; parameters after
     * {@code ?} are kept.
     */
    @Override
    public String withAbsoluteFile(String url, Path directory) {
        if (!url.startsWith(PREFIX)) {
            return url;
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty()
                || file.startsWith(":")
                || file.startsWith("file:")
                || Path.of(file).isAbsolute()) {
            return url;
        }
        String parameters = query < 0 ? "" : rest.substring(query);
        return PREFIX + directory.resolve(file).normalize() + parameters;
    }

    @Override
    public boolean isMissing(String url) {
        String path = url.substring(PREFIX.length());
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

    /**
     * The directory of the URL's database file (made absolute against the working directory, as the
     * driver opens it); empty for an in-memory database or a {@code file:} URI.
     */
    @Override
    public Optional<Path> targetDirectory(String url) {
        if (!url.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty()
                || file.startsWith(":")
                || file.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(
                    Path.of(file).toAbsolutePath().normalize().getParent());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * The database file {@code database} (a file name, not a path) in the directory of the URL's own
     * file, with the URL's parameters.
     *
     * @throws ConfigurationException if the URL names no file, or {@code database} is a path
     */
    @Override
    public String databaseUrl(String url, String database) {
        Path directory = targetDirectory(url)
                .orElseThrow(() -> new ConfigurationException("A fleet of SQLite databases needs a URL that names a"
                        + " database file, in whose directory the targets are; " + url + " names none."));
        if (database.isEmpty()
                || database.equals(".")
                || database.equals("..")
                || database.contains("/")
                || database.contains("\\")) {
            throw new ConfigurationException("A fleet's SQLite target is a file name in " + directory
                    + ", not a path: '" + database + "'. Keep the tenants' database files in that directory.");
        }
        int query = url.indexOf('?');
        return PREFIX + directory.resolve(database) + (query < 0 ? "" : url.substring(query));
    }

    @Override
    public String scratchUrl(String targetUrl, String name, Path directory) {
        return PREFIX + directory.resolve(name + ".sqlite3");
    }

    @Override
    public String defaultSchema(String database) {
        return "main";
    }

    @Override
    public LintRules lintRules() {
        return LintRules.SQLITE;
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
    public TransactionRules transactionRules() {
        return TransactionRules.SQLITE;
    }

    @Override
    public Query tableExists(TableName table) {
        String master = table.schema().map(schema -> quote(schema) + ".").orElse("") + "sqlite_master";
        return new Query("SELECT count(*) FROM " + master + " WHERE type = 'table' AND name = ?", table.table());
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
        return LockFile.besideDatabase(connection, table);
    }

    /** See {@link LockFile#undoHotJournal}. */
    @Override
    public boolean undoInterruptedWrite(Connection reading, ConnectionOpener writer) throws SQLException {
        return LockFile.undoHotJournal(reading, writer);
    }

    @Override
    public String stopLockHolder() {
        return "end that process";
    }

    @Override
    public SchemaReader schemaReader() {
        return new SqliteSchemaReader();
    }

    @Override
    public SchemaScript schemaScript() {
        return new SqliteSchemaScript();
    }

    @Override
    public boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        return code == BUSY || code == LOCKED;
    }
}
