// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Direction;
import dev.cairn.LintFinding;
import dev.cairn.LintResult;
import dev.cairn.LintRule;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationRun;
import dev.cairn.Problem;
import dev.cairn.RollbackResult;
import dev.cairn.Status;
import dev.cairn.ValidateResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReportTest {

    private final RecordingLog log = new RecordingLog();
    private final Report report = new Report(log);

    @Test
    void statusListsEveryMigrationAndWarnsOfEachProblem() {
        Status status = new Status(
                Optional.of("20260101000100"),
                1,
                List.of(
                        applied("20260101000100_create_users", 1, "2026-01-02T03:04:05Z"),
                        pending("20260101000200_create_posts")),
                List.of(
                        new Problem(Problem.Kind.OUT_OF_ORDER, "20260101000050_old", "20260101000050_old is older"),
                        new Problem(Problem.Kind.DOWN_CHANGED, "20260101000100_create_users", "its down changed")));

        report.status(status);

        assertThat(log.lines)
                .containsExactly(
                        "INFO Status of the database",
                        "INFO       1  2026-01-02 03:04:05  20260101000100_create_users  applied",
                        "INFO          -                    20260101000200_create_posts  pending",
                        "INFO Version 20260101000100, batch 1: 1 applied, 1 pending",
                        "WARN Problem: 20260101000050_old is older",
                        "WARN Notice (nothing refuses): its down changed");
    }

    @Test
    void migrateSaysWhyNothingRanWhenCairnSaysWhy() {
        report.migrated(new MigrateResult(
                OptionalInt.empty(), List.of(), Duration.ofMillis(5), Optional.of("20260101000100 is applied.")));
        report.migrated(new MigrateResult(OptionalInt.empty(), List.of(), Duration.ofMillis(5)));

        assertThat(log.lines)
                .containsExactly(
                        "INFO 20260101000100 is applied.", "INFO Nothing to migrate: the database is up to date.");
    }

    @Test
    void rollbackNamesTheBatchesItUndid() {
        report.rolledBack(new RollbackResult(
                List.of(run("20260101000300_c", 3), run("20260101000200_b", 2)), Duration.ofMillis(12)));
        report.rolledBack(new RollbackResult(List.of(run("20260101000100_a", 1)), Duration.ofMillis(7)));

        assertThat(log.lines)
                .containsExactly(
                        "INFO Rolled back 2 migrations of batches 3, 2 (12 ms).",
                        "INFO Rolled back 1 migration of batch 1 (7 ms).");
    }

    @Test
    void aValidateWithOnlyNoticesPassesAndStillTellsThem() {
        ValidateResult result = new ValidateResult(
                2, List.of(new Problem(Problem.Kind.DOWN_CHANGED, "20260101000100_a", "its down changed")));

        report.validated(result);

        assertThat(result.isValid()).isTrue();
        assertThat(log.lines)
                .containsExactly(
                        "INFO No problems: 2 migrations, and the files agree with the tracking table of the database.",
                        "WARN Notice (nothing refuses): its down changed");
    }

    @Test
    void lintLogsErrorsAsErrorsAndWarningsAsWarningsWithWhyAndFixOnceARule() {
        Path root = Path.of("project").toAbsolutePath();
        LintRule drop = new LintRule("drop-table", LintRule.Level.WARNING, "Dropping", "Data goes.", "Later.");
        LintRule empty = new LintRule("empty-down", LintRule.Level.ERROR, "Empty down", "Nothing runs.", "Write it.");
        Path file = root.resolve("database/migrations/2_drop.sql");
        LintResult result = new LintResult(
                "SQLite",
                2,
                List.of(
                        new LintFinding("2_drop", file, 2, drop, LintRule.Level.WARNING, "drops table a"),
                        new LintFinding("2_drop", file, 2, empty, LintRule.Level.ERROR, "table a is destroyed"),
                        new LintFinding("2_drop", file, 3, drop, LintRule.Level.WARNING, "drops table b")),
                List.of(drop, empty));

        report.linted(result, root);
        report.lintSummary(new LintResult("SQLite", 0, List.of(), List.of(drop)));
        report.lintSummary(new LintResult("SQLite", 3, List.of(), List.of(drop)));

        String shown = Path.of("database/migrations/2_drop.sql").toString();
        assertThat(log.lines)
                .containsExactly(
                        "WARN " + shown + ":2: warning drop-table",
                        "WARN   drops table a",
                        "WARN   why: Data goes.",
                        "WARN   fix: Later.",
                        "ERROR " + shown + ":2: error empty-down",
                        "ERROR   table a is destroyed",
                        "ERROR   why: Nothing runs.",
                        "ERROR   fix: Write it.",
                        "WARN " + shown + ":3: warning drop-table",
                        "WARN   drops table b",
                        "INFO Linted 2 migrations with the SQLite rules: 1 error, 2 warnings (a rule's why and fix"
                                + " show at its first finding; -- cairn:lint-ignore RULE on the line above a statement"
                                + " silences one).",
                        "INFO No migrations to lint (none pending): <all> (-Dcairn.lint.all) reads every migration.",
                        "INFO Linted 3 migrations with the SQLite rules: no findings.");
    }

    private static MigrationRun run(String name, int batch) {
        return new MigrationRun(name, name.substring(0, 14), Direction.DOWN, batch, Duration.ofMillis(1));
    }

    private static Status.Migration applied(String name, int batch, String at) {
        return new Status.Migration(
                name,
                name.substring(0, 14),
                "",
                Status.State.APPLIED,
                Optional.of(batch),
                Optional.of(Instant.parse(at)),
                Optional.of(Duration.ofMillis(3)),
                true,
                Optional.of(Path.of(name + ".sql")),
                Optional.empty());
    }

    private static Status.Migration pending(String name) {
        return new Status.Migration(
                name,
                name.substring(0, 14),
                "",
                Status.State.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.of(Path.of(name + ".sql")),
                Optional.empty());
    }
}
