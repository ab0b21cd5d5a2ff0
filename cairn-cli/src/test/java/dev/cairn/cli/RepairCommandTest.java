// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section that stops part-way outside a transaction, as users see it: the failure, the
 * {@code INCOMPLETE} state in {@code status}, and {@code repair} after a fix by hand. (Every
 * migration on MySQL, MariaDB and H2 runs this way; on SQLite a {@code transaction:false} section does.)
 */
class RepairCommandTest {

    private static final String HALF = "20260101000000_half";

    @TempDir
    Path directory;

    private Cli halfApplied() {
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration(
                        HALF,
                        String.join(
                                "\n",
                                "-- migrate:up transaction:false",
                                "CREATE TABLE a (id INTEGER);",
                                "CREATE TABLE b (id INTEGER) nonsense;",
                                "-- migrate:down",
                                "DROP TABLE b;",
                                "DROP TABLE a;",
                                ""));
        Cli.Run failed = cli.run("migrate").exits(1);
        assertThat(failed.err())
                .contains(
                        HALF + ".sql:3",
                        "statement 1 of " + HALF + "'s up section ran and stays",
                        "`cairn repair " + HALF + " --finished-by-hand`",
                        "`cairn repair --forget " + HALF + "`");
        return cli;
    }

    @Test
    void statusShowsTheIncompleteMigrationAndTheWayOut() {
        Cli cli = halfApplied();

        Cli.Run status = cli.run("status").succeeds();

        assertThat(status.out())
                .containsPattern(HALF + " +INCOMPLETE: up stopped after 1 statement")
                .contains("batch 1: 0 applied, 1 incomplete, 0 pending")
                .contains("Problems:", "fix the failing statement and run `cairn migrate` to resume with it");
        JsonNode json = cli.run("status", "--json").succeeds().json();
        JsonNode migration = json.get("migrations").get(0);
        assertThat(migration.get("state").asText()).isEqualTo("incomplete");
        assertThat(migration.get("incomplete").get("section").asText()).isEqualTo("up");
        assertThat(migration.get("incomplete").get("statementsRun").asInt()).isEqualTo(1);
        assertThat(json.get("problems").get(0).get("kind").asText()).isEqualTo("incomplete");
    }

    @Test
    void theDryRunShowsWhereItResumes() {
        Cli cli = halfApplied();

        Cli.Run plan = cli.run("migrate", "--dry-run").succeeds();

        assertThat(plan.out())
                .contains("-- resumes after statement 1", "CREATE TABLE b (id INTEGER) nonsense;")
                .doesNotContain("CREATE TABLE a");
    }

    @Test
    void repairRecordsTheMigrationFinishedByHandOnlyWhenToldAndWhenTheTablesAgree() {
        Cli cli = halfApplied();

        Cli.Run unconfirmed = cli.run("repair").exits(1);
        assertThat(unconfirmed.err())
                .contains(
                        "Cannot repair 1 migration: repair records only what you vouch for and the database does not"
                                + " contradict. Nothing was changed.",
                        HALF + " stopped part-way through its up section: Cairn completed statement 1 and did not"
                                + " complete statement 2 (" + HALF + ".sql line 3: CREATE TABLE b (id INTEGER)"
                                + " nonsense)",
                        "`cairn repair " + HALF + " --finished-by-hand`",
                        "`cairn repair --forget " + HALF + "`");
        Cli.Run missing = cli.run("repair", HALF, "--finished-by-hand").exits(1);
        assertThat(missing.err())
                .contains(HALF + " cannot be recorded as applied: in " + HALF + ".sql, statement 2 (line 3) creates"
                        + " table b, but the database has no table b. Finish it by hand first");
        assertThat(cli.run("status").succeeds().out()).containsPattern(HALF + " +INCOMPLETE: up stopped");

        cli.database().execute("CREATE TABLE b (id INTEGER)");
        Cli.Run dryRun = cli.run("repair", "--finished-by-hand", "--dry-run").succeeds();
        assertThat(dryRun.out())
                .contains(
                        HALF + " would be recorded as applied",
                        "Dry run: repair would change 1 migration in the tracking table; nothing was changed.");
        assertThat(cli.run("status").succeeds().out()).containsPattern(HALF + " +INCOMPLETE: up stopped");

        Cli.Run repair = cli.run("repair", "--finished-by-hand").succeeds();

        assertThat(repair.out())
                .contains(
                        HALF + " is recorded as applied (its up section had stopped after statement 1; the rest was"
                                + " done by hand).",
                        "Repaired 1 migration in the tracking table");
        assertThat(cli.run("status").succeeds().out())
                .containsPattern(HALF + " +applied")
                .doesNotContain("Problems");
        assertThat(cli.run("repair").succeeds().out())
                .contains("Nothing to repair: the tracking table agrees with the files (on SQLite a migration that"
                        + " fails is rolled back with its whole batch and leaves nothing to repair: fix it and run"
                        + " `cairn migrate` again).");
        assertThat(cli.run("repair", HALF).exits(2).err())
                .contains(HALF + " has nothing to repair: it is applied (batch 1) and its file is unchanged (to take it"
                        + " out of the tracking table all the same, `cairn repair --forget " + HALF + "`)");
        JsonNode json = cli.run("repair", "--json").succeeds().json();
        assertThat(json.get("command").asText()).isEqualTo("repair");
        assertThat(json.get("dryRun").asBoolean()).isFalse();
        assertThat(json.get("transactionalDdl").asBoolean()).isTrue();
        assertThat(json.get("repairs")).isEmpty();
        cli.run("rollback").succeeds();
        assertThat(cli.database().tables()).containsExactly("cairn_migrations");
    }

