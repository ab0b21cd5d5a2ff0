// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.POSTS;
import static dev.cairn.cli.Project.TAGS;
import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate} and {@code up} on SQLite, checked in the database file itself. */
class MigrateCommandTest {

    @TempDir
    Path directory;

    @Test
    void appliesEveryPendingMigrationAsOneBatch() {
        Cli cli = Project.create(directory);

        Cli.Run run = cli.run("migrate").succeeds();

        assertThat(cli.database().userTables()).containsExactly("posts", "tags", "users");
        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@1", TAGS + "@1");
        assertThat(run.out().lines().toList()).hasSize(5);
        assertThat(run.out())
                .startsWith("Migrating development (jdbc:sqlite:")
                .contains("dev.sqlite3): 3 pending, batch 1")
                .containsPattern("  up    " + USERS + " \\.+ +\\d+ ms")
                .containsPattern("  up    " + TAGS + " \\.+ +\\d+ ms")
                .containsPattern("Applied 3 migrations in batch 1 \\(\\d+ ms\\)\\.");
        assertThat(run.out().indexOf(USERS)).isLessThan(run.out().indexOf(POSTS));
    }

    @Test
    void aSecondMigrateHasNothingToDo() {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();

        Cli.Run run = cli.run("migrate").succeeds();

        assertThat(run.out()).isEqualTo("Nothing to migrate: the database is up to date." + System.lineSeparator());
        assertThat(cli.database().history()).hasSize(3);
    }

    @Test
    void newMigrationsGoIntoTheNextBatch() {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();
        cli.migration(
                "20260105000000_create_likes",
                "-- migrate:up\nCREATE TABLE likes (id INTEGER);\n-- migrate:down\nDROP TABLE likes;\n");

        Cli.Run run = cli.run("migrate").succeeds();

        assertThat(run.out()).contains("1 pending, batch 2", "Applied 1 migration in batch 2");
        assertThat(cli.database().history()).endsWith("20260105000000_create_likes@2");
    }

    @Test
    void migrateToStopsAtTheVersion() {
        Cli cli = Project.create(directory);

        cli.run("migrate", "--to", "20260102000000").succeeds();

        assertThat(cli.database().userTables()).containsExactly("posts", "users");
        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@1");
    }

    @Test
    void migrateToAnAppliedVersionSaysSoAndNamesTheNewerPendingOnes() {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260102000000").succeeds();

        Cli.Run run = cli.run("migrate", "--to", "20260101000000").succeeds();

        assertThat(run.out())
                .isEqualTo(USERS + " is already applied, so there is nothing to apply up to it; 1 newer migration is"
                        + " pending (" + TAGS + "): migrate without a target version to apply it, or give a newer"
                        + " target." + System.lineSeparator());
        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@1");
        assertThat(cli.run("migrate", "--to", POSTS, "--json")
                        .succeeds()
                        .json()
                        .path("nothingToDo")
                        .asText())
                .startsWith(POSTS + " is already applied")
                .contains("(" + TAGS + ")");
        cli.run("migrate").succeeds();
        assertThat(cli.run("migrate", "--to", "20260101000000").succeeds().out())
                .startsWith(USERS + " is already applied, and no newer migration is pending: the database is up to"
                        + " date.");
    }

    @Test
    void aStatementThatCannotRunInATransactionIsRefusedBeforeAnythingRuns() {
        Cli cli = Project.create(directory);
        cli.migration("20260105000000_compact", "-- migrate:up\nCREATE TABLE notes (id INTEGER);\nVACUUM;\n");

        Cli.Run run = cli.run("migrate").exits(1);

        assertThat(run.err())
                .contains("20260105000000_compact.sql:3: VACUUM cannot run inside a transaction")
                .contains("mark the section `-- migrate:up transaction:false`");
        assertThat(cli.database().userTables()).isEmpty();
        assertThat(cli.run("validate").exits(1).err()).contains("20260105000000_compact.sql:3: VACUUM cannot run");

        cli.migration("20260105000000_compact", "-- migrate:up transaction:false\nVACUUM;\n");
        cli.run("migrate").succeeds();
        assertThat(cli.database().history()).endsWith("20260105000000_compact@1");
    }

    @Test
    void upAppliesOneMigrationAsABatchOfItsOwn() {
        Cli cli = Project.create(directory);

        Cli.Run first = cli.run("up").succeeds();
        cli.run("up").succeeds();

        assertThat(first.out()).contains("1 pending, batch 1", USERS).doesNotContain(POSTS);
        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@2");
        assertThat(cli.database().userTables()).containsExactly("posts", "users");
    }

    @Test
    void jsonIsOneDocumentWithTheBatchAndEachMigration() {
        Cli cli = Project.create(directory);

        Cli.Run run = cli.run("--json", "migrate").succeeds();

        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("command").asText()).isEqualTo("migrate");
        assertThat(json.get("environment").asText()).isEqualTo("development");
        assertThat(json.get("target").asText()).startsWith("jdbc:sqlite:").endsWith("dev.sqlite3");
        assertThat(json.get("batch").asInt()).isEqualTo(1);
        assertThat(json.get("migrations")).hasSize(3);
        JsonNode first = json.get("migrations").get(0);
        assertThat(first.get("name").asText()).isEqualTo(USERS);
        assertThat(first.get("version").asText()).isEqualTo("20260101000000");
        assertThat(first.get("direction").asText()).isEqualTo("up");
        assertThat(first.get("batch").asInt()).isEqualTo(1);
        assertThat(first.get("durationMs").isIntegralNumber()).isTrue();
        assertThat(json.get("durationMs").isIntegralNumber()).isTrue();
        assertThat(cli.database().history()).hasSize(3);
    }

    @Test
    void upInJsonSaysUp() {
        JsonNode json = Project.create(directory).run("up", "--json").succeeds().json();

        assertThat(json.get("command").asText()).isEqualTo("up");
        assertThat(json.get("migrations")).hasSize(1);
    }
}
