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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet on real servers: the same migrations on each tenant's schema (PostgreSQL, H2) or database
 * (MariaDB), each with its own tracking table and batches; a tenant that fails leaves the others
 * done and itself as the database's transactions leave it, and a run again finishes it.
 */
class FleetIT {

    private static final int TENANTS = 20;

    /** The issue's fleet: 200 schemas, one of them failing. */
    private static final int FLEET = 200;

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Path migrations() throws IOException {
        return FleetMigrations.write(directory, "'a'");
    }

    private static List<String> tenants() {
        return tenants(TENANTS);
    }

    private static List<String> tenants(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("tenant_%03d", i))
                .toList();
    }

    private Cairn.Builder builder(TestDatabase db, Path dir) {
        return Cairn.configure()
                .workingDirectory(directory)
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .migrationsDirectory(dir);
    }

    @Test
    void twoHundredPostgresSchemasEachMigrateOnTheirOwnAndAFailingOneIsExactlyAsBefore() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        for (String tenant : tenants(FLEET)) {
            db.execute("CREATE SCHEMA " + tenant);
        }
        db.execute("CREATE SCHEMA other");
        db.execute("CREATE TABLE tenant_107.blocker (id integer)"); // 2_blocker cannot be made there
        Fleet fleet = builder(db, migrations())
                .targets(Targets.like(Targets.Kind.SCHEMAS, "tenant\\_%"))
                .parallel(4)
                .load()
                .fleet()
                .orElseThrow();

        assertThat(fleet.names()).isEqualTo(tenants(FLEET));
        FleetResult<MigrateResult> first = fleet.migrate();

        assertThat(first.failed()).extracting(FleetResult.Outcome::target).containsExactly("tenant_107");
        assertThat(first.failed().get(0).failure().orElseThrow())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("2_blocker")
                .hasMessageContaining("blocker");
        for (String tenant : tenants(FLEET)) {
            List<String> tables = db.tables(tenant);
            if (tenant.equals("tenant_107")) {
                // One transaction for the batch: the tenant is exactly as it was, tracking table and all.
                assertThat(tables).as(tenant).containsExactly("blocker");
            } else {
                assertThat(tables).as(tenant).containsExactlyInAnyOrder("blocker", "cairn_migrations", "things");
                assertThat(db.query("SELECT name, batch FROM " + tenant + ".cairn_migrations ORDER BY id"))
                        .extracting(row -> row.get("name") + "@" + row.get("batch"))
                        .containsExactly("1_things@1", "2_blocker@1", "3_more@1");
                assertThat(db.query("SELECT count(*) AS n FROM " + tenant + ".things"))
                        .extracting(row -> ((Number) row.get("n")).intValue())
                        .containsExactly(1);
            }
        }
        assertThat(db.tables("other")).isEmpty();
        assertThat(db.tables("public")).isEmpty();

        db.execute("DROP TABLE tenant_107.blocker");
        FleetResult<MigrateResult> again = fleet.migrate();

        assertThat(again.failed()).isEmpty();
        assertThat(again.targets())
                .filteredOn(outcome -> !outcome.target().equals("tenant_107"))
                .allSatisfy(outcome ->
                        assertThat(outcome.result().orElseThrow().applied()).isEmpty());
        assertThat(again.targets())
                .filteredOn(outcome -> outcome.target().equals("tenant_107"))
                .singleElement()
                .satisfies(outcome ->
                        assertThat(outcome.result().orElseThrow().applied()).hasSize(3));
        assertThat(fleet.status().targets())
                .allSatisfy(outcome -> assertThat(outcome.result().orElseThrow().currentVersion())
                        .hasValue("3"));
    }

    @Test
    void twoWholeRunsAndTwoHalvesAtOnceMigrateEachTenantOnce() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        for (String tenant : tenants()) {
            db.execute("CREATE SCHEMA " + tenant);
        }
        Path dir = migrations();
        Fleet fleet = builder(db, dir)
                .targets(Targets.like(Targets.Kind.SCHEMAS, "tenant\\_%"))
                .parallel(3)
                .load()
                .fleet()
                .orElseThrow();

        List<FleetResult<MigrateResult>> results = atOnce(fleet, fleet, fleet.shard(1, 2), fleet.shard(2, 2));

        assertThat(results).allSatisfy(result -> assertThat(result.failed()).isEmpty());
        for (String tenant : tenants()) {
            // One batch, once: the others found the tenant migrated, or waited for its lock and then did.
            assertThat(db.query("SELECT name, batch FROM " + tenant + ".cairn_migrations ORDER BY id"))
                    .as(tenant)
                    .extracting(row -> row.get("name") + "@" + row.get("batch"))
                    .containsExactly("1_things@1", "2_blocker@1", "3_more@1");
        }
        int applied = results.stream()
                .flatMap(result -> result.targets().stream())
                .mapToInt(outcome -> outcome.result().orElseThrow().applied().size())
                .sum();
        assertThat(applied).isEqualTo(3 * TENANTS);
    }

    /** Runs each fleet's migrate on a thread of its own, all started together. */
    private static List<FleetResult<MigrateResult>> atOnce(Fleet... fleets) throws Exception {
        CyclicBarrier start = new CyclicBarrier(fleets.length);
        ExecutorService runners = Executors.newFixedThreadPool(fleets.length);
        try {
            List<Future<FleetResult<MigrateResult>>> running = new ArrayList<>();
            for (Fleet fleet : fleets) {
                running.add(runners.submit(() -> {
                    start.await();
                    return fleet.migrate();
                }));
            }
            List<FleetResult<MigrateResult>> results = new ArrayList<>();
            for (Future<FleetResult<MigrateResult>> result : running) {
                results.add(result.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            runners.shutdownNow();
        }
    }

    @Test
    void aMigrationNamesItsTargetWithThePlaceholderAndChecksumsTheSameOnEach() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        for (String tenant : List.of("tenant_01", "tenant_02")) {
            db.execute("CREATE SCHEMA " + tenant);
        }
        Path dir = migrations();
        Files.writeString(
                dir.resolve("4_named.sql"),
                "-- migrate:up\nCOMMENT ON TABLE ${target}.things IS 'things of ${target}, not $${target}';\n"
                        + "-- migrate:down\nCOMMENT ON TABLE ${target}.things IS NULL;\n");
        Fleet fleet = builder(db, dir)
                .targets(Targets.like(Targets.Kind.SCHEMAS, "tenant\\_%"))
                .load()
                .fleet()
                .orElseThrow();

        assertThat(fleet.migrate().failed()).isEmpty();

        for (String tenant : List.of("tenant_01", "tenant_02")) {
            assertThat(db.query("SELECT obj_description(?::regclass, 'pg_class') AS c", tenant + ".things"))
                    .extracting(row -> row.get("c"))
                    .containsExactly("things of " + tenant + ", not ${target}");
        }
        assertThat(db.query("SELECT DISTINCT checksum FROM tenant_01.cairn_migrations WHERE name = '4_named'"
                        + " UNION SELECT checksum FROM tenant_02.cairn_migrations WHERE name = '4_named'"))
                .as("checksummed as written: one checksum for both tenants")
                .hasSize(1);
        assertThat(fleet.status().targets())
                .allSatisfy(outcome ->
                        assertThat(outcome.result().orElseThrow().problems()).isEmpty());
        // verify runs once, on a scratch database whose default schema stands for ${target}.
        VerifyResult verified = builder(db, dir)
                .targets(Targets.like(Targets.Kind.SCHEMAS, "tenant\\_%"))
                .load()
                .verify();
        assertThat(verified.passed(true)).as(verified.toString()).isTrue();
        assertThat(verified.migrations()).extracting(VerifyResult.Checked::name).contains("4_named");

        // On a database that is no fleet's target, ${target} has no value: refused before anything runs.
        db.execute("CREATE SCHEMA single");
        Cairn single = builder(db, dir).url(db.url() + "?currentSchema=single").load();
        assertThatThrownBy(single::migrate)
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("4_named.sql:2")
                .hasMessageContaining("${target}, which has no value here");
        assertThat(db.tables("single")).isEmpty();
    }

    @Test
    void aListAQueryOneTargetAndShardsChooseTheTargets() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        for (String tenant : tenants()) {
            db.execute("CREATE SCHEMA " + tenant);
        }
        db.execute("CREATE TABLE public.tenants (schema_name text, active boolean)");
        db.execute(
                "INSERT INTO public.tenants VALUES ('tenant_003', true), ('tenant_001', true), ('tenant_002', false)");
        Path dir = migrations();

        Fleet listed = builder(db, dir)
                .targets(Targets.named(Targets.Kind.SCHEMAS, List.of("tenant_002", "tenant_001")))
                .load()
                .fleet()
                .orElseThrow();
        assertThat(listed.names()).containsExactly("tenant_002", "tenant_001");
        Fleet queried = builder(db, dir)
                .targets(Targets.fromQuery(
                        Targets.Kind.SCHEMAS, "SELECT schema_name FROM tenants WHERE active ORDER BY schema_name"))
                .load()
                .fleet()
                .orElseThrow();
        assertThat(queried.names()).containsExactly("tenant_001", "tenant_003");
        assertThat(queried.only("tenant_003").migrate().targets())
                .extracting(FleetResult.Outcome::target)
                .containsExactly("tenant_003");
        assertThat(db.tables("tenant_003")).contains("things");
        assertThat(db.tables("tenant_001")).isEmpty();

        Fleet all = builder(db, dir)
                .targets(Targets.like(Targets.Kind.SCHEMAS, "tenant%"))
                .load()
                .fleet()
                .orElseThrow();
        List<String> slices = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            List<String> slice = all.shard(i, 3).names();
            assertThat(slice)
                    .as("the same slice twice")
                    .isEqualTo(all.shard(i, 3).names());
            slices.addAll(slice);
            distinct.addAll(slice);
        }
        assertThat(slices).hasSize(TENANTS).containsExactlyInAnyOrderElementsOf(tenants());
        assertThat(distinct).hasSize(TENANTS);

        db.execute("CREATE SCHEMA \"odd-one\"");
        FleetResult<Status> odd = builder(db, dir)
                .targets(Targets.named(Targets.Kind.SCHEMAS, List.of("odd-one", "tenant_001")))
                .load()
                .fleet()
                .orElseThrow()
                .status();
        assertThat(odd.failed())
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.failure().orElseThrow())
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageStartingWith("The schema odd-one cannot hold a tracking table"));
        assertThat(odd.targets().get(1).result()).isPresent();

        Fleet missing = builder(db, dir)
                .targets(Targets.named(Targets.Kind.SCHEMAS, List.of("tenant_001", "tenant_999")))
                .load()
                .fleet()
                .orElseThrow();
        assertThatThrownBy(missing::names)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tenant_999")
                .hasMessageContaining("not on");
        assertThatThrownBy(() -> all.only("tenant_999").names())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tenant_999 is not one of the fleet's 20 targets");
        assertThatThrownBy(() -> builder(db, dir)
                        .targets(Targets.like(Targets.Kind.SCHEMAS, "tenant%"))
                        .load()
                        .migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names targets (schemas like tenant%)")
                .hasMessageContaining("Cairn.fleet()");
        assertThat(db.tables("public")).containsExactly("tenants");
    }

    @Test
    void postgresSchemaTargetsShareConnectionsButNeverASessionsState() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        for (String tenant : tenants()) {
            db.execute("CREATE SCHEMA " + tenant);
        }
        Path dir = Files.createDirectories(directory.resolve("session-migrations"));
        // What each target's session looked like when its migration began, and state it leaves behind: a
        // setting and a temporary table. Handed on as it is, the next target would see or trip on it.
        Files.writeString(
                dir.resolve("1_session.sql"),
                "-- migrate:up\nCREATE TABLE session_of AS SELECT pg_backend_pid() AS pid,"
                        + " current_setting('work_mem') AS work_mem;\n"
                        + "SET work_mem = '7MB';\nCREATE TEMP TABLE left_behind (id int);\n"
                        + "-- migrate:down\nDROP TABLE session_of;\n");
        String defaultWorkMem = db.query("SELECT current_setting('work_mem') AS v")
                .get(0)
                .get("v")
                .toString();
        Fleet fleet = builder(db, dir)
                .targets(Targets.like(Targets.Kind.SCHEMAS, "tenant\\_%"))
                .parallel(2)
                .load()
                .fleet()
                .orElseThrow();

        FleetResult<MigrateResult> result = fleet.migrate();

        assertThat(result.failed()).isEmpty();
        Set<Object> sessions = new HashSet<>();
        for (String tenant : tenants()) {
            Map<String, Object> seen = db.query("SELECT pid, work_mem FROM " + tenant + ".session_of")
                    .get(0);
            sessions.add(seen.get("pid"));
            assertThat(seen.get("work_mem")).as(tenant).isEqualTo(defaultWorkMem);
        }
        // Twenty targets, two at a time, on a handful of sessions (a connection whose target ended badly
        // is not handed on, and a worker may open one while another is being reset).
        assertThat(sessions).hasSizeLessThanOrEqualTo(4);
        // None is kept once the run has ended.
        assertThat(db.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()"))
                .extracting(row -> ((Number) row.get("n")).intValue())
                .containsExactly(0);
    }

    @Test
    void h2SchemasEachGetTheirOwnTrackingTable() throws IOException {
        TestDatabase db = databases.create(Engine.H2);
        // H2 folds unquoted names to upper case, and so does Cairn's SQL there: T1, not t1.
        db.execute("CREATE SCHEMA t1");
        db.execute("CREATE SCHEMA t2");
        Fleet fleet = builder(db, migrations())
                .targets(Targets.like(Targets.Kind.SCHEMAS, "T_"))
                .load()
                .fleet()
                .orElseThrow();

        FleetResult<MigrateResult> result = fleet.migrate();

        assertThat(result.failed()).isEmpty();
        assertThat(result.targets()).extracting(FleetResult.Outcome::target).containsExactly("T1", "T2");
        assertThat(db.query("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA IN ('T1', 'T2') ORDER BY 1, 2"))
                .extracting(row -> row.get("table_schema") + "." + row.get("table_name"))
                .as("each schema with its own tracking table and lock table")
                .containsExactly(
                        "T1.BLOCKER",
                        "T1.CAIRN_MIGRATIONS",
                        "T1.CAIRN_MIGRATIONS_LOCK",
                        "T1.THINGS",
                        "T2.BLOCKER",
                        "T2.CAIRN_MIGRATIONS",
                        "T2.CAIRN_MIGRATIONS_LOCK",
                        "T2.THINGS");
    }

    @Test
    void fiftyMariadbDatabasesAFailingOneIsTruthfullyPartialAndARunAgainFinishesIt() throws IOException {
        TestDatabase db = databases.create(Engine.MARIADB);
        String prefix = db.name() + "_t";
        List<String> tenants = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> String.format("%s%02d", prefix, i))
                .toList();
        try {
            for (String tenant : tenants) {
                db.execute("CREATE DATABASE `" + tenant + "`");
            }
            db.execute("CREATE TABLE `" + prefix + "30`.blocker (id integer)");
            Fleet fleet = builder(db, migrations())
                    .targets(Targets.like(Targets.Kind.DATABASES, prefix.replace("_", "\\_") + "%"))
                    .load()
                    .fleet()
                    .orElseThrow();
            assertThat(fleet.names()).isEqualTo(tenants);

            FleetResult<MigrateResult> first = fleet.migrate();

            assertThat(first.failed()).extracting(FleetResult.Outcome::target).containsExactly(prefix + "30");
            // MariaDB commits DDL as it runs: 1_things stays applied, and the tracking table says so.
            assertThat(db.query("SELECT name FROM `" + prefix + "30`.cairn_migrations ORDER BY id"))
                    .extracting(row -> row.get("name"))
                    .containsExactly("1_things");
            assertThat(first.failed().get(0).failure().orElseThrow().getMessage())
                    .contains("2_blocker");
            for (String tenant :
                    tenants.stream().filter(t -> !t.equals(prefix + "30")).toList()) {
                assertThat(db.query("SELECT count(*) AS n FROM `" + tenant + "`.cairn_migrations"))
                        .extracting(row -> ((Number) row.get("n")).intValue())
                        .containsExactly(3);
            }

            db.execute("DROP TABLE `" + prefix + "30`.blocker");
            assertThat(fleet.migrate().failed()).isEmpty();
            assertThat(db.query("SELECT name FROM `" + prefix + "30`.cairn_migrations ORDER BY id"))
                    .extracting(row -> row.get("name"))
                    .containsExactly("1_things", "2_blocker", "3_more");
        } finally {
            for (String tenant : tenants) {
                db.execute("DROP DATABASE IF EXISTS `" + tenant + "`");
            }
        }
    }
}
