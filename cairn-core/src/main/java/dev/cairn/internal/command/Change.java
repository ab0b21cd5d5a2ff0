// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.MigrateResult;
import dev.cairn.MigrationRun;
import dev.cairn.Operation;
import dev.cairn.RollbackResult;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.plan.Work;
import dev.cairn.internal.run.Runner;
import dev.cairn.internal.source.BackgroundScan;
import dev.cairn.internal.source.Migration;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code migrate}, {@code up}, {@code down} and every {@code rollback}: read the files (a broken file
 * fails the command before it waits for the lock) → connect → take the lock → read the tracking table →
 * plan → run → commit → release the lock; then write the schema file, if one is configured.
 */
public final class Change {

    private final Settings settings;
    private final Clock clock;

    /** The change for these settings, with the tracking table's times from {@code clock}. */
    public Change(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code migrate}, {@code migrate --to} or {@code up}. */
    public MigrateResult migrate(Operation operation) {
        Stopwatch stopwatch = new Stopwatch();
        Done done = run(operation);
        List<MigrationRun> runs = done.runs();
        return new MigrateResult(
                runs.isEmpty()
                        ? OptionalInt.empty()
                        : OptionalInt.of(runs.get(0).batch()),
                runs,
                stopwatch.elapsed(),
                done.nothingToDo());
    }

    /** {@code down} or one of the {@code rollback} forms. */
    public RollbackResult rollback(Operation operation) {
        Stopwatch stopwatch = new Stopwatch();
        Done done = run(operation);
        return new RollbackResult(done.runs(), stopwatch.elapsed(), done.nothingToDo());
    }

    /** What ran, or why nothing did. */
    private record Done(List<MigrationRun> runs, Optional<String> nothingToDo) {}

    /** Runs {@code operation} under the lock; returns what ran. */
    private Done run(Operation operation) {
        BackgroundScan scan = BackgroundScan.start(settings.migrationsDirectory());
        List<MigrationRun> runs;
        try (Session session =
                scan.whileConnecting(() -> Session.forChange(settings, settings.listener(), scan::migrations))) {
            List<Migration> migrations = scan.migrations();
            boolean tableExists;
            List<HistoryRow> history;
            try {
                tableExists = session.history().exists();
                history = tableExists ? session.history().read() : List.of();
            } catch (SQLException e) {
                throw session.readFailure(e);
            }
            Work work = new Planner(migrations, history)
                    .plan(
                            operation,
                            session.dialect().splitRules(),
                            session.dialect().transactionRules());
            if (work.isEmpty()) {
                return new Done(List.of(), work.nothingToDo());
            }
            settings.listener().planned(work.toPlan());
            Runner runner =
                    new Runner(session.connection(), session.dialect(), session.history(), settings.listener(), clock);
            try {
                runs = runner.run(work, !tableExists);
            } catch (SQLException e) {
                throw session.failure("recording the migrations", e);
            }
        }
        if (!runs.isEmpty()) {
            settings.schemaFile().ifPresent(file -> SchemaFile.write(file, new ShowSchema(settings).read()));
        }
        return new Done(runs, Optional.empty());
    }
}
