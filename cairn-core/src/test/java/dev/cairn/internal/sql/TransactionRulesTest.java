// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements each dialect's rules refuse in a transaction (PostgresTransactionRulesIT proves them). */
class TransactionRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CREATE INDEX CONCURRENTLY i ON t (a)|CREATE INDEX CONCURRENTLY",
                "create unique index concurrently i on t (a)|CREATE INDEX CONCURRENTLY",
                "CREATE INDEX /* why */ CONCURRENTLY i ON t (a)|CREATE INDEX CONCURRENTLY",
                "DROP INDEX CONCURRENTLY IF EXISTS i|DROP INDEX CONCURRENTLY",
                "REINDEX INDEX CONCURRENTLY i|REINDEX ... CONCURRENTLY",
                "REINDEX (VERBOSE) TABLE CONCURRENTLY t|REINDEX ... CONCURRENTLY",
                "REINDEX SCHEMA public|REINDEX SCHEMA, DATABASE or SYSTEM",
                "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY|ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
                "VACUUM|VACUUM",
                "vacuum (analyze) t|VACUUM",
                "CREATE DATABASE other|CREATE DATABASE",
                "DROP DATABASE IF EXISTS other|DROP DATABASE",
                "CREATE TABLESPACE s LOCATION '/x'|CREATE TABLESPACE",
                "ALTER SYSTEM SET work_mem = '8MB'|ALTER SYSTEM",
                "CLUSTER|CLUSTER without a table",
                "DISCARD ALL|DISCARD ALL"
            })
    void postgresqlRefusesWhatItsServerRefusesInATransaction(String sql, String name) {
        assertThat(TransactionRules.POSTGRESQL.refusedInTransaction(sql)).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "CREATE INDEX i ON t (a)",
                "CREATE INDEX concurrently_named ON t (a)",
                "DROP INDEX i",
                "REINDEX TABLE t",
                "ALTER TABLE p DETACH PARTITION p1",
                "ALTER TYPE mood ADD VALUE 'sad'",
                "CLUSTER t USING i",
                "DISCARD TEMP",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY v",
                "INSERT INTO notes VALUES ('VACUUM')",
                "CREATE TABLE vacuum_log (id int)"
            })
    void postgresqlLeavesWhatRunsInATransaction(String sql) {
        assertThat(TransactionRules.POSTGRESQL.refusedInTransaction(sql)).isEmpty();
    }

    @Test
    void aLineCommentBetweenTheWordsHidesNothing() {
        assertThat(TransactionRules.POSTGRESQL.refusedInTransaction("CREATE INDEX -- why\n  CONCURRENTLY i ON t (a)"))
                .contains("CREATE INDEX CONCURRENTLY");
    }

    @Test
    void sqliteRefusesVacuumAndTheOthersRefuseNothing() {
        assertThat(TransactionRules.SQLITE.refusedInTransaction("VACUUM")).contains("VACUUM");
        assertThat(TransactionRules.SQLITE.refusedInTransaction("CREATE INDEX i ON t (a)"))
                .isEmpty();
        assertThat(TransactionRules.AUTOCOMMIT.refusedInTransaction("VACUUM")).isEmpty();
        assertThat(TransactionRules.TRANSACTIONAL.refusedInTransaction("CREATE DATABASE x"))
                .isEmpty();
    }
}
