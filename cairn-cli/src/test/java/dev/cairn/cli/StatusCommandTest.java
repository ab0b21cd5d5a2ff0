// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.POSTS;
import static dev.cairn.cli.Project.TAGS;
import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path directory;

    @Test
    void tableOfAppliedAndPendingThenTheSummary() {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260102000000").succeeds();

        Cli.Run run = cli.run("status").succeeds();

        assertThat(run.out().lines().toList()).hasSize(6);
        assertThat(run.out())
                .startsWith("Status of development (jdbc:sqlite:")
                .contains("Batch  Applied at (UTC)")
                .containsPattern("    1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  " + USERS + " +applied")
                .containsPattern("    1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  " + POSTS + " +applied")
                .containsPattern(" +-  +" + TAGS + " +pending")
                .contains("Version 20260102000000, batch 1: 2 applied, 1 pending");
    }

    @Test
    void verboseShowsDescriptionsTimesAndIrreversibility() {
        Cli cli = Project.addIrreversible(Project.create(directory));
        cli.run("migrate").succeeds();

        Cli.Run run = cli.run("status", "-v").succeeds();

        assertThat(run.out())
                .contains("Time", "Creates the users table.", "Emails are unique.")
                .containsPattern(Project.LEGACY + " +applied, irreversible")
                .containsPattern("\\d+ ms  " + USERS);
        assertThat(cli.run("status").out()).doesNotContain("Creates the users table.", "irreversible");
    }

    @Test
    void showsAMissingFileAsAProblem() throws IOException {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();
        Files.delete(directory.resolve("database/migrations/" + TAGS + ".sql"));

        Cli.Run run = cli.run("status").succeeds();

        assertThat(run.out()).containsPattern(TAGS + " +MISSING FILE").contains("Problems:", "  - ");
    }

    @Test
    void everyBadFileIsAProblemAndHidesNothingElse() {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260102000000").succeeds();
        // An applied migration's file broken after the fact, a pending one without a marker, a misnamed file.
        cli.migration(POSTS, "CREATE TABLE posts (id INTEGER);\n");
        cli.migration("20260105000000_no_marker", "-- a description\n\nCREATE TABLE later (id INTEGER);\n");
        cli.migration("create_without_version", "-- migrate:up\nSELECT 1;\n");

        Cli.Run run = cli.run("status").succeeds();

        assertThat(run.out())
                .containsPattern("    1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  " + USERS + " +applied")
                .containsPattern("    1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  " + POSTS + " +applied")
                .containsPattern(" +-  +" + TAGS + " +pending")
                .doesNotContain("MISSING")
                .contains("Version 20260102000000, batch 1: 2 applied, 1 pending")
                .contains("Problems:")
                .contains(POSTS + ".sql:1: SQL before the `-- migrate:up` marker")
                .contains("20260105000000_no_marker.sql:3: SQL before the `-- migrate:up` marker")
                .contains("create_without_version.sql: does not start with a version");
        JsonNode problems = cli.run("status", "--json").succeeds().json().path("problems");
        assertThat(problems).hasSize(3);

        Cli.Run validate = cli.run("validate").exits(1);
        assertThat(validate.err())
                .contains("3 problems")
                .contains(POSTS + ".sql:1:", "20260105000000_no_marker.sql:3:", "create_without_version.sql:");
        assertThat(cli.run("migrate").exits(1).err()).contains(".sql:");
        assertThat(cli.database().history()).containsExactly(USERS + "@1", POSTS + "@1");
    }

    @Test
    void readsOnly() {
        Cli cli = Project.create(directory);

        cli.run("status").succeeds();

        assertThat(cli.database().tables()).isEmpty();
    }

    @Test
    void jsonHasEveryMigrationWithItsState() {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260101000000").succeeds();

        JsonNode json = cli.run("status", "--json").succeeds().json();

        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("command").asText()).isEqualTo("status");
        assertThat(json.get("currentVersion").asText()).isEqualTo("20260101000000");
        assertThat(json.get("currentBatch").asInt()).isEqualTo(1);
        assertThat(json.get("migrations")).hasSize(3);
        JsonNode users = json.get("migrations").get(0);
        assertThat(users.get("name").asText()).isEqualTo(USERS);
        assertThat(users.get("state").asText()).isEqualTo("applied");
        assertThat(users.get("batch").asInt()).isEqualTo(1);
        assertThat(users.get("appliedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
        assertThat(users.get("durationMs").isIntegralNumber()).isTrue();
        assertThat(users.get("reversible").asBoolean()).isTrue();
        assertThat(users.get("description").asText()).isEqualTo("Creates the users table.\nEmails are unique.");
        assertThat(users.get("file").asText())
                .isEqualTo(Path.of("database", "migrations", USERS + ".sql").toString());
        JsonNode tags = json.get("migrations").get(2);
        assertThat(tags.get("state").asText()).isEqualTo("pending");
        assertThat(tags.get("batch").isNull()).isTrue();
        assertThat(tags.get("appliedAt").isNull()).isTrue();
        assertThat(json.get("problems")).isEmpty();
    }

    /** A validation that passes while another runner holds the lock says who, also in its JSON document. */
    @Test
    void validateNamesTheRunnerThatHoldsTheLockInItsJsonToo() throws IOException {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();
        assertThat(cli.run("--json", "validate")
                        .succeeds()
                        .json()
                        .get("lockHolder")
                        .isNull())
                .isTrue();

        try (FileChannel holder = FileChannel.open(
                        directory.resolve("dev.sqlite3.cairn_migrations.lock"), StandardOpenOption.WRITE);
                FileLock held = holder.lock()) {
            assertThat(held.isValid()).isTrue();
            holder.truncate(0);
            holder.write(ByteBuffer.wrap(
                    "pid 778 on ci-runner-4, since 2026-11-24T06:00:00Z\n".getBytes(StandardCharsets.UTF_8)));

            Cli.Run validate = cli.run("--json", "validate").exits(0);

            assertThat(validate.json().get("lockHolder").asText()).startsWith("held by pid 778 on ci-runner-4");
            assertThat(validate.err()).contains("Note: a runner holds the migration lock");
        }
    }

    @Test
    void namesTheRunnerThatHoldsTheLockAndCallsItsPartWayMigrationRunningNotStopped() throws IOException {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();
        // A section outside the transaction that stopped after its first statement: the row says so.
        String backfill = "20260105000000_backfill";
        cli.migration(
                backfill,
                String.join(
                        "\n",
                        "-- migrate:up transaction:false",
                        "INSERT INTO tags (name) VALUES ('a');",
                        "INSERT INTO missing_table VALUES (1);",
                        "-- migrate:down",
                        "DELETE FROM tags;",
                        ""));
        cli.run("migrate").exits(1);
        assertThat(cli.run("status").out())
                .contains(
                        "INCOMPLETE: up stopped after 1 statement",
                        "`cairn repair " + backfill + " --finished-by-hand`");

        try (FileChannel holder = FileChannel.open(
                        directory.resolve("dev.sqlite3.cairn_migrations.lock"), StandardOpenOption.WRITE);
                FileLock held = holder.lock()) {
            assertThat(held.isValid()).isTrue();
            holder.truncate(0);
            holder.write(ByteBuffer.wrap(
                    "pid 777 on ci-runner-3, since 2026-11-24T06:00:00Z\n".getBytes(StandardCharsets.UTF_8)));

            Cli.Run status = cli.run("status").succeeds();
            Cli.Run json = cli.run("status", "--json").succeeds();
            Cli.Run validate = cli.run("validate").exits(1);

            assertThat(status.out())
                    .contains("A runner holds the migration lock and is changing the database now (held by pid 777 on"
                            + " ci-runner-3, since 2026-11-24T06:00:00Z)")
                    .containsPattern(backfill + " +RUNNING: up, 1 statement done\n")
                    .contains("3 applied, 1 running, 0 pending")
                    .contains(backfill + ": its up section is part-way (1 statement so far) while another runner holds"
                            + " the migration lock (held by pid 777 on ci-runner-3")
                    .doesNotContain("INCOMPLETE", "cairn repair");
            assertThat(json.json().get("lockHolder").asText()).startsWith("held by pid 777 on ci-runner-3");
            assertThat(json.json().get("runningCount").asInt()).isEqualTo(1);
            assertThat(json.json().get("migrations").get(3).get("state").asText())
                    .isEqualTo("running");
            assertThat(validate.err())
                    .contains(
                            "Note: a runner holds the migration lock and is changing the database now (held by pid 777")
                    .contains("so it is most likely running now")
                    .doesNotContain("cairn repair");
        }
        Cli.Run after = cli.run("status").succeeds();
        assertThat(after.out())
                .contains("INCOMPLETE: up stopped after 1 statement")
                .doesNotContain("holds the");
        assertThat(cli.run("status", "--json").json().get("lockHolder").isNull())
                .isTrue();
    }
}
