// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.LEGACY;
import static dev.cairn.cli.Project.POSTS;
import static dev.cairn.cli.Project.TAGS;
import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollback} in each form and {@code down}, on three batches: users | posts | tags. */
class RollbackCommandTest {

    @TempDir
    Path directory;

    private Cli cli;

    @BeforeEach
    void threeBatches() {
        cli = Project.create(directory);
        cli.run("up").succeeds();
        cli.run("up").succeeds();
        cli.run("up").succeeds();
        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@2", TAGS + "@3");
    }

    @Test
    void undoesTheNewestBatch() {
        Cli.Run run = cli.run("rollback").succeeds();

        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@2");
        assertThat(cli.database().userTables()).containsExactly("posts", "users");
        assertThat(run.out())
                .startsWith("Rolling back development (jdbc:sqlite:")
                .containsPattern("  down  " + TAGS + " \\.+ +\\d+ ms")
                .containsPattern("Rolled back 1 migration of batch 3 \\(\\d+ ms\\)\\.");
    }

    @Test
    void allUndoesEverythingNewestFirst() {
        Cli.Run run = cli.run("rollback", "--all").succeeds();

        assertThat(cli.database().history()).isEmpty();
        assertThat(cli.database().userTables()).isEmpty();
        assertThat(run.out().indexOf(TAGS)).isLessThan(run.out().indexOf(POSTS));
        assertThat(run.out().indexOf(POSTS)).isLessThan(run.out().indexOf(USERS));
        assertThat(run.out()).contains("Rolled back 3 migrations of batches 3, 2, 1");
    }

    @Test
    void toVersionKeepsThatVersion() {
        cli.run("rollback", "--to", "20260101000000").succeeds();

        assertThat(cli.database().history()).containsExactly(USERS + "@1");
        assertThat(cli.database().userTables()).containsExactly("users");
    }

    @Test
    void toTheNewestVersionOrBatchSaysThereIsNothingNewer() {
        assertThat(cli.run("rollback", "--to", "20260103000000").succeeds().out())
                .isEqualTo(TAGS + " is the newest applied migration; nothing newer to roll back."
                        + System.lineSeparator());
        assertThat(cli.run("rollback", "--to-batch", "3").succeeds().out())
                .isEqualTo("Batch 3 is the newest batch; nothing newer to roll back." + System.lineSeparator());
        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@2", TAGS + "@3");

        cli.run("rollback", "--to", "20260102000000").succeeds();
        assertThat(cli.run("rollback", "--to", "20260103000000").exits(2).err())
                .contains("Cannot roll back to '20260103000000': it is not applied (" + TAGS + " is pending).");
    }

    @Test
    void toBatchUndoesTheNewerBatches() {
        cli.run("rollback", "--to-batch", "1").succeeds();

        assertThat(cli.database().history()).containsExactly(USERS + "@1");
    }

    @Test
    void toBatchZeroUndoesEverything() {
        cli.run("rollback", "--to-batch", "0").succeeds();

        assertThat(cli.database().history()).isEmpty();
    }

    @Test
    void downUndoesTheNewestMigrationOnly() {
        cli.run("migrate").succeeds();
        cli.run("rollback", "--to-batch", "0").succeeds();
        cli.run("migrate").succeeds();

        Cli.Run run = cli.run("down").succeeds();

        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@1");
        assertThat(run.out()).contains("down  " + TAGS).doesNotContain(POSTS);
    }

    @Test
    void nothingToRollBack() {
        cli.run("rollback", "--all").succeeds();

        assertThat(cli.run("rollback").succeeds().out())
                .isEqualTo("No migration is applied, so there is nothing to roll back." + System.lineSeparator());
    }

    @Test
    void irreversibleMigrationIsRefusedAndNothingChanges() {
        Project.addIrreversible(cli);
        cli.run("migrate").succeeds();
        assertThat(cli.database().userTables()).contains("legacy_archive");

        Cli.Run run = cli.run("rollback", "--all").exits(1);

        assertThat(run.err()).startsWith("error: ").contains(LEGACY);
        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@2", TAGS + "@3", LEGACY + "@4");
        assertThat(cli.database().userTables()).containsExactly("legacy_archive", "posts", "tags", "users");
    }

    @Test
    void jsonListsTheBatchesAndTheUndoneMigrations() {
        JsonNode json =
                cli.run("rollback", "--to-batch", "1", "--json").succeeds().json();

        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("command").asText()).isEqualTo("rollback");
        assertThat(json.get("batches").toString()).isEqualTo("[3,2]");
        assertThat(json.at("/migrations/0/name").asText()).isEqualTo(TAGS);
        assertThat(json.at("/migrations/0/direction").asText()).isEqualTo("down");
        assertThat(json.at("/migrations/1/batch").asInt()).isEqualTo(2);
    }

    @Test
    void downInJson() {
        JsonNode json = cli.run("--json", "down").succeeds().json();

        assertThat(json.get("command").asText()).isEqualTo("down");
        assertThat(json.at("/migrations/0/name").asText()).isEqualTo(TAGS);
    }

    @Test
    void irreversibleInJsonIsAValidationError() {
        Project.addIrreversible(cli);
        cli.run("migrate").succeeds();

        Cli.Run run = cli.run("--json", "down").exits(1);

        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.at("/error/type").asText()).isEqualTo("validation");
        assertThat(json.at("/error/exitCode").asInt()).isEqualTo(1);
        assertThat(json.at("/error/message").asText()).contains(LEGACY);
        assertThat(json.at("/error/problems").toString()).contains(LEGACY);
        assertThat(cli.database().history()).contains(LEGACY + "@4");
    }
}
