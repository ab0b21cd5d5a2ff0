// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import dev.cairn.internal.history.TableName;
import dev.cairn.internal.lock.AdvisoryLock;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.schema.PostgresSchemaReader;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.sql.SplitRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL 12 and later: transactional DDL, a session-level advisory lock. */
public final class PostgresDialect implements Dialect {

    static final PostgresDialect INSTANCE = new PostgresDialect();

    /** The driver appends the error's offset in the statement to its message, on a line of its own. */
    private static final Pattern POSITION = Pattern.compile("\\R\\s*Position: (\\d+)");

    private PostgresDialect() {}

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean tableExists(Connection connection, TableName table) throws SQLException {
        // to_regclass resolves an unqualified name through the search path, as CREATE TABLE does,
        // and answers NULL instead of failing when the table (or its schema) is missing.
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, qualify(table));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    @Override
    public Lock lock(Connection connection, TableName table, ConnectionOpener another) {
        return new AdvisoryLock(connection, table);
    }

    @Override
    public OptionalInt errorPosition(SQLException e) {
        Matcher matcher = POSITION.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    @Override
    public String message(SQLException e) {
        return POSITION.matcher(Dialect.super.message(e)).replaceAll("").strip();
    }

    /** "out of shared memory", with the hint to raise max_locks_per_transaction. */
    @Override
    public boolean isOutOfLockSpace(SQLException e) {
        return "53200".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("max_locks_per_transaction");
    }

    @Override
    public SchemaReader schemaReader() {
        return new PostgresSchemaReader();
    }
}
