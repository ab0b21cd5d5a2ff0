// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.Engine;
import dev.cairn.testing.PgBouncer;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations through a real PgBouncer. In session mode a client keeps its server session, and
 * everything works as on a direct connection. In transaction mode the pooler hands each transaction to
 * whichever server session is free, which a session-level lock and a fleet target's search path do not
 * survive: Cairn refuses to change anything when it sees that, says why and what to do, and leaves no
 * lock behind.
 */
class PoolerIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Path migrations() throws IOException {
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(
                dir.resolve("1_things.sql"),
                "-- migrate:up\nCREATE TABLE things (id integer PRIMARY KEY);\n-- migrate:down\nDROP TABLE things;\n");
        return dir;
    }

    private Cairn.Builder builder(TestDatabase db, String url) throws IOException {
        return Cairn.configure()
                .workingDirectory(directory)
                .url(url)
                .user(db.user())
                .password(db.password())
                .migrationsDirectory(migrations());
    }

    /** Cairn's advisory locks held on the server, by any session. */
    private static List<Map<String, Object>> advisoryLocks(TestDatabase db) {
        return db.query("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 1128352082"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    @Test
    void inSessionModeMigrationsAndAFleetRunAsOnADirectConnection() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        db.execute("CREATE SCHEMA tenant_a");
        db.execute("CREATE SCHEMA tenant_b");
        try (PgBouncer bouncer = PgBouncer.start(db)) {
            bouncer.warm("session", 2);
            MigrateResult result = builder(db, bouncer.url("session")).load().migrate();
            assertThat(result.applied()).extracting(MigrationRun::name).containsExactly("1_things");

            FleetResult<MigrateResult> fleet = builder(db, bouncer.url("session"))
                    .targets(Targets.named(Targets.Kind.SCHEMAS, List.of("tenant_a", "tenant_b")))
                    .load()
                    .fleet()
                    .orElseThrow()
                    .migrate();
            assertThat(fleet.failed()).isEmpty();
        }
        assertThat(db.tables("public")).containsExactlyInAnyOrder("cairn_migrations", "things");
        assertThat(db.tables("tenant_a")).containsExactlyInAnyOrder("cairn_migrations", "things");
        assertThat(db.tables("tenant_b")).containsExactlyInAnyOrder("cairn_migrations", "things");
        assertThat(advisoryLocks(db)).isEmpty();
    }

    @Test
    void inTransactionModeTheLockOnAnotherServerSessionIsRefusedAndNothingChanges() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        try (PgBouncer bouncer = PgBouncer.start(db)) {
            // Two server sessions handed round-robin: the lock and the transaction land on different ones.
            bouncer.warm("transaction", 2);
            Cairn cairn = builder(db, bouncer.url("transaction")).load();

            assertThatThrownBy(cairn::migrate)
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("The migration lock cannot be trusted on this connection")
                    .hasMessageMatching("(?s).*taken by PostgreSQL backend pid \\d+, but the transaction that would"
                            + " change the database runs on pid \\d+.*")
                    .hasMessageContaining("pool_mode = transaction")
                    .hasMessageContaining("Nothing was changed")
                    .hasMessageContaining("Connect migrations to the server itself, or to a pool in session mode");
            System.err.println("DEBUG "
                    + db.query("SELECT pid, state, query FROM pg_stat_activity WHERE datname = current_database()"));
            // The lock was released on the session that took it, though the pooler had moved the client on.
            assertThat(advisoryLocks(db)).isEmpty();
        }
        assertThat(db.tables("public")).isEmpty();
    }

    @Test
    void inTransactionModeASessionThatHoldsTheLockForAnotherClientIsNotTakenAgain() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        try (PgBouncer bouncer = PgBouncer.start(db, Map.of("one", "transaction"), 1);
                Connection other = DriverManager.getConnection(bouncer.url("one"), db.user(), db.password());
                Statement statement = other.createStatement()) {
            // Another runner took the lock on the pool's only server session, which then went back to the pool.
            CRC32 key = new CRC32();
            key.update("public.cairn_migrations".getBytes(StandardCharsets.UTF_8));
            statement.execute("SELECT pg_advisory_lock(1128352082, " + (key.getValue() & 0x7FFF_FFFF) + ")");

            assertThatThrownBy(builder(db, bouncer.url("one")).load()::migrate)
                    .isInstanceOf(LockException.class)
                    .hasMessageMatching("(?s).*the server session this connection was handed \\(PostgreSQL backend"
                            + " pid \\d+\\) already holds it for another client.*")
                    .hasMessageContaining("Nothing was changed");
            assertThat(advisoryLocks(db)).hasSize(1);
            // Taken once, released once: Cairn did not take it again on the shared session.
            try (ResultSet unlocked = statement.executeQuery(
                    "SELECT pg_advisory_unlock(1128352082, " + (key.getValue() & 0x7FFF_FFFF) + ")")) {
                unlocked.next();
                assertThat(unlocked.getBoolean(1)).isTrue();
            }
            assertThat(advisoryLocks(db)).isEmpty();
        }
        assertThat(db.tables("public")).isEmpty();
    }

    @Test
    void aFleetThroughATransactionPoolerNeverMigratesATargetInAnotherSchemaAndASessionPoolThenMigratesIt()
            throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        List<String> tenants = List.of("tenant_a", "tenant_b", "tenant_c", "tenant_d");
        for (String tenant : tenants) {
            db.execute("CREATE SCHEMA " + tenant);
        }
        try (PgBouncer bouncer = PgBouncer.start(db)) {
            bouncer.warm("transaction", 2);
            FleetResult<MigrateResult> pooled = builder(db, bouncer.url("transaction"))
                    .targets(Targets.named(Targets.Kind.SCHEMAS, tenants))
                    .parallel(1)
                    .load()
                    .fleet()
                    .orElseThrow()
                    .migrate();
            // A target is refused when the pooler has moved it off its session, which depends on what
            // else the pool has done; the first, on a fresh pool of two sessions handed round-robin, always
            // is. What must never happen is a target's tables made in another schema, or a lock left behind.
            assertThat(pooled.failed()).extracting(FleetResult.Outcome::target).contains("tenant_a");
            assertThat(pooled.failed().get(0).failure().orElseThrow())
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("The migration lock cannot be trusted on this connection");
            // Others may fail on what the pooler does to the driver's prepared statements; each says so.
            assertThat(pooled.failed())
                    .allSatisfy(outcome -> assertThat(outcome.failure().orElseThrow())
                            .hasMessageContaining("pool_mode = transaction")
                            .hasMessageContaining("Connect migrations to the server itself"));
            for (FleetResult.Outcome<MigrateResult> outcome : pooled.targets()) {
                assertThat(db.tables(outcome.target()))
                        .as(outcome.target())
                        .isEqualTo(outcome.failure().isPresent() ? List.of() : List.of("cairn_migrations", "things"));
            }
            assertThat(db.tables("public")).isEmpty();
            assertThat(advisoryLocks(db)).isEmpty();

            FleetResult<MigrateResult> direct = builder(db, bouncer.url("session"))
                    .targets(Targets.named(Targets.Kind.SCHEMAS, tenants))
                    .load()
                    .fleet()
                    .orElseThrow()
                    .migrate();
            assertThat(direct.failed()).isEmpty();
        }
        for (String tenant : tenants) {
            assertThat(db.tables(tenant)).as(tenant).containsExactlyInAnyOrder("cairn_migrations", "things");
        }
        assertThat(db.tables("public")).isEmpty();
    }
}
