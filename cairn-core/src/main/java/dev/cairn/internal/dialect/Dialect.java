// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import dev.cairn.ConfigurationException;
import dev.cairn.internal.history.TableName;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.sql.SplitRules;
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
import java.util.OptionalInt;
import java.util.Properties;

/**
 * What differs between databases, and nothing else: how to recognise one, how its SQL splits,
 * whether its DDL is transactional, the tracking table's SQL, and which lock it uses. The code that
 * runs migrations is the same for all.
 */
public sealed interface Dialect permits PostgresDialect, SqliteDialect, MysqlDialect, H2Dialect {

    /** The product name users know, such as {@code PostgreSQL}. */
    String name();

    /** How to cut this database's SQL into statements. */
    SplitRules splitRules();

    /**
     * Whether DDL can be rolled back, so that a whole batch can run in one transaction. Where it
     * cannot (MySQL, MariaDB, H2: each DDL statement commits), every migration runs statement by
     * statement and its tracking row follows each statement's progress.
     */
    boolean transactionalDdl();

    /** Adds what this database needs to open a connection in the given mode. */
    default void configure(Properties properties, boolean readOnly, Duration lockTimeout) {}

    /**
     * Whether the database at {@code url} does not exist yet, so that a read-only command can report
     * an empty database without creating one. Only an embedded file database can tell.
     */
    default boolean isMissing(String url) {
        return false;
    }

    /** Quotes a plain identifier (one that {@link TableName} has checked). */
    default String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** The table's name as SQL: quoted, and qualified by its schema if it has one. */
    default String qualify(TableName table) {
        return table.schema().map(schema -> quote(schema) + ".").orElse("") + quote(table.table());
    }

    /** Whether the tracking table exists. Must not write anything. */
    boolean tableExists(Connection connection, TableName table) throws SQLException;

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

    /** Binds a point in time for the tracking table's {@code applied_at}; by default as UTC. */
    default void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Reads the tracking table's {@code applied_at}. */
    default Instant readInstant(ResultSet result, int index) throws SQLException {
        OffsetDateTime value = result.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * The migration lock for {@code table} on {@code connection}.
     *
     * @param another opens a second connection to the same database, for a lock that cannot live on
     *     the connection that runs the migrations (H2's lock row, which a DDL commit would release)
     */
    Lock lock(Connection connection, TableName table, ConnectionOpener another);

    /** Opens one more connection to the database a command works on. */
    @FunctionalInterface
    interface ConnectionOpener {
        /** Opens the connection; the caller closes it. */
        Connection open() throws SQLException;
    }

    /** Reads this database's schema, for {@code schema} and {@code verify}. */
    SchemaReader schemaReader();

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

    /**
     * The column definitions of the tracking table, with this database's type for {@code applied_at}.
     * {@code incomplete}, {@code statements_run} and {@code statements_checksum} are null for a
     * migration that ran completely; for one whose section stopped part-way outside a transaction
     * they say which section ({@code up} or {@code down}), how many of its statements ran, and the
     * checksum of those statements, so that a later run can resume after them.
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
                + " statements_checksum varchar(64)";
    }

    /**
     * The dialect for a JDBC URL.
     *
     * @throws ConfigurationException if Cairn does not support the database
     */
    static Dialect forUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return PostgresDialect.INSTANCE;
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return SqliteDialect.INSTANCE;
        }
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            return MysqlDialect.INSTANCE;
        }
        if (lower.startsWith("jdbc:h2:")) {
            return H2Dialect.INSTANCE;
        }
        throw unsupported(url.split(":").length > 1 ? url.split(":")[1] : url);
    }

    /**
     * The dialect for a database product name, as {@code DatabaseMetaData} reports it.
     *
     * @throws ConfigurationException if Cairn does not support the database
     */
    static Dialect forProduct(String product) {
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.contains("postgresql")) {
            return PostgresDialect.INSTANCE;
        }
        if (lower.contains("sqlite")) {
            return SqliteDialect.INSTANCE;
        }
        if (lower.contains("mysql") || lower.contains("mariadb")) {
            return MysqlDialect.INSTANCE;
        }
        if (lower.equals("h2")) {
            return H2Dialect.INSTANCE;
        }
        throw unsupported(product);
    }

    private static ConfigurationException unsupported(String what) {
        return new ConfigurationException("Cairn does not support the database '" + what + "'; it supports"
                + " PostgreSQL (jdbc:postgresql:), MySQL and MariaDB (jdbc:mysql:, jdbc:mariadb:),"
                + " SQLite (jdbc:sqlite:)"
                + " and H2 (jdbc:h2:).");
    }
}
