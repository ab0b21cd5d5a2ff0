// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.POSTS;
import static dev.cairn.cli.Project.TAGS;
import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files against history: {@code validate} lists every problem, and every change refuses while an
 * applied file is edited or gone, or a pending one is out of order, until the user deals with it.
 */
class ValidateCommandTest {

    @TempDir
    Path directory;

    private Path file(String name) {
        return directory.resolve("database/migrations/" + name + ".sql");
    }

    @Test
    void aProjectWhoseFilesAgreeWithHistoryHasNoProblems() {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260102000000").succeeds();

        assertThat(cli.run("validate").succeeds().out())
                .startsWith("No problems: 3 migrations, and the files agree with the tracking table of development");
        JsonNode json = cli.run("validate", "--json").succeeds().json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("problems")).isEmpty();
    }

    @Test
    void validateListsEveryProblemAndExits1() throws IOException {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260102000000").succeeds();
        Files.writeString(file(USERS), Files.readString(file(USERS)).replace("email TEXT", "mail TEXT"));
        Files.delete(file(POSTS));
        cli.migration("20260101500000_from_a_branch", "-- migrate:up\nCREATE TABLE branch (id INTEGER);\n")
                .migration("20260103000000_same_version", "-- migrate:up\nCREATE TABLE twin (id INTEGER);\n")
                .migration("20260105000000_unclosed", "-- migrate:up\nINSERT INTO tags VALUES ('oops);\n");

        Cli.Run run = cli.run("validate").exits(1);

        assertThat(run.err())
                .contains(
                        "Validation found 5 problems",
                        USERS + ".sql: the up section was changed after it was applied",
                        POSTS + " is applied (batch 1) but its file is gone",
                        "20260101500000_from_a_branch is pending but older than the newest applied migration",
                        "20260103000000_same_version.sql: has version 20260103000000, like " + TAGS + ".sql",
                        "20260105000000_unclosed.sql:2");
        JsonNode error = cli.run("validate", "--json").exits(1).json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("validation");
        assertThat(error.get("problems")).hasSize(5);
    }

    @Test
    void changesRefuseWhileAnAppliedUpSectionIsEditedUntilTheEditIsRepairedOrReverted() throws IOException {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260101000000").succeeds();
        String original = Files.readString(file(USERS));
        Files.writeString(file(USERS), original.replace("email TEXT NOT NULL UNIQUE", "email TEXT NOT NULL"));

        for (String[] command : new String[][] {{"migrate"}, {"up"}, {"down"}, {"rollback"}, {"rollback", "--all"}}) {
            Cli.Run refused = cli.run(command).exits(1);
            assertThat(refused.err())
                    .contains(
                            "the migration files disagree with the tracking table",
                            "Nothing was changed",
                            USERS + ".sql: the up section was changed after it was applied",
                            "`cairn repair`");
        }
        assertThat(cli.database().history()).containsExactly(USERS + "@1");
        assertThat(cli.database().userTables()).containsExactly("users");

        Cli.Run repair = cli.run("repair").succeeds();
        assertThat(repair.out()).contains(USERS + " now carries the checksum of its edited file.");
        assertThat(cli.run("migrate").succeeds().out()).contains("Applied 2 migrations in batch 2");
        assertThat(cli.run("validate").succeeds().out()).startsWith("No problems");
    }

    @Test
    void commentsAndFormattingAreNoEdit() throws IOException {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260101000000").succeeds();
        Files.writeString(
                file(USERS),
                Files.readString(file(USERS))
                        .replace("-- Emails are unique.", "-- Emails are unique, always.")
                        .replace("(id INTEGER PRIMARY KEY, ", "(\n    id INTEGER PRIMARY KEY, -- the key\n    ")
                        .replace("DROP TABLE users;", "DROP TABLE users; /* all of it */"));

        assertThat(cli.run("validate").succeeds().out())
                .startsWith("No problems")
                .doesNotContain("Notice");
        assertThat(cli.run("migrate").succeeds().out()).contains("Applied 2 migrations in batch 2");
        assertThat(cli.run("rollback", "--all").succeeds().out()).contains("Rolled back 3 migrations");
        assertThat(cli.database().userTables()).isEmpty();
    }

    @Test
    void aChangedDownSectionIsANoticeThatFailsNothingAndIsListedBesideRealProblems() throws IOException {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260101000000").succeeds();
        Files.writeString(
                file(USERS), Files.readString(file(USERS)).replace("DROP TABLE users;", "DROP TABLE IF EXISTS users;"));
        String notice = "Notice (nothing refuses): " + USERS + ": its down section (in " + USERS + ".sql) was"
                + " changed after it was applied; a rollback runs it as it is now. Prove that it undoes the up section"
                + " with `cairn verify --from " + USERS + "`";

        assertThat(cli.run("validate").succeeds().out().lines())
                .satisfiesExactly(
                        first -> assertThat(first)
                                .startsWith("No problems: 3 migrations, and the files agree with the tracking table"),
                        second -> assertThat(second).isEqualTo(notice));
        JsonNode json = cli.run("validate", "--json").succeeds().json();
        assertThat(json.get("problems")).isEmpty();
        assertThat(json.get("notices")).singleElement().satisfies(node -> {
            assertThat(node.get("kind").asText()).isEqualTo("down_changed");
            assertThat(node.get("migration").asText()).isEqualTo(USERS);
        });
        assertThat(cli.run("status").succeeds().out()).contains(notice).doesNotContain("Problems:");
        JsonNode status = cli.run("status", "--json").succeeds().json();
        assertThat(status.get("problems")).isEmpty();
        assertThat(status.get("notices")).hasSize(1);

        cli.migration("20260100500000_from_a_branch", "-- migrate:up\nCREATE TABLE branch (id INTEGER);\n");
        Cli.Run failed = cli.run("validate").exits(1);
        assertThat(failed.err())
                .contains("Validation found 1 problem in", "20260100500000_from_a_branch is pending but older", notice);
    }

    @Test
    void anOlderPendingMigrationIsRefusedUnlessAllowedThenAppliedInTheNewBatch() {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();
        cli.migration("20260101500000_from_a_branch", "-- migrate:up\nCREATE TABLE branch (id INTEGER);\n");

        Cli.Run refused = cli.run("migrate").exits(1);
        assertThat(refused.err()).contains("20260101500000_from_a_branch is pending but older", "--allow-out-of-order");
        assertThat(cli.database().userTables()).doesNotContain("branch");
        assertThat(cli.run("migrate", "--allow-out-of-order", "--dry-run")
                        .succeeds()
                        .out())
                .contains("CREATE TABLE branch");

        assertThat(cli.run("migrate", "--allow-out-of-order").succeeds().out())
                .contains("20260101500000_from_a_branch", "Applied 1 migration in batch 2");
        assertThat(cli.database().history()).endsWith("20260101500000_from_a_branch@2");
        // Once applied it is history like any other: no problem, nothing to allow.
        assertThat(cli.run("validate").succeeds().out()).startsWith("No problems");
    }
}
