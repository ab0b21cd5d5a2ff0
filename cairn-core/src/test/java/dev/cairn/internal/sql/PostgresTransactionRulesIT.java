// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link TransactionRules#POSTGRESQL} against a real server: every statement it refuses, the server
 * refuses inside a transaction block (SQLSTATE 25001), and what it lets through runs in one.
 */
class PostgresTransactionRulesIT {

    /** PostgreSQL's "active SQL transaction": the statement cannot run inside a transaction block. */
    private static final String IN_TRANSACTION = "25001";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void theServerRefusesInATransactionExactlyWhatTheRulesRefuse() throws SQLException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        db.execute("CREATE TABLE t (a int)");
        db.execute("CREATE INDEX i ON t (a)");
        db.execute("CREATE TABLE p (a int) PARTITION BY RANGE (a)");
        db.execute("CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10)");
        db.execute("CREATE TYPE mood AS ENUM ('calm')");
        List<String> refused = List.of(
                "CREATE INDEX CONCURRENTLY j ON t (a)",
                "DROP INDEX CONCURRENTLY i",
                "REINDEX INDEX CONCURRENTLY i",
                "REINDEX SCHEMA public",
                "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
                "VACUUM t",
                "CREATE DATABASE " + db.name() + "_other",
                "DROP DATABASE IF EXISTS " + db.name() + "_other",
                "CREATE TABLESPACE s LOCATION '/nonexistent'",
                "ALTER SYSTEM RESET work_mem",
                "CLUSTER",
                "DISCARD ALL");
        List<String> allowed = List.of(
                "CREATE INDEX k ON t (a)", "REINDEX TABLE t", "ALTER TYPE mood ADD VALUE 'busy'", "DISCARD TEMP");
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            for (String sql : refused) {
                assertThat(TransactionRules.POSTGRESQL.refusedInTransaction(sql))
                        .as(sql)
                        .isPresent();
                assertThatThrownBy(() -> run(connection, sql))
                        .as(sql)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState())
                                        .as(sql + ": " + e.getMessage())
                                        .isEqualTo(IN_TRANSACTION));
                connection.rollback();
            }
            for (String sql : allowed) {
                assertThat(TransactionRules.POSTGRESQL.refusedInTransaction(sql))
                        .as(sql)
                        .isEmpty();
                run(connection, sql);
                connection.rollback();
            }
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
