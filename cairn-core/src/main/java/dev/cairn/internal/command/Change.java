// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.CancelledException;
import dev.cairn.Direction;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.Problem;
import dev.cairn.RollbackResult;
import dev.cairn.internal.connect.ConnectionFailures;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.plan.Squashes;
import dev.cairn.internal.plan.Work;
import dev.cairn.internal.run.Runner;
import dev.cairn.internal.source.BackgroundScan;
import dev.cairn.internal.source.Migration;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code migrate}, {@code up}, {@code down} and every {@code rollback}: read the files (a broken file
 * fails the command before it waits for the lock) → connect → take the lock → read the tracking table
 * (bringing one of an earlier version up to date) → plan → run → commit → release the lock; then
 * write the schema file, if one is configured.
 */
public final class Change {

    private static final Logger LOG = LoggerFactory.getLogger(Change.class);

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

    /**
     * Runs {@code operation} under the lock; returns what ran. An interrupt (the JVM shutting down)
     * cancels the statement running on the server and ends the run with a {@link CancelledException}
     * that says what stays applied.
     */
    private Done run(Operation operation) {
        BackgroundScan scan = settings.startScan();
        Done done;
        try (Cancellation cancellation = new Cancellation(commandOf(operation), "Nothing was changed.")) {
            cancellation.doing("connecting to " + settings.target());
            try {
                done = run(operation, scan, cancellation);
            } catch (CancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                // A failure after an interrupt is the interrupt's doing (a connection cut, a wait woken).
                if (cancellation.cancelled()) {
                    throw cancellation.interrupted();
                }
                throw e;
            }
        }
        if (!done.runs().isEmpty()) {
            settings.schemaFile().ifPresent(file -> SchemaFile.write(file, new ShowSchema(settings).read()));
        }
        return done;
    }

    private Done run(Operation operation, BackgroundScan scan, Cancellation cancellation) {
        try (Session session = scan.meanwhile(
                () -> Session.forChange(settings, settings.listener(), scan::migrations, cancellation))) {
            cancellation.doing("reading the tracking table");
            List<Migration> migrations = scan.migrations();
            boolean tableExists;
            List<HistoryRow> history;
            try {
                tableExists = session.history().exists();
                history = tableExists ? upgradedHistory(session, migrations) : List.of();
            } catch (SQLException e) {
                throw session.readFailure(e);
            }
            Planner planner = new Planner(migrations, history, settings.placeholders());
            Work work = planner.plan(
                    operation, session.dialect().splitRules(), session.dialect().transactionRules());
            if (work.isEmpty()) {
                return new Done(List.of(), work.nothingToDo());
            }
            if (operation.direction() == Direction.DOWN) {
                sayWhichDownsChanged(planner, work, session);
            }
            Plan plan = work.toPlan();
            settings.listener().planned(plan);
            // Linting reads every migration's statements (about 5% of a cold migrate of 1,000): only for a listener.
            if (operation.direction() == Direction.UP && settings.listener() != MigrationListener.NONE) {
                Set<String> applying =
                        plan.migrations().stream().map(Plan.Migration::name).collect(Collectors.toSet());
                settings.listener()
                        .linted(new Lint(settings)
                                .lint(session.dialect(), migrations, migration -> applying.contains(migration.name())));
            }
            Runner runner = new Runner(
                            session.connection(),
                            session.dialect(),
                            session.history(),
                            settings.listener(),
                            clock,
                            cancellation.canceller())
                    .withDdlLockTimeout(settings.lockTimeoutDdl());
            cancellation.doing(
                    "recording the migrations",
                    "Where the database could, the transaction was rolled back; `cairn status` shows what is applied.");
            try {
                return new Done(runner.run(work, !tableExists), Optional.empty());
            } catch (SQLException e) {
                throw session.failure("recording the migrations", e);
            }
        }
    }

    /**
     * Says, before a rollback runs them, which downs were changed since their migration was applied:
     * the rollback runs them as the files have them now, which {@code status} also notes.
     */
    private static void sayWhichDownsChanged(Planner planner, Work work, Session session) {
        Set<String> undoing =
                work.steps().stream().map(step -> step.migration().name()).collect(Collectors.toSet());
        planner.status(session.dialect().splitRules()).problems().stream()
                .filter(problem -> problem.kind() == Problem.Kind.DOWN_CHANGED)
                .filter(problem -> undoing.contains(problem.migration()))
                .forEach(problem -> LOG.info("Notice: {}.", problem.message()));
    }

    /** The command that {@code operation} is, as the message about an interrupt names it. */
    private static String commandOf(Operation operation) {
        return switch (operation.kind()) {
            case MIGRATE -> "migrate";
            case UP -> "up";
            case DOWN -> "down";
            case ROLLBACK, ROLLBACK_ALL, ROLLBACK_TO, ROLLBACK_TO_BATCH -> "rollback";
        };
    }

    /**
     * The tracking table's rows, after bringing a table of an earlier version up to date and
     * committing that, whatever the command goes on to do: the missing columns ({@code down_checksum},
     * {@code origin}) are added, and each row of checksum algorithm 1 whose file is unchanged gets the
     * file's checksums by the current algorithm. A row whose file changed keeps algorithm 1 (and is
     * refused as edited). The rows of migrations that a squash replaced become the squashed
     * migration's one row ({@link Squashes}).
     */
    private List<HistoryRow> upgradedHistory(Session session, List<Migration> migrations) throws SQLException {
        List<HistoryRow> history = session.history().read();
        boolean changed;
        try {
            changed = session.history().addMissingColumns();
        } catch (SQLException e) {
            throw ConnectionFailures.working(
                    settings.target(),
                    "adding the columns that an earlier version of Cairn did not make (down_checksum, origin) to the"
                            + " tracking table " + session.history().table(),
                    session.dialect(),
                    e,
                    "Run this command once as a user who may alter that table (its owner); the columns are added"
                            + " once, and later commands need only read and write the table.");
        }
        List<Squashes.Mapping> squashes = Squashes.mappings(migrations, history);
        for (Squashes.Mapping squash : squashes) {
            session.history().deleteAll(squash.replaced());
            session.history().insert(Squashes.row(squash, session.dialect().splitRules()));
            LOG.info(
                    "{} stands for the {} migrations `cairn squash` replaced on {}; the tracking table now says so",
                    squash.squashed().name(),
                    squash.replaced().size(),
                    settings.target());
        }
        if (!squashes.isEmpty()) {
            history = session.history().read();
            changed = true;
        }
        List<HistoryRow> upgrades = new Planner(migrations, history, settings.placeholders())
                .checksumUpgrades(session.dialect().splitRules());
        if (!upgrades.isEmpty()) {
            session.history().recordChecksums(upgrades);
            history = session.history().read();
            changed = true;
        }
        if (changed) {
            session.connection().commit();
        }
        return history;
    }
}
