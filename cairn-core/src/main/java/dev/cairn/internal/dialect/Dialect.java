// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig.Ssl;
import dev.cairn.Targets;
import dev.cairn.internal.lint.LintRules;
import dev.cairn.internal.lock.ConnectionOpener;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.schema.SchemaScript;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.TableName;
import dev.cairn.internal.sql.TransactionRules;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One database, described once: the names users know it by and its URLs and driver ({@link #clients()}),
 * how to connect to it, how its SQL splits, whether its DDL is transactional, the tracking table's SQL,
 * which lock it uses and how its schema is read. Everything else is the same for all databases; adding
 * one is a dialect, a {@link SchemaReader} and at most a {@link Lock}. Dialects only describe: the SQL
 * they give runs in {@code history}, {@code lock} and {@code run}.
 */
public sealed interface Dialect permits PostgresDialect, MysqlDialect, SqliteDialect, H2Dialect {

    /** The database name in the {@code client:} form that means "in memory", kept until the JVM ends. */
    String MEMORY = ":memory:";

    /** The database part of a server's URL: {@code jdbc:x://hosts/NAME?params} (or {@code ;params}). */
    Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?;]*/)([^?;]*)(.*)$", Pattern.CASE_INSENSITIVE);

    /** How the {@code client:} form names a database of this kind. */
    enum Kind {
        /** A server: {@code host}, {@code port} and {@code database} (the database's name). */
        SERVER,
        /** A file: {@code database} is its path; host and port do not apply. */
        FILE
    }

    /** Every supported database, in the order messages list them. */
    static List<Dialect> all() {
        return List.of(PostgresDialect.INSTANCE, MysqlDialect.INSTANCE, SqliteDialect.INSTANCE, H2Dialect.INSTANCE);
    }

    /**
     * The dialect for a JDBC URL.
     *
     * @throws ConfigurationException if Cairn does not support the database
     */
    static Dialect forUrl(String url) {
        return Client.forUrl(url)
                .map(Client::dialect)
                .orElseThrow(() -> unsupported(url.split(":").length > 1 ? url.split(":")[1] : url));
    }

    /**
     * The dialect for a database product name, as {@code DatabaseMetaData} reports it.
     *
     * @throws ConfigurationException if Cairn does not support the database
     */
    static Dialect forProduct(String product) {
        String lower = product.toLowerCase(Locale.ROOT);
        return all().stream()
                .filter(dialect -> dialect.isProduct(lower))
                .findFirst()
                .orElseThrow(() -> unsupported(product));
    }

    private static ConfigurationException unsupported(String what) {
        List<String> supported = all().stream()
                .map(dialect ->
                        dialect.clients().stream().map(Client::displayName).collect(Collectors.joining(" and "))
                                + dialect.clients().stream()
                                        .map(Client::urlPrefix)
                                        .collect(Collectors.joining(", ", " (", ")")))
                .toList();
        return new ConfigurationException("Cairn does not support the database '" + what + "'; it supports "
                + String.join(", ", supported.subList(0, supported.size() - 1)) + " and "
                + supported.get(supported.size() - 1) + ".");
    }

    // What it is called and how to reach it.

    /** The product name users know, such as {@code PostgreSQL}. */
    String name();

    /** The names and URL forms of this database, the first being the usual one. */
    List<Client> clients();

    /** Whether {@code product}, a {@code DatabaseMetaData} product name in lower case, is this database. */
    boolean isProduct(String product);

    /** Whether a database of this kind is a server or a file. */
    Kind kind();

    /** The server's usual port (0 for a file). */
    default int defaultPort() {
        return 0;
    }

    /** Whether {@code ssl:} means something for this database. */
    default boolean supportsSsl() {
        return false;
    }

    /** The SSL modes its driver takes in the URL, as a clause for messages ("use one of ..."). */
    default String sslModes() {
        return "this database's driver takes no SSL mode";
    }

    /** How to make the driver trust the server's certificate, as a sentence for messages. */
    default String trustCertificate() {
        return "Give the driver the certificate of the authority that signed the server's";
    }

    /** Adds the driver's own properties for the environment's {@code ssl} and {@code connect-timeout}. */
    default void addDriverProperties(Properties properties, Optional<Ssl> ssl, Duration connectTimeout) {}

    /**
     * The statement that sets how long this connection's statements wait for another writer, where
     * the driver does that waiting (SQLite's busy timeout), so that a reader can first try without
     * waiting and say that it waits before it does. Empty where readers never wait for writers.
     */
    default Optional<String> busyTimeout(Duration timeout) {
        return Optional.empty();
    }

    /** Adds what a connection needs in the given mode: read-only, and how long it waits for a writer. */
    default void addSessionProperties(Properties properties, boolean readOnly, Duration lockTimeout) {}

    /** The URL to hand the driver for {@code url}; {@code url} itself unless a database says otherwise. */
    default String driverUrl(String url) {
        return url;
    }

    /**
     * The URL of the file database {@code database} of {@code client}: a path relative to
     * {@code directory}, or {@link #MEMORY}. Only for {@link Kind#FILE}.
     */
    default String fileUrl(Client client, String database, Path directory) {
        return client.urlPrefix()
                + (database.equals(MEMORY)
                        ? MEMORY
                        : directory.resolve(database).normalize());
    }

    /**
     * {@code url} with a relative database file in it made absolute against {@code directory}, so that the
     * database does not depend on the working directory; any other URL as it is.
     */
    default String withAbsoluteFile(String url, Path directory) {
        return url;
    }

    /**
     * Whether the database at {@code url} does not exist yet, so that a read-only command can report
     * an empty database without creating one. Only an embedded file database can tell.
     */
    default boolean isMissing(String url) {
        return false;
    }

    // Fleets: the schemas or databases that each get the migrations (Targets).

    /**
     * The query that lists the targets of {@code kind} whose names are {@code LIKE} its one parameter,
     * by name, on this database; empty where the database has no such targets.
     */
    default Optional<String> targetsQuery(Targets.Kind kind) {
        return Optional.empty();
    }

    /**
     * The statement that makes {@code schema} the default for unqualified names of a session, as a
     * fleet's schema target needs.
     *
     * @throws ConfigurationException where the database has no schemas
     */
    default String useSchema(String schema) {
        throw new ConfigurationException(name() + " has no schemas to be a fleet's targets; name its databases"
                + " under targets.databases instead.");
    }

    /**
     * The schema that unqualified names of a session on database {@code database} go to, by default:
     * what {@code ${target}} stands for when {@code verify} runs a fleet's migrations on its scratch
     * database. A schema is the database itself unless the dialect says otherwise.
     */
    default String defaultSchema(String database) {
        return database;
    }

    /**
     * The statement that resets a session to a fresh one (settings, temporary tables, prepared
     * statements, locks, role), so that a fleet may hand one target's connection to the next; empty
     * where the database has none, and each target then opens its own.
     */
    default Optional<String> resetSession() {
        return Optional.empty();
    }

    /**
     * Where a fleet's databases are files, the directory that holds them: the directory of the file
     * {@code url} names. Empty for a server's databases, which its catalog lists.
     */
    default Optional<Path> targetDirectory(String url) {
        return Optional.empty();
    }

    /**
     * The URL of database {@code database} on the server that {@code url} names: the same URL with
     * another database.
     *
     * @throws ConfigurationException if the URL does not say where the database name is, or the
     *     database keeps its data in files
     */
    default String databaseUrl(String url, String database) {
        Matcher matcher = SERVER_URL.matcher(url);
        if (kind() != Kind.SERVER || !matcher.matches()) {
            throw new ConfigurationException("A fleet of databases needs a server URL written as"
                    + " jdbc:…://host:port/database, which " + name() + " has not: " + url + ".");
        }
        return matcher.group(1) + database + matcher.group(3);
    }

    // The scratch database that verify works on, beside the target.

    /**
     * The URL of a scratch database named {@code name} beside {@code targetUrl}: on a server, the same
     * URL with another database (which must be created); for a file database, a database in
     * {@code directory}, a fresh directory of its own.
     *
     * @throws ConfigurationException if {@code targetUrl} does not say where the database name is
     */
    default String scratchUrl(String targetUrl, String name, Path directory) {
        Matcher matcher = SERVER_URL.matcher(targetUrl);
        if (!matcher.matches()) {
            throw new ConfigurationException("verify cannot tell which database " + name()
                    + " URL names; write it as jdbc:…://host:port/database.");
        }
        return matcher.group(1) + name + matcher.group(3);
    }

    /** The statements that drop the database {@code name} of a server, to try in order until one works. */
    default List<String> dropDatabase(String name) {
        return List.of("DROP DATABASE IF EXISTS " + quote(name));
    }

    // Its SQL.

    /** How to cut this database's SQL into statements. */
    SplitRules splitRules();

    /**
     * Whether DDL can be rolled back, so that a whole batch can run in one transaction. Where it
     * cannot (MySQL, MariaDB, H2: each DDL statement commits), every migration runs statement by
     * statement and its tracking row follows each statement's progress.
     */
    boolean transactionalDdl();

    /** The linter's rules for this database's migrations. */
    LintRules lintRules();

    /**
     * How {@code lock-timeout-ddl} bounds a migration statement's wait for a table lock on this database;
     * empty where there is no such setting (SQLite and H2 wait with {@code busy_timeout} and
     * {@code LOCK_TIMEOUT} for the whole database, which {@code lock-timeout} already sets).
     */
    default Optional<DdlLockTimeout> ddlLockTimeout() {
        return Optional.empty();
    }

    /**
     * A database's setting that bounds how long a statement waits for a table lock.
     *
     * @param set the statement that sets it for the session, given the timeout
     * @param reset the statement that sets it back to the server's default
     * @param timedOut whether an error says that a statement gave up waiting for a lock
     */
    record DdlLockTimeout(
            java.util.function.Function<Duration, String> set,
            String reset,
            java.util.function.Predicate<SQLException> timedOut) {}

    /**
     * What a user should know after {@code sql} failed, beyond the database's message: empty for most
     * statements. PostgreSQL's failed {@code CREATE INDEX CONCURRENTLY} leaves an invalid index behind.
     */
    default Optional<String> failureHint(String sql) {
        return Optional.empty();
    }

    /**
     * How {@code lint --observe} watches a statement run on this database; empty where it cannot (SQLite
     * and H2 lock the whole database for every write, so there is nothing per table to see).
     */
    default Optional<Observing> observing() {
        return Optional.empty();
    }

    /**
     * What {@code lint --observe} asks a database about a statement it ran, and about the target's tables.
     *
     * @param locksQuery the table locks this session holds, as rows (table, mode), in the current schema;
     *     empty where the database shows none per session
     * @param storageQuery each table of the current schema with the identity of its storage, as rows (table,
     *     file node): a table whose storage changed across a statement was rewritten; empty if not known
     * @param algorithms the clauses to try on an {@code ALTER TABLE}, in order, to learn the least the
     *     server must do (MySQL's {@code ALGORITHM=INSTANT} ...); empty if the database has no such clause
     * @param sizesQuery each table of the current schema with its estimated rows and its bytes, indexes
     *     included, as rows (table, rows, bytes); read-only
     */
    record Observing(
            Optional<String> locksQuery,
            Optional<String> storageQuery,
            List<Algorithm> algorithms,
            String sizesQuery) {}

    /**
     * An {@code ALTER TABLE} algorithm to try.
     *
     * @param label how users know it ({@code INPLACE, LOCK=NONE})
     * @param clause what is appended to the statement to ask for it ({@code , ALGORITHM=INPLACE, LOCK=NONE})
     */
    record Algorithm(String label, String clause) {}

    /**
     * Whether DDL is transactional, and which statements this database refuses inside a transaction
     * block, so that the planner refuses them in a transactional section before anything runs.
     */
    default TransactionRules transactionRules() {
        return transactionalDdl() ? TransactionRules.TRANSACTIONAL : TransactionRules.AUTOCOMMIT;
    }

    /** Quotes a plain identifier (one that {@link TableName} has checked). */
    default String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /**
     * Quotes a name as the catalog spells it, keeping its letter case: for another tool's table, found
     * in the catalog, which may hold any character. By default as {@link #quote}, with quotes doubled.
     */
    default String quoteExactly(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Whether the driver calls a schema a catalog (MySQL and MariaDB, whose schemas are databases). */
    default boolean schemasAreCatalogs() {
        return false;
    }

    /** The table's name as SQL: quoted, and qualified by its schema if it has one. */
    default String qualify(TableName table) {
        return table.schema().map(schema -> quote(schema) + ".").orElse("") + quote(table.table());
    }

    /** A query whose one row and column counts the tables named {@code table} (0 or 1). Reads only. */
    Query tableExists(TableName table);

    /**
     * One SQL query with its parameters, to run as a prepared statement.
     *
     * @param sql the query, with {@code ?} for each parameter
     * @param parameters the values, in order; a null is bound as SQL NULL
     */
    record Query(String sql, List<String> parameters) {

        /** Creates the query; {@code parameters} may hold nulls. */
        public Query(String sql, String... parameters) {
            this(sql, java.util.Arrays.asList(parameters));
        }
    }

    /**
     * The statements that create the tracking table (and its schema, where there are schemas); by
     * default the standard form, with {@code applied_at} a {@code timestamp with time zone}.
     */
    default List<String> createHistoryTable(TableName table) {
        List<String> statements = new ArrayList<>();
        table.schema().ifPresent(schema -> statements.add("CREATE SCHEMA IF NOT EXISTS " + quote(schema)));
        statements.add("CREATE TABLE " + qualify(table) + " (" + historyColumns("timestamp with time zone") + ")");
        return statements;
    }

    /**
     * The columns that tracking tables made by earlier versions lack:
     * {@code down_checksum} (before version 2 of the checksum) and {@code origin} (before baselines).
     * Both nullable, so that existing rows stay valid; {@link #addColumn} adds one.
     */
    List<Column> LATER_COLUMNS =
            List.of(new Column("down_checksum", "varchar(64)"), new Column("origin", "varchar(20)"));

    /** A column of the tracking table: its name (lower case) and type. */
    record Column(String name, String type) {
        /** As {@code CREATE TABLE} and {@code ADD COLUMN} write it. */
        public String definition() {
            return name + " " + type;
        }
    }

    /** The statement that adds {@code column} to a table: standard SQL that all four take. */
    default String addColumn(TableName table, Column column) {
        return "ALTER TABLE " + qualify(table) + " ADD COLUMN " + column.definition();
    }

    /**
     * The column definitions of the tracking table, with this database's type for {@code applied_at}.
     * {@code checksum} is the up section's checksum and {@code down_checksum} the down section's, both
     * by algorithm {@code checksum_algorithm} (for algorithm 1, {@code checksum} covers the whole file
     * and {@code down_checksum} is null). {@code incomplete}, {@code statements_run} and
     * {@code statements_checksum} are null for a migration that ran completely; for one whose
     * section stopped part-way outside a transaction they say which section ({@code up} or
     * {@code down}), how many of its statements ran, and the checksum of those statements, so that a
     * later run can resume after them. {@code origin} is null for a migration Cairn ran, and says where
     * the row came from otherwise: {@code baseline} for one that {@code cairn baseline} recorded as
     * applied without running it.
     */
    static String historyColumns(String timestampType) {
        return "id integer NOT NULL PRIMARY KEY,"
                + " version varchar(255) NOT NULL,"
                + " name varchar(255) NOT NULL UNIQUE,"
                + " batch integer NOT NULL,"
                + " checksum varchar(64) NOT NULL,"
                + " checksum_algorithm integer NOT NULL,"
                + " applied_at " + timestampType + " NOT NULL,"
                + " execution_ms bigint NOT NULL,"
                + " incomplete varchar(4),"
                + " statements_run integer,"
                + " statements_checksum varchar(64),"
                + LATER_COLUMNS.stream()
                        .map(column -> " " + column.definition())
                        .collect(Collectors.joining(","));
    }

    /** Binds a point in time for the tracking table's {@code applied_at}; by default as UTC. */
    default void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Reads the tracking table's {@code applied_at}. */
    default Instant readInstant(ResultSet result, int index) throws SQLException {
        OffsetDateTime value = result.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    // Its lock and its schema.

    /**
     * The migration lock for {@code table} on {@code connection}.
     *
     * @param another opens a second connection to the same database, for a lock that cannot live on
     *     the connection that runs the migrations (H2's lock row, which a DDL commit would release)
     */
    Lock lock(Connection connection, TableName table, ConnectionOpener another);

    /**
     * Makes the database readable on {@code reading}, a read-only connection, where a runner that was
     * stopped left it in the middle of a write that only a connection that may write can undo
     * (SQLite's hot journal): a cheap read on {@code reading} tells; if that is the reason it fails, a
     * connection from {@code writer} undoes the write, as the database would for its next writer. No
     * other database needs this: a server undoes a dead session's work itself.
     *
     * @return whether an unfinished write was undone
     * @throws SQLException if the unfinished write is there and could not be undone
     */
    default boolean undoInterruptedWrite(Connection reading, ConnectionOpener writer) throws SQLException {
        return false;
    }

    /** How an operator stops a live runner that holds the lock, as {@code unlock} advises: a phrase. */
    String stopLockHolder();

    /** Reads this database's schema, for {@code schema} and {@code verify}. */
    SchemaReader schemaReader();

    /** Writes the SQL that builds the schema as it is, and drops it: for {@code squash}. */
    SchemaScript schemaScript();

    // Its errors.

    /** Whether {@code e} means that another writer held the database for longer than the busy timeout. */
    default boolean isBusy(SQLException e) {
        return false;
    }

    /**
     * Whether {@code e} says the transaction holds more locks than the server has room for, which a
     * batch of many migrations in one transaction can reach (PostgreSQL's lock table).
     */
    default boolean isOutOfLockSpace(SQLException e) {
        return false;
    }

    /**
     * Where in the statement the database says the error is, as a 1-based character offset, if it
     * says; used to point at the exact line of a multi-line statement.
     */
    default OptionalInt errorPosition(SQLException e) {
        return OptionalInt.empty();
    }

    /**
     * How many lines into {@code sql} the database says the error is (0 for the statement's first
     * line), so that a failure points at the exact line of a multi-line statement.
     */
    default int errorLineOffset(SQLException e, String sql) {
        OptionalInt position = errorPosition(e);
        if (position.isEmpty()) {
            return 0;
        }
        int end = Math.min(sql.length(), Math.max(0, position.getAsInt() - 1));
        int lines = 0;
        for (int i = 0; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The database's own message for {@code e}, without the parts Cairn reports itself. */
    default String message(SQLException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }
}
