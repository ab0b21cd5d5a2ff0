// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.Problem;
import dev.cairn.Status;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.source.BackgroundScan;
import dev.cairn.internal.source.MigrationDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code status}: the files merged with the tracking table, read without the lock, and who holds the
 * lock, asked without taking it. A migration that the tracking table shows part-way while another
 * runner holds the lock is most likely running in that runner, so it is shown as
 * {@link Status.State#RUNNING}, and its problem says to wait rather than how to get out of a stopped
 * one ({@code repair}, which would record a running migration as done).
 */
public final class ShowStatus {

    private final Settings settings;

    /** The status command for these settings. */
    public ShowStatus(Settings settings) {
        this.settings = settings;
    }

    /**
     * Where the database stands; reads only, creates nothing. A file that cannot be used hides
     * nothing else: the status holds every other migration, and a problem for each such file.
     */
    public Status read() {
        BackgroundScan scan = settings.startScanAll();
        try (Session session = scan.meanwhile(() -> Session.forReading(settings))) {
            List<HistoryRow> rows = scan.meanwhile(session::historyRows);
            MigrationDirectory.Scan files = scan.scan();
            Status status = new Planner(files.migrations(), rows)
                    .status(session.dialect().splitRules(), Validate.unusable(files));
            List<Problem> problems = new ArrayList<>(Validate.fileProblems(files));
            problems.addAll(status.problems());
            return whileLocked(
                    new Status(status.currentVersion(), status.currentBatch(), status.migrations(), problems), session);
        }
    }

    /** {@code status} as it reads while the lock's holder, if {@code session} sees one, runs. */
    static Status whileLocked(Status status, Session session) {
        Optional<String> holder = session.lockHolder().map(h -> h.description());
        if (holder.isEmpty()) {
            return status;
        }
        List<Status.Migration> migrations = status.migrations().stream()
                .map(m -> m.state() == Status.State.INCOMPLETE ? running(m) : m)
                .toList();
        Set<String> running = migrations.stream()
                .filter(m -> m.state() == Status.State.RUNNING)
                .map(Status.Migration::name)
                .collect(Collectors.toSet());
        List<Problem> problems = status.problems().stream()
                .map(problem -> problem.kind() == Problem.Kind.INCOMPLETE && running.contains(problem.migration())
                        ? new Problem(
                                problem.kind(),
                                problem.migration(),
                                runningProblem(
                                        migrations.stream()
                                                .filter(m -> m.name().equals(problem.migration()))
                                                .findFirst()
                                                .orElseThrow(),
                                        holder.get()))
                        : problem)
                .toList();
        return new Status(status.currentVersion(), status.currentBatch(), migrations, problems, holder);
    }

    private static Status.Migration running(Status.Migration m) {
        return new Status.Migration(
                m.name(),
                m.version(),
                m.description(),
                Status.State.RUNNING,
                m.batch(),
                m.appliedAt(),
                m.executionTime(),
                m.reversible(),
                m.file(),
                m.incomplete());
    }

    private static String runningProblem(Status.Migration migration, String holder) {
        String sofar = migration
                .incomplete()
                .map(i -> "its " + i.section().label() + " section is part-way ("
                        + (i.statementsRun() == 1 ? "1 statement" : i.statementsRun() + " statements") + " so far)")
                .orElse("it is part-way");
        return migration.name() + ": " + sofar + " while another runner holds the migration lock (" + holder
                + "), so it is most likely running now. Do not repair it; run `cairn status` again when that runner"
                + " has finished (if it still shows as incomplete then, it stopped, and status says the way out).";
    }
}
