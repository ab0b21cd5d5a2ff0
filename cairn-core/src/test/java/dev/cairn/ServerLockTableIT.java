// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch that fills PostgreSQL's lock table, which the whole server shares: every other session on
 * the server fails while it is full, so this class runs alone, after the integration tests that run
 * two JVMs at a time (cairn-core's pom: the {@code server-wide} execution of failsafe).
 */
class ServerLockTableIT {

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private void migration(String name, String up, String down) throws IOException {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(dir.resolve(name + ".sql"), "-- migrate:up\n" + up + "\n-- migrate:down\n" + down + "\n");
    }

    @Test
    void aBatchThatOutgrowsPostgresLockTableSaysHowToSplitIt() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        migration("1_users", "CREATE TABLE users (id integer PRIMARY KEY);", "DROP TABLE users;");
        migration("2_posts", "CREATE TABLE posts (id integer PRIMARY KEY);", "DROP TABLE posts;");
        // Transaction-scoped advisory locks fill the server's lock table as a batch creating thousands of
        // tables would, in a fraction of the time; the locks go with the rolled-back transaction.
        migration(
                "3_many_locks",
                "SELECT count(pg_advisory_xact_lock(42, n)) FROM generate_series(1, 100000) AS n;",
                "SELECT 1;");

        assertThatThrownBy(() -> TestCairn.configure(db, project.resolve("migrations"))
                        .load()
                        .migrate())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.migration()).isEqualTo("3_many_locks");
                    assertThat(e.sqlState()).contains("53200");
                })
                .hasMessageContaining("max_locks_per_transaction")
                .hasMessageContaining("It had run 2 migrations before this one")
                .hasMessageContaining("cairn migrate --to VERSION");
        assertThat(db.tables()).isEmpty();
    }
}
