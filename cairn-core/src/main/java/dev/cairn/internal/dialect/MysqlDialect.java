// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import dev.cairn.internal.history.TableName;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.lock.NamedLock;
import dev.cairn.internal.schema.MysqlSchemaReader;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.sql.SplitRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL 8 and MariaDB 10.6+, through MariaDB Connector/J, which speaks to both. DDL commits
 * implicitly, so migrations run statement by statement ({@link #transactionalDdl()} is false); the
 * lock is a session-level named lock ({@code GET_LOCK}). A schema is a database here, so
 * {@code migrations.schema} names the database that holds the tracking table.
 */
public final class MysqlDialect implements Dialect {

    static final MysqlDialect INSTANCE = new MysqlDialect();

    /** Connector/J puts the connection id first: {@code (conn=42) Table 'x' already exists}. */
    private static final Pattern CONNECTION_PREFIX = Pattern.compile("^\\(conn=\\d+\\)\\s*");

    /** The server says where a syntax error is: {@code … near 'x' at line 3}, counting in the statement. */
    private static final Pattern AT_LINE = Pattern.compile(" at line (\\d+)\\s*$");

    private MysqlDialect() {}

    @Override
    public String name() {
        return "MySQL/MariaDB";
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.MYSQL;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier + '`';
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?")) {
            query.setString(1, table.schema().orElse(null));
            query.setString(2, table.table());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) > 0;
            }
        }
    }

    @Override
    public List<String> createHistoryTable(TableName table) {
        List<String> statements = new ArrayList<>();
        table.schema().ifPresent(schema -> statements.add("CREATE DATABASE IF NOT EXISTS " + quote(schema)));
        // datetime(3) holds UTC as written: a timestamp column would convert with the session's time zone
        // and end in 2038.
        statements.add("CREATE TABLE " + qualify(table) + " (" + Dialect.historyColumns("datetime(3)") + ")");
        return statements;
    }

    @Override
    public void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public Instant readInstant(ResultSet result, int index) throws SQLException {
        LocalDateTime value = result.getObject(index, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public Lock lock(Connection connection, TableName table, ConnectionOpener another) {
        return new NamedLock(connection, table);
    }

    @Override
    public int errorLineOffset(SQLException e, String sql) {
        Matcher matcher = AT_LINE.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? Math.max(0, Integer.parseInt(matcher.group(1)) - 1) : 0;
    }

    @Override
    public String message(SQLException e) {
        return CONNECTION_PREFIX.matcher(Dialect.super.message(e)).replaceFirst("");
    }

    @Override
    public SchemaReader schemaReader() {
        return new MysqlSchemaReader();
    }
}
