// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet run of the packaged jar, killed with SIGKILL part-way on PostgreSQL: the tenants it had
 * finished stay finished, the ones it was working on are rolled back by the server, and a run again
 * finishes every tenant, each exactly once.
 */
class FleetProcessIT {

    private static final int TENANTS = 30;

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void sigkillPartWayThenARunAgainFinishesEveryTenantOnce() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        List<String> tenants = tenantSchemas(db);
        Cli cli = project(db);

        CairnProcess.Running first = CairnProcess.start(directory, Map.of(), "-e", "production", "migrate");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (finished(db) < 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.killHard();
        int finishedBefore = finished(db);
        assertThat(finishedBefore).as("tenants done when killed").isBetween(5, TENANTS - 1);

        Cli.Run again = CairnProcess.java(directory, Map.of(), "-e", "production", "migrate");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Fleet of " + TENANTS + " schemas: " + TENANTS + " succeeded, 0 failed");
        for (String tenant : tenants) {
            assertThat(db.query("SELECT name, batch FROM " + tenant + ".cairn_migrations ORDER BY id"))
                    .as(tenant)
                    .extracting(row -> row.get("name") + "@" + row.get("batch"))
                    .containsExactly("1_a@1", "2_slow@1", "3_c@1");
        }
        assertThat(cli.run("-e", "production", "status").exits(0).out())
                .contains("Fleet of " + TENANTS + " schemas: " + TENANTS + " up to date");
    }

    @Test
    void ctrlCCancelsTheRunningTenantsStartsNoOtherAndSaysSo() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        List<String> tenants = tenantSchemas(db);
        project(db);

        CairnProcess.Running first = CairnProcess.start(directory, Map.of(), "-e", "production", "migrate");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (finished(db) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.interrupt();
        Cli.Run interrupted = first.await(Duration.ofSeconds(60));

        assertThat(interrupted.exitCode()).as(interrupted.err()).isEqualTo(130);
        assertThat(interrupted.out())
                .containsPattern("Fleet of 30 schemas: \\d+ succeeded, \\d+ failed, \\d+ not run \\(interrupted\\)")
                .contains("Interrupted: the schemas that were running were cancelled");
        int done = finished(db);
        assertThat(done).as("tenants done").isBetween(3, TENANTS - 1);
        // Every tenant is whole: its batch committed, or nothing of it (the cancelled ones rolled back).
        for (String tenant : tenants) {
            List<String> tables = db.tables(tenant);
            assertThat(tables).as(tenant).isIn(List.of(), List.of("a", "b", "c", "cairn_migrations"));
        }

        Cli.Run again = CairnProcess.java(directory, Map.of(), "-e", "production", "migrate");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(finished(db)).isEqualTo(TENANTS);
    }

    @Test
    void aTenantWaitingForItsLockSaysSoAtOnceNotAtTheEnd() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        tenantSchemas(db);
        project(db);
        CRC32 key = new CRC32();
        key.update("tenant_02.cairn_migrations".getBytes(StandardCharsets.UTF_8));
        try (Connection holder = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement statement = holder.createStatement()) {
            // Another runner holds tenant_02's lock (Cairn's lock class and that table's key).
            statement.execute("SELECT pg_advisory_lock(1128352082, " + (key.getValue() & 0x7FFF_FFFF) + ")");
            CairnProcess.Running run = CairnProcess.start(directory, Map.of(), "-e", "production", "migrate");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!run.errSoFar().contains("tenant_02: Waiting for the migration lock")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(run.errSoFar())
                    .as("said while the run still waits")
                    .containsPattern("tenant_02: Waiting for the migration lock: held by PostgreSQL backend pid \\d+");
            assertThat(run.outSoFar())
                    .as("the targets' own output comes at the end")
                    .doesNotContain("==");
            statement.execute("SELECT pg_advisory_unlock_all()");
            Cli.Run done = run.await(Duration.ofSeconds(60));

            assertThat(done.exitCode()).as(done.err()).isZero();
            assertThat(done.err().split("Waiting for the migration lock", -1))
                    .as("said once")
                    .hasSize(2);
            assertThat(done.out()).contains("Fleet of " + TENANTS + " schemas: " + TENANTS + " succeeded, 0 failed");
        }
    }

    /** The tenants' schemas, made in {@code db}. */
    private static List<String> tenantSchemas(TestDatabase db) {
        List<String> tenants = IntStream.rangeClosed(1, TENANTS)
                .mapToObj(i -> String.format("tenant_%02d", i))
                .toList();
        for (String tenant : tenants) {
            db.execute("CREATE SCHEMA " + tenant);
        }
        return tenants;
    }

    /** cairn.yml of a fleet of the tenant schemas, and three migrations, the second slow. */
    private Cli project(TestDatabase db) {
        return new Cli(directory)
                .withFleetConfig(db, 2)
                .migration("1_a", "-- migrate:up\nCREATE TABLE a (id integer);\n-- migrate:down\nDROP TABLE a;\n")
                .migration(
                        "2_slow",
                        "-- migrate:up\nSELECT pg_sleep(0.15);\nCREATE TABLE b (id integer);\n"
                                + "-- migrate:down\nDROP TABLE b;\n")
                .migration("3_c", "-- migrate:up\nCREATE TABLE c (id integer);\n-- migrate:down\nDROP TABLE c;\n");
    }

    /** How many tenants have their whole batch committed. */
    private static int finished(TestDatabase db) {
        return ((Number) db.query("SELECT count(*) AS n FROM pg_tables WHERE schemaname LIKE 'tenant%'"
                                + " AND tablename = 'c'")
                        .get(0)
                        .get("n"))
                .intValue();
    }
}
