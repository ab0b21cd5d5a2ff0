// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Cairn;
import dev.cairn.Direction;
import dev.cairn.LintResult;
import dev.cairn.LintRule;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationRun;
import dev.cairn.Plan;
import dev.cairn.Problem;
import dev.cairn.RollbackResult;
import dev.cairn.Status;
import dev.cairn.ValidateResult;
import dev.cairn.VerifyResult;
import dev.cairn.VerifyResult.Checked;
import dev.cairn.VerifyResult.Finding;
import dev.cairn.VerifyResult.StepFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes what a goal did to Maven's log, in the words of the {@code cairn} tool's output, kept short:
 * progress as it happens (as a {@link dev.cairn.MigrationListener}, through {@link LogProgress}), then
 * one summary per command. Problems are warnings; everything else is info.
 */
final class Report {

    /** What starts a notice: it is told, and fails nothing (the {@code cairn} tool's wording). */
    static final String NOTICE = "Notice (nothing refuses): ";

    private static final DateTimeFormatter APPLIED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Log log;
    private String where = "the database";

    Report(Log log) {
        this.log = log;
    }

    /** Names the environment and database in what follows. */
    void using(Cairn cairn) {
        where = cairn.environmentName() + " (" + cairn.target() + ")";
    }

    /** The change about to run. */
    void planned(Plan plan) {
        int count = plan.migrations().size();
        if (plan.operation().direction() == Direction.UP) {
            log.info("Migrating " + where + ": " + count + " pending"
                    + (plan.batch().isPresent() ? ", batch " + plan.batch().getAsInt() : ""));
        } else {
            log.info("Rolling back " + where + ": " + count(count, "migration"));
        }
    }

    /** One migration that ran. */
    void ran(MigrationRun run) {
        log.info(String.format(
                "  %-6s%s (%d ms)",
                run.direction().label(), run.name(), run.duration().toMillis()));
    }

    /** What migrate applied. */
    void migrated(MigrateResult result) {
        if (result.applied().isEmpty()) {
            log.info(result.nothingToDo().orElse("Nothing to migrate: the database is up to date."));
            return;
        }
        String batch =
                result.batch().isPresent() ? " in batch " + result.batch().getAsInt() : "";
        log.info("Applied " + count(result.applied().size(), "migration") + batch + " (" + millis(result.duration())
                + ").");
    }

    /** What a rollback undid. */
    void rolledBack(RollbackResult result) {
        if (result.reverted().isEmpty()) {
            log.info(result.nothingToDo().orElse("Nothing to roll back."));
            return;
        }
        List<Integer> batches = result.batches();
        String from = (batches.size() == 1 ? " of batch " : " of batches ")
                + batches.stream().map(String::valueOf).collect(Collectors.joining(", "));
        log.info("Rolled back " + count(result.reverted().size(), "migration") + from + " (" + millis(result.duration())
                + ").");
    }

    /** The status: one line per migration, the totals, and the problems as warnings. */
    void status(Status status) {
        log.info("Status of " + where);
        status.lockHolder()
                .ifPresent(holder -> log.warn("A runner holds the migration lock and is changing the database now ("
                        + holder + "): what it applies shows once it commits."));
        if (status.migrations().isEmpty()) {
            log.info("No migrations yet.");
        }
        int width = status.migrations().stream()
                .mapToInt(m -> m.name().length())
                .max()
                .orElse(0);
        for (Status.Migration migration : status.migrations()) {
            log.info(String.format(
                    "  %5s  %-19s  %-" + width + "s  %s",
                    migration.batch().map(String::valueOf).orElse(""),
                    migration.appliedAt().map(APPLIED_AT::format).orElse("-"),
                    migration.name(),
                    migration.stateLabel()));
        }
        log.info("Version " + status.currentVersion().orElse("(none)") + ", batch " + status.currentBatch() + ": "
                + status.applied().size() + " applied, "
                + (status.incomplete().isEmpty() ? "" : status.incomplete().size() + " incomplete, ")
                + status.pending().size() + " pending");
        problems(status.problems());
    }