    @Test
    void aNamedMigrationMustBeTrackedAndNeedRepair() {
        Cli cli = halfApplied().migration("20260102000000_later", "-- migrate:up\nCREATE TABLE later (id INTEGER);\n");

        Cli.Run pending = cli.run("repair", "20260102000000_later").exits(2);
        assertThat(pending.err())
                .contains("20260102000000_later is not in the tracking table: it is pending, so there is nothing to"
                        + " repair or forget");
        assertThat(cli.run("repair", "--forget", "20991231000000").exits(2).err())
                .contains("No migration in the tracking table has the name or version '20991231000000'");
        assertThat(cli.run("repair", "--forget").exits(2).err()).contains("Name the migrations to forget");
        assertThat(cli.run("repair", "--forget", "--finished-by-hand", HALF)
                        .exits(2)
                        .err())
                .contains("not both");
        assertThat(cli.run("status").succeeds().out()).containsPattern(HALF + " +INCOMPLETE: up stopped");
    }

    @Test
    void forgettingAPartRunUpNamesTheTablesThatItsStatementsLeftBehind() {
        Cli cli = halfApplied();

        Cli.Run forget = cli.run("repair", "--forget", HALF).succeeds();

        assertThat(forget.out())
                .contains(
                        HALF + " is forgotten (its up section had stopped after statement 1)",
                        "Still there from the statements that ran: table a (statement 1, line 2); undo it by hand"
                                + " before `cairn migrate` runs the migration again from its first statement.");
        assertThat(cli.database().history()).isEmpty();
        assertThat(cli.database().userTables()).containsExactly("a");
    }

    @Test
    void aPartRunDownIsRecordedAsUndoneOnlyWhenToldAndWhenItsTablesAreGone() {
        String pair = "20260101000000_pair";
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration(
                        pair,
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE a (id INTEGER);",
                                "CREATE TABLE b (id INTEGER);",
                                "-- migrate:down transaction:false",
                                "DROP TABLE b;",
                                "DROP TABLE no_such_table;",
                                "DROP TABLE a;",
                                ""));
        cli.run("migrate").succeeds();
        cli.run("rollback").exits(1);

        assertThat(cli.run("repair").exits(1).err())
                .contains(
                        pair + " stopped part-way through its down section: Cairn completed statement 1 and did not"
                                + " complete statements 2-3",
                        "record it as undone with `cairn repair " + pair + " --finished-by-hand`")
                .doesNotContain("--forget");
        assertThat(cli.run("repair", "--finished-by-hand").exits(1).err())
                .contains(pair + " cannot be recorded as undone: in " + pair + ".sql, statement 3 (line 7) drops table"
                        + " a, but table a is still there. Finish undoing it by hand first");
        assertThat(cli.database().history()).containsExactly(pair + "@1");

        cli.database().execute("DROP TABLE a");
        assertThat(cli.run("repair", "--finished-by-hand").succeeds().out())
                .contains(pair + " is recorded as undone (its down section had stopped after statement 1; the rest was"
                        + " done by hand).");
        assertThat(cli.database().history()).isEmpty();
        assertThat(cli.run("status").succeeds().out()).containsPattern(pair + " +pending");
    }

    @Test
    void whatNeedsADecisionHoldsBackTheRestAndTheRefusalNamesTheOthers() throws IOException {
        String first = "20250101000000_first";
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration(first, "-- migrate:up\nCREATE TABLE first (id INTEGER);\n")
                .migration(HALF, "-- migrate:up transaction:false\nCREATE TABLE a (id INTEGER);\nnonsense;\n");
        cli.run("migrate").exits(1);
        Path file = directory.resolve("database/migrations/" + first + ".sql");
        // An edit of the up itself: a comment alone is no edit (checksum algorithm 2).
        Files.writeString(file, Files.readString(file).replace("(id INTEGER)", "(id INTEGER, name TEXT)"));

        assertThat(cli.run("repair").exits(1).err())
                .contains("Nothing was changed; to repair only the others, name them: `cairn repair " + first + "`.");
        assertThat(cli.run("validate").exits(1).err())
                .contains(first + ".sql: the up section was changed after it was applied");

        assertThat(cli.run("repair", first).succeeds().out())
                .contains(first + " now carries the checksum of its edited file.", "Repaired 1 migration");
        assertThat(cli.run("status").succeeds().out()).containsPattern(HALF + " +INCOMPLETE: up stopped");
    }

    @Test
    void aPartRunMigrationWhoseFileIsLostIsForgottenOrRecordedButNeverGuessed() throws IOException {
        Cli cli = halfApplied();
        Files.delete(directory.resolve("database/migrations/" + HALF + ".sql"));

        assertThat(cli.run("migrate").exits(1).err())
                .contains("its file is gone; restore the file, or finish it by hand and run `cairn repair " + HALF
                        + " --finished-by-hand`, or undo what ran by hand and forget it with `cairn repair --forget "
                        + HALF + "`");
        assertThat(cli.run("repair").exits(1).err())
                .contains(HALF + " stopped part-way through its up section: Cairn completed statement 1, and its"
                        + " file is gone, so the statements that Cairn did not complete cannot be listed");

        cli.database().execute("DROP TABLE a");
        assertThat(cli.run("repair", "--forget", HALF).succeeds().out())
                .contains(HALF + " is forgotten (its up section had stopped after statement 1): the tracking table no"
                        + " longer has it, and whatever it made stays in the database.");
        assertThat(cli.run("migrate").succeeds().out()).contains("Nothing to migrate");
        assertThat(cli.run("validate").succeeds().out()).startsWith("No problems");
    }
}
