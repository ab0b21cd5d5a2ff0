// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Direction;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationListener;
import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.RollbackResult;
import dev.cairn.ServerInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The human formats, fed with values as the core returns them. */
class HumanOutputTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void theTimeAMigrationWasAppliedReadsAsTheFormatterWritesIt() {
        Random random = new Random(20261205);
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.parse("2026-12-05T13:03:28.999Z"),
                Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("2000-02-29T23:59:59Z"),
                Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("0999-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z")));
        for (int i = 0; i < 10_000; i++) {
            // Any second from the year 1 to 12000, and a fraction that is not shown.
            instants.add(Instant.ofEpochSecond(
                    -62_135_596_800L + (long) (random.nextDouble() * 440_000_000_000L), random.nextInt(1_000_000_000)));
        }

        for (Instant instant : instants) {
            assertThat(HumanOutput.appliedAt(instant))
                    .as("%s", instant)
                    .isEqualTo(HumanOutput.APPLIED_AT.format(instant));
        }
    }

    private HumanOutput output(String... args) {
        Invocation invocation =
                new Invocation(directory, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        new picocli.CommandLine(new CairnCommand(invocation.options).spec()).parseArgs(args);
        return new HumanOutput(invocation);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void showsEachMigrationAsItRunsWithAlignedTimesThenASummary() {
        HumanOutput output = output();
        MigrationListener progress = output.listener();
        Plan plan = Samples.migratePlan(directory);

        progress.planned(plan);
        progress.migrationStarting(plan.migrations().get(0));
        // The name is out before the migration finishes, so a slow one shows what it waits on.
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith(Samples.USERS + " ...... ");
        progress.migrationFinished(Samples.run(Samples.USERS, Direction.UP, 3, 12));
        progress.migrationStarting(plan.migrations().get(1));
        progress.migrationFinished(Samples.run(Samples.EMAIL, Direction.UP, 3, 3));
        output.migrated(new MigrateResult(
                OptionalInt.of(3),
                List.of(
                        Samples.run(Samples.USERS, Direction.UP, 3, 12),
                        Samples.run(Samples.EMAIL, Direction.UP, 3, 3)),
                Duration.ofMillis(41)));

        assertThat(lines())
                .containsExactly(
                        "Migrating  (): 2 pending, batch 3",
                        "  up    20261124153000_create_users ......   12 ms",
                        "  up    20261124153100_add_email_index ...    3 ms",
                        "Applied 2 migrations in batch 3 (41 ms).");
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("\\p{ASCII}*");
    }

    @Test
    void nothingToDo() {
        HumanOutput output = output();
        output.migrated(new MigrateResult(OptionalInt.empty(), List.of(), Duration.ofMillis(5)));
        output.rolledBack(new RollbackResult(List.of(), Duration.ofMillis(5)));

        assertThat(lines()).containsExactly("Nothing to migrate: the database is up to date.", "Nothing to roll back.");
    }

    @Test
    void rollbackNamesTheBatchesAndPrintsRunsTheListenerMissed() {
        HumanOutput output = output();
        output.rolledBack(new RollbackResult(
                List.of(
                        Samples.run(Samples.EMAIL, Direction.DOWN, 2, 4),
                        Samples.run(Samples.USERS, Direction.DOWN, 1, 1)),
                Duration.ofMillis(9)));

        assertThat(lines())
                .containsExactly(
                        "  down  20261124153100_add_email_index ...    4 ms",
                        "  down  20261124153000_create_users ......    1 ms",
                        "Rolled back 2 migrations of batches 2, 1 (9 ms).");
    }

    @Test
    void failureEndsTheOpenProgressLine() {
        HumanOutput output = output();
        Plan plan = Samples.migratePlan(directory);
        output.listener().planned(plan);
        output.listener().migrationStarting(plan.migrations().get(0));
        output.failed(Failure.usage("x"));

        assertThat(lines().get(1)).isEqualTo("  up    20261124153000_create_users ...... FAILED");
    }

    @Test
    void statusIsATableThenTheSummaryThenTheProblems() {
        output().status(Samples.status(directory));

        assertThat(lines())
                .containsExactly(
                        "Status of  ()",
                        "Batch  Applied at (UTC)     Migration                       State",
                        "    1  2026-11-24 15:31:02  20261124153000_create_users     applied",
                        "    1  2026-11-24 15:31:02  20261120000000_gone             MISSING FILE",
                        "       -                    20261124153100_add_email_index  pending",
                        "Version 20261124153000, batch 1: 2 applied, 1 pending",
                        "Problems:",
                        "  - 20261120000000_gone is applied but its file is gone.");
    }

    @Test
    void verboseStatusAddsTimesDescriptionsAndIrreversibility() {
        output("-v").status(Samples.status(directory));

        assertThat(lines())
                .contains(
                        "Batch  Applied at (UTC)      Time  Migration                       State",
                        "    1  2026-11-24 15:31:02  12 ms  20261124153000_create_users     applied, irreversible",
                        "                                     Creates users.",
                        "                                     Breaking: drops nothing.",
                        // A missing file is not called irreversible: the problem is the missing file.
                        "    1  2026-11-24 15:31:02   3 ms  20261120000000_gone             MISSING FILE",
                        "       -                           20261124153100_add_email_index  pending");
    }

    @Test
    void dryRunIsSqlThatCouldBePipedToAClient() {
        output().dryRun(Samples.migratePlan(directory));

        String file = Path.of("database", "migrations").toString();
        assertThat(lines())
                .containsExactly(
                        "-- Dry run of 'cairn migrate' on  (): nothing was changed. It would apply 2 migrations as"
                                + " batch 3.",
                        "",
                        "-- 20261124153000_create_users (up) " + file
                                + Path.of("/").getFileSystem().getSeparator() + "20261124153000_create_users.sql:2",
                        "CREATE TABLE users (id bigint PRIMARY KEY);",
                        "INSERT INTO users VALUES (1) -- the first",
                        ";",
                        "",
                        "-- 20261124153100_add_email_index (up) " + file
                                + Path.of("/").getFileSystem().getSeparator()
                                + "20261124153100_add_email_index.sql:2 transaction:false",
                        "CREATE INDEX CONCURRENTLY users_email ON users (email);");
    }

    @Test
    void emptyDryRunOfARollback() {
        output().dryRun(new Plan(Operation.rollbackAll(), OptionalInt.empty(), List.of()));

        assertThat(lines())
                .containsExactly(
                        "-- Dry run of 'cairn rollback --all' on  (): nothing was changed. There is nothing to do.");
    }

    @Test
    void pingAndMake() {
        HumanOutput output = output();
        output.pinged(new ServerInfo("PostgreSQL", "15.19", "jdbc:postgresql://db/app", Duration.ofMillis(45), ""));
        output.pinged(new ServerInfo("SQLite", "3.50", "jdbc:sqlite:x", Duration.ofMillis(1), "x does not exist yet."));
        output.made(directory.resolve("database/migrations/1_a.sql"));

        assertThat(lines())
                .containsExactly(
                        "Connected to PostgreSQL 15.19 at jdbc:postgresql://db/app in 45 ms.",
                        "Connected to SQLite 3.50 at jdbc:sqlite:x in 1 ms.",
                        "x does not exist yet.",
                        "Created " + Path.of("database", "migrations", "1_a.sql"));
    }
}