    /** A validate that found no problem (notices aside). */
    void validated(ValidateResult result) {
        log.info("No problems: " + count(result.migrations(), "migration") + ", and the files agree with the"
                + " tracking table of " + where + ".");
        problems(result.problems());
    }

    /** One migration's verdict, as soon as verify knows it, with what backs it. */
    void verified(Checked checked) {
        String line = String.format("  %-16s%s", checked.verdict().label(), checked.name());
        boolean failing = checked.verdict().fails(false);
        List<String> details = new ArrayList<>();
        if (checked.verdict() == VerifyResult.Verdict.IRREVERSIBLE) {
            details.add("no down section: nothing to prove");
        }
        checked.failure().ifPresent(failure -> details.add(failed(failure)));
        for (Finding finding : checked.differences()) {
            details.add(
                    finding.equivalent()
                            ? finding.object() + ": "
                                    + finding.equivalentBecause().orElse("")
                            : finding.summary());
            finding.diff().forEach(diff -> details.add("  " + diff));
        }
        if (failing) {
            log.warn(line);
            details.forEach(detail -> log.warn("                  " + detail));
        } else {
            log.info(line);
            details.forEach(detail -> log.info("                  " + detail));
        }
    }

    /** Verify's totals, its round trip and what stopped it; the verdicts were logged as they came. */
    void verifySummary(VerifyResult result, boolean strict) {
        result.roundTrip().ifPresent(trip -> {
            trip.failure().ifPresent(failure -> log.warn("  round trip: " + failed(failure)));
            trip.leftBehind().forEach(finding -> log.warn("  left behind by the downs: " + finding.summary()));
            trip.afterReUp().forEach(finding -> log.warn("  different after the ups again: " + finding.summary()));
        });
        result.stopped()
                .ifPresent(failure -> log.warn("Stopped: " + failed(failure)
                        + ". Nothing after it could be checked: a migration whose up fails on an empty database fails a"
                        + " deploy too."));
        int count = result.roundTrip().isPresent()
                ? result.roundTrip().get().migrations().size()
                : result.migrations().size();
        String form = result.roundTrip().isPresent() ? " as a round trip" : "";
        log.info((result.passed(strict) ? "Verified " : "Checked ") + count(count, "migration") + form
                + " on a scratch database, dropped since (" + millis(result.duration()) + "); " + where
                + " was not touched.");
        if (!result.migrations().isEmpty()) {
            List<String> counts = new ArrayList<>();
            for (Map.Entry<VerifyResult.Verdict, Integer> verdict :
                    result.counts().entrySet()) {
                counts.add(verdict.getValue() + " " + verdict.getKey().label());
            }
            log.info("  " + String.join(", ", counts));
        }
    }

    /**
     * Lint's findings in the words of {@code cairn lint}: each as {@code file:line: level rule} and what the
     * statement does, with the rule's why and fix at its first finding; errors at error level, warnings at
     * warning level, so that a build log's colours and filters pick them out. Then the totals. Files are
     * named relative to {@code root} when inside it.
     */
    void linted(LintResult result, Path root) {
        for (LintResult.Line line : result.lines(root)) {
            if (line.level() == LintRule.Level.ERROR) {
                log.error(line.text());
            } else {
                log.warn(line.text());
            }
        }
        lintSummary(result);
    }

    /** The sentence that ends lint's findings (also alone, when they went to a SARIF file). */
    void lintSummary(LintResult result) {
        log.info(result.summary("<all> (-Dcairn.lint.all)"));
    }

    private void problems(List<Problem> problems) {
        for (Problem problem : problems) {
            log.warn(problem.isNotice() ? NOTICE + problem.message() : "Problem: " + problem.message());
        }
    }

    private static String failed(StepFailure failure) {
        // A Java migration's code has no line (0): it is named by its class file.
        String at = failure.file() == null
                ? ""
                : failure.line() > 0 ? " at " + failure.file() + ":" + failure.line() : " in " + failure.file();
        return "the " + failure.step().label() + " of " + failure.migration() + " failed" + at + ": "
                + failure.message();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
