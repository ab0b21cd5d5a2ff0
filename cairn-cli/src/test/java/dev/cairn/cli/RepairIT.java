// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ways out of a migration that stopped part-way and of a lost file, through the command line on
 * real databases: {@code repair} that records only what the user vouches for and the database does not
 * contradict, {@code repair --forget}, {@code --dry-run}, and the refusals of the other commands that
 * name the way out. On MariaDB and H2 a migration stops part-way by itself (DDL commits); on PostgreSQL
 * and SQLite only a {@code transaction:false} section does, and a failed batch leaves nothing behind.
 */
class RepairIT {

    private static final String USERS = "20260101000000_create_users";
    private static final String HALF = "20260102000000_half";
    private static final String LATER = "20260103000000_later";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path directory;

    private TestDatabase database;
    private Cli cli;

    private void project(Engine engine) {
        database = databases.create(engine);
        cli = new Cli(directory)
                .migration(
                        USERS,
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE users (id integer PRIMARY KEY);",
                                "-- migrate:down",
                                "DROP TABLE users;",
                                ""));
    }

    /** Runs {@code cairn} on the test database. */
    private Cli.Run cairn(String... command) {
        List<String> args = new ArrayList<>(List.of("--url", database.url()));
        if (database.user() != null) {
            args.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            args.addAll(List.of("--password", database.password()));
        }
        return cli.run(Stream.concat(args.stream(), Stream.of(command)).toArray(String[]::new));
    }

    /** Each tracking row as name@batch, with :up/N for a section that stopped after N statements. */
    private List<String> tracking() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row :
                database.query("SELECT name, batch, incomplete, statements_run FROM cairn_migrations ORDER BY id")) {
            rows.add(row.get("name") + "@" + ((Number) row.get("batch")).intValue()
                    + (row.get("incomplete") == null
                            ? ""
                            : ":" + row.get("incomplete") + "/" + ((Number) row.get("statements_run")).intValue()));
        }
        return rows;
    }

    /** The up marker that makes a migration run statement by statement on {@code engine}. */
    private static String upMarker(Engine engine) {
        return engine == Engine.MARIADB || engine == Engine.H2 ? "-- migrate:up" : "-- migrate:up transaction:false";
    }

    /** {@code HALF}: creates a, fails on an insert into a table that does not exist, then would create b. */
    private void halfApplied(Engine engine) {
        cli.migration(
                HALF,
                String.join(
                        "\n",
                        upMarker(engine),
                        "CREATE TABLE a (id integer);",
                        "INSERT INTO no_such_table VALUES (1);",
                        "CREATE TABLE b (id integer);",
                        "-- migrate:down",
                        "DROP TABLE b;",
                        "DROP TABLE a;",
                        ""));
        cairn("migrate").exits(1);
        assertThat(tracking()).containsExactly(USERS + "@1", HALF + "@1:up/1");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"MARIADB", "POSTGRESQL", "SQLITE", "H2"})
    void aPartialMigrationUndoneByHandIsForgottenAndStartsOver(Engine engine) throws IOException {
        project(engine);
        halfApplied(engine);

        // Without the user's word, repair records nothing, and says which statements Cairn did not complete.
        Cli.Run unconfirmed = cairn("repair").exits(1);
        assertThat(unconfirmed.err())
                .contains(
                        "Nothing was changed",
                        HALF + " stopped part-way through its up section: Cairn completed statement 1 and did not"
                                + " complete statements 2-3 (" + HALF + ".sql line 3: INSERT INTO no_such_table VALUES"
                                + " (1), line 4: CREATE TABLE b (id integer))",
                        "`cairn repair " + HALF + " --finished-by-hand`",
                        "`cairn repair --forget " + HALF + "`");
        // Confirming is not enough while a table that the up creates is missing.
        assertThat(cairn("repair", HALF, "--finished-by-hand").exits(1).err())
                .contains(HALF + " cannot be recorded as applied: in " + HALF + ".sql, statement 3 (line 4) creates"
                        + " table b, but the database has no table b");
        assertThat(tracking()).containsExactly(USERS + "@1", HALF + "@1:up/1");

        // The user undoes by hand what ran, and forgets the migration.
        database.execute("DROP TABLE a");
        Cli.Run dryRun = cairn("repair", "--forget", HALF, "--dry-run").succeeds();
        assertThat(dryRun.out())
                .contains(
                        HALF + " would be forgotten (its up section had stopped after statement 1)",
                        "nothing was changed");
        assertThat(tracking()).containsExactly(USERS + "@1", HALF + "@1:up/1");
        Cli.Run forget = cairn("repair", "--forget", HALF).succeeds();
        assertThat(forget.out())
                .contains(
                        HALF + " is forgotten (its up section had stopped after statement 1): the tracking table no"
                                + " longer has it, and whatever it made stays in the database; its file is pending"
                                + " again.",
                        "Repaired 1 migration in the tracking table");
        assertThat(tracking()).containsExactly(USERS + "@1");
        assertThat(cairn("status").succeeds().out()).containsPattern(HALF + " +pending");

        // Fixed, it runs again from its first statement.
        Path file = directory.resolve("database/migrations/" + HALF + ".sql");
        Files.writeString(file, Files.readString(file).replace("INSERT INTO no_such_table VALUES (1);\n", ""));
        assertThat(cairn("migrate").succeeds().out()).contains("Applied 1 migration in batch 2");
        assertThat(tracking()).containsExactly(USERS + "@1", HALF + "@2");
        assertThat(database.tables()).contains("users", "a", "b");
        assertThat(cairn("validate").succeeds().out()).startsWith("No problems");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"MARIADB", "POSTGRESQL", "SQLITE", "H2"})
    void aPartialMigrationFinishedByHandIsRecordedOnceTheTablesAgree(Engine engine) {
        project(engine);
        halfApplied(engine);

        database.execute("CREATE TABLE b (id integer)");
        Cli.Run dryRun = cairn("repair", "--finished-by-hand", "--dry-run").succeeds();
        assertThat(dryRun.out()).contains(HALF + " would be recorded as applied", "nothing was changed");
        assertThat(tracking()).containsExactly(USERS + "@1", HALF + "@1:up/1");

        assertThat(cairn("repair", "20260102000000", "--finished-by-hand")
                        .succeeds()
                        .out())
                .contains(HALF + " is recorded as applied (its up section had stopped after statement 1; the rest was"
                        + " done by hand).");
        assertThat(tracking()).containsExactly(USERS + "@1", HALF + "@1");
        assertThat(cairn("rollback").succeeds().out()).contains("Rolled back 2 migrations of batch 1");
        assertThat(database.tables()).doesNotContain("users", "a", "b");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"MARIADB", "POSTGRESQL", "SQLITE", "H2"})
    void aLostFileBlocksChangesNamingBothWaysOutAndForgettingItLetsThemRun(Engine engine) throws IOException {
        project(engine);
        cli.migration(
                HALF,
                String.join("\n", "-- migrate:up", "CREATE TABLE a (id integer);", "-- migrate:down", "DROP TABLE a;"));
        cairn("migrate").succeeds();
        Files.delete(directory.resolve("database/migrations/" + HALF + ".sql"));
        cli.migration(LATER, "-- migrate:up\nCREATE TABLE later (id integer);\n-- migrate:down\nDROP TABLE later;\n");

        String lost = HALF + " is applied (batch 1) but its file is gone; restore the file (from version control),"
                + " or, if it was removed on purpose, forget it with `cairn repair --forget " + HALF + "`";
        assertThat(cairn("migrate").exits(1).err()).contains(lost, "Nothing was changed");
        assertThat(cairn("validate").exits(1).err()).contains(lost);
        assertThat(cairn("rollback").exits(1).err()).contains(lost);
        // Repair itself does not pretend: it lists the lost file and changes nothing.
        Cli.Run repair = cairn("repair").exits(1);
        assertThat(repair.err())
                .contains("Cannot repair 1 migration: repair records only what you vouch for", lost)
                .doesNotContain("Repaired");
        assertThat(cairn("repair", HALF).exits(1).err()).contains(lost);
        assertThat(tracking()).containsExactly(USERS + "@1", HALF + "@1");

        Cli.Run dryRun = cairn("repair", "--forget", HALF, "--dry-run").succeeds();
        assertThat(dryRun.out()).contains(HALF + " would be forgotten (applied in batch 1)", "nothing was changed");
        assertThat(tracking()).containsExactly(USERS + "@1", HALF + "@1");

        assertThat(cairn("repair", "--forget", HALF).succeeds().out())
                .contains(HALF + " is forgotten (applied in batch 1): the tracking table no longer has it, and"
                        + " whatever it made stays in the database.");
        assertThat(tracking()).containsExactly(USERS + "@1");
        assertThat(cairn("migrate").succeeds().out()).contains("Applied 1 migration in batch 2");
        assertThat(tracking()).containsExactly(USERS + "@1", LATER + "@2");
        cairn("rollback", "--all").succeeds();
        // What the forgotten migration made is the user's now: no rollback touches it.
        assertThat(database.tables()).contains("a").doesNotContain("users", "later");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"MARIADB", "POSTGRESQL", "SQLITE", "H2"})
    void withNothingToRepairRepairSaysSoAndWhyAFailedBatchLeftNothing(Engine engine) {
        project(engine);
        cli.migration(
                HALF,
                String.join(
                        "\n",
                        "-- migrate:up",
                        "INSERT INTO no_such_table VALUES (1);",
                        "-- migrate:down",
                        "DROP TABLE b;",
                        ""));
        cairn("migrate").exits(1);

        Cli.Run repair = cairn("repair").succeeds();

        if (engine == Engine.MARIADB || engine == Engine.H2) {
            assertThat(repair.out())
                    .isEqualTo("Nothing to repair: the tracking table agrees with the files." + System.lineSeparator());
            assertThat(tracking()).containsExactly(USERS + "@1");
        } else {
            assertThat(repair.out())
                    .contains("Nothing to repair: the tracking table agrees with the files (on "
                            + (engine == Engine.SQLITE ? "SQLite" : "PostgreSQL")
                            + " a migration that fails is rolled back with its whole batch and leaves nothing to"
                            + " repair: fix it and run `cairn migrate` again).");
            assertThat(database.tables()).doesNotContain("users");
        }
        assertThat(cairn("repair", HALF).exits(2).err())
                .contains(HALF + " is not in the tracking table: it is pending, so there is nothing to repair or"
                        + " forget");
        assertThat(cairn("repair", "--dry-run", "--json").succeeds().json().get("repairs"))
                .isEmpty();
    }
}
