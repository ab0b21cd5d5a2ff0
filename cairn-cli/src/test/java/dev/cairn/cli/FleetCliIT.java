// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn} on an environment whose {@code targets:} name tenant schemas of a real PostgreSQL
 * database: each command runs per tenant, each tenant's output under its name, one summary, exit 1
 * when a tenant failed; {@code --json} one document; {@code --target} and {@code --shard} narrow it.
 */
class FleetCliIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase db;
    private Cli cli;

    @BeforeEach
    void fleet() {
        db = databases.create(Engine.POSTGRESQL);
        for (String tenant : List.of("tenant_a", "tenant_b", "tenant_c")) {
            db.execute("CREATE SCHEMA " + tenant);
        }
        db.execute("CREATE TABLE tenant_b.blocker (id integer)");
        cli = new Cli(directory)
                .withFleetConfig(db, 2)
                .migration(
                        "1_things",
                        "-- migrate:up\nCREATE TABLE things (id integer);\n-- migrate:down\nDROP TABLE things;\n")
                .migration(
                        "2_blocker",
                        "-- migrate:up\nCREATE TABLE blocker (id integer);\n-- migrate:down\nDROP TABLE blocker;\n");
    }

    private Cli.Run cairn(String... args) {
        List<String> line = new ArrayList<>(List.of("-e", "production"));
        line.addAll(List.of(args));
        return cli.run(line.toArray(String[]::new));
    }

    @Test
    void migrateRunsPerTenantSaysWhichFailedAndARunAgainFinishes() throws IOException {
        Cli.Run first = cairn("migrate").exits(1);

        assertThat(first.out())
                .containsPattern("== tenant_a ==\n[^=]*Applied 2 migrations in batch 1")
                .containsPattern("== tenant_b ==\n[^=]*up    2_blocker \\.+ FAILED\n== tenant_c ==")
                .containsPattern("== tenant_c ==\n[^=]*Applied 2 migrations in batch 1")
                .contains("Fleet of 3 schemas: 2 succeeded, 1 failed")
                .contains("Failed: tenant_b.");
        assertThat(first.err()).contains("tenant_b: error: Migration 2_blocker (up) failed");
        Cli.Run behind = cairn("status").succeeds();
        assertThat(behind.out())
                .containsPattern("Target +Version +Batch +Applied +Pending +Standing\n")
                .containsPattern("tenant_a +2 +1 +2 +0 +up to date\n")
                .containsPattern("tenant_b +\\(none\\) +0 +0 +2 +behind\n")
                .contains("Fleet of 3 schemas: 2 up to date, 1 behind, 0 ahead, 0 with problems.")
                .contains("Behind (run `cairn migrate`): tenant_b.");
        assertThat(db.tables("tenant_b")).containsExactly("blocker");
        assertThat(db.tables("tenant_a")).containsExactly("blocker", "cairn_migrations", "things");
        assertThat(db.tables("public")).isEmpty();

        db.execute("DROP TABLE tenant_b.blocker");
        Cli.Run again = cairn("migrate").succeeds();

        assertThat(again.out())
                .containsPattern("== tenant_a ==\n[^=]*Nothing to migrate")
                .containsPattern("== tenant_b ==\n[^=]*Applied 2 migrations in batch 1")
                .contains("Fleet of 3 schemas: 3 succeeded, 0 failed");
        assertThat(cairn("-v", "status").succeeds().out())
                .containsPattern("== tenant_c ==\n[^=]*Version 2, batch 1: 2 applied, 0 pending");
        Files.delete(directory.resolve("database/migrations/2_blocker.sql")); // as if a newer release had run
        assertThat(cairn("status").succeeds().out())
                .contains("Fleet of 3 schemas: 0 up to date, 0 behind, 3 ahead, 0 with problems.")
                .contains("Ahead (they applied migrations these files do not have");
    }

    @Test
    void jsonIsOneDocumentWithEachTenantsOwn() {
        JsonNode json = cairn("--json", "migrate").exits(1).json();

        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("command").asText()).isEqualTo("migrate");
        assertThat(json.get("targets")).hasSize(3);
        assertThat(json.get("targets").get(0).get("target").asText()).isEqualTo("tenant_a");
        assertThat(json.get("targets").get(0).get("result").get("ok").asBoolean())
                .isTrue();
        assertThat(json.get("targets").get(1).get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("targets").get(1).get("result").get("ok").asBoolean())
                .isFalse();
        assertThat(json.get("summary").get("failed").get(0).asText()).isEqualTo("tenant_b");
        assertThat(json.get("summary").get("succeeded").asInt()).isEqualTo(2);
    }

    @Test
    void targetAndShardNarrowTheFleetAndAreRefusedWithoutOne() {
        Cli.Run one = cairn("--target", "tenant_c", "migrate").succeeds();
        assertThat(one.out())
                .contains("== tenant_c ==")
                .doesNotContain("tenant_a")
                .contains("Fleet of 1 schema:");
        assertThat(db.tables("tenant_a")).isEmpty();

        List<String> seen = new ArrayList<>();
        for (String shard : List.of("1/2", "2/2")) {
            String out = cairn("--shard", shard, "-v", "status").out();
            for (String tenant : List.of("tenant_a", "tenant_b", "tenant_c")) {
                if (out.contains("== " + tenant + " ==")) {
                    seen.add(tenant);
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("tenant_a", "tenant_b", "tenant_c");

        assertThat(cairn("--target", "tenant_z", "status").exits(2).err())
                .contains("schema tenant_z is not one of the fleet's 3 targets");
        assertThat(cairn("--shard", "3/2", "status").exits(2).err()).contains("'3/2' is not a slice");
        db.execute("CREATE TABLE public.no_tenants (name text)");
        cli.withFleetConfig(db, "{ query: \"SELECT name FROM no_tenants\" }", 2);
        Cli.Run none = cairn("migrate").exits(0);
        assertThat(none.err()).contains("warning: the fleet's targets (schemas from a query) are none, so nothing ran");
        assertThat(none.out()).contains("Fleet of 0 schemas: 0 succeeded, 0 failed");

        Path elsewhere = directory.resolve("elsewhere"); // no cairn.yml: the URL alone, one database
        new Cli(elsewhere).write("x.txt", "");
        Cli.Run single = new Cli(elsewhere).run("--url", db.url(), "--user", db.user(), "--target", "x", "status");
        assertThat(single.exits(2).err()).contains("--target is for an environment whose targets:");
    }
}
