// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import dev.cairn.CairnException;
import dev.cairn.CancelledException;
import dev.cairn.Direction;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Plan;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.history.HistoryStore;
import dev.cairn.internal.plan.AppliedRow;
import dev.cairn.internal.plan.Step;
import dev.cairn.internal.plan.Work;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that executes migration SQL. It runs the steps of a {@link Work} on a connection
 * whose transaction is open (autocommit off) and under the migration lock, keeping the tracking
 * table in step on the same connection. A step runs in one of two ways:
 * <ul>
 *   <li><b>In the batch's transaction</b>, where the database has transactional DDL and the section
 *       is not {@code transaction:false}: consecutive such steps share one transaction with their
 *       tracking rows, so the batch commits or rolls back as a whole.
 *   <li><b>Statement by statement</b>, in autocommit, everywhere else (every section on MySQL,
 *       MariaDB and H2, whose DDL commits by itself; {@code transaction:false} sections anywhere).
 *       What ran before is committed first. The migration's row is written before its first
 *       statement, marked incomplete, and after each statement it says how many ran, so that when a
 *       statement fails, or the runner dies, the tracking table says exactly which statements took
 *       effect. The row is marked complete (up) or deleted (down) after the last statement. If the
 *       section's first statement fails, its row goes back to what it was: nothing changed.
 * </ul>
 * A later run resumes an incomplete section after the statements that ran ({@link Step#resumeAt()}).
 * When a statement fails, the exception says exactly what stays applied, so the tracking table
 * always matches the schema.
 */
public final class Runner {

    /** The most data statements that run in one transaction with their progress write. */
    static final int GROUP_STATEMENTS = 1000;

    /** The longest a group of data statements keeps its transaction open before it commits. */
    static final long GROUP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private static final Set<String> DATA_KEYWORDS = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE");

    /** MySQL's and MariaDB's warning that a rollback could not undo changes to non-transactional tables. */
    private static final int NON_TRANSACTIONAL_ROLLBACK = 1196;

    private final Connection connection;
    private final Dialect dialect;
    private final HistoryStore history;
    private final MigrationListener listener;
    private final Clock clock;
    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

    private final StatementRunner statements;
    private final Canceller canceller;

    /** How many more times a statement that gave up waiting for a lock is tried ({@code lock-timeout-ddl}). */
    public static final int LOCK_RETRIES = 3;

    private Optional<Duration> ddlLockTimeout = Optional.empty();
    /**
     * The tracking rows of the steps that ran in the open transaction, written just before it commits:
     * in one round trip for the whole batch rather than one per migration. They commit or roll back
     * with the migrations all the same. Their direction: rows to insert (up) or to delete (down).
     */
    private final List<HistoryRow> unwritten = new ArrayList<>();

    private Direction unwrittenDirection;

    /** Whether the last rollback of a group of data statements left changes to non-transactional tables. */
    private boolean nonTransactionalRollback;

    /** Creates a runner; {@code connection} must have autocommit off. */
    public Runner(
            Connection connection, Dialect dialect, HistoryStore history, MigrationListener listener, Clock clock) {
        this(connection, dialect, history, listener, clock, new Canceller());
    }

    /**
     * Creates a runner that {@code canceller} can stop: the statement running is cancelled on the
     * server, and the run ends with a {@link CancelledException} that says what stays applied.
     */
    public Runner(
            Connection connection,
            Dialect dialect,
            HistoryStore history,
            MigrationListener listener,
            Clock clock,
            Canceller canceller) {
        this.connection = connection;
        this.dialect = dialect;
        this.history = history;
        this.listener = listener;
        this.clock = clock;
        this.statements = new StatementRunner(connection, dialect, canceller);
        this.canceller = canceller;
    }

    /**
     * This runner with {@code timeout} as each migration statement's longest wait for a table lock
     * ({@code lock-timeout-ddl}), where the database has such a setting: a statement that gives up waiting
     * is tried again, at most {@link #LOCK_RETRIES} more times, after a pause that doubles each time
     * (starting at the timeout, at most a second), so that a migration slips in between the application's
     * queries instead of stalling every one of them behind its own wait.
     */
    public Runner withDdlLockTimeout(Optional<Duration> timeout) {
        this.ddlLockTimeout = timeout.flatMap(t -> dialect.ddlLockTimeout().map(setting -> t));
        return this;
    }

    /**
     * Runs every step of {@code work} and commits.
     *
     * @param createTable whether the tracking table must be created first (in the first transaction)
     * @return what ran, in order
     * @throws MigrationFailedException if a statement fails; see the class comment for what stays
     * @throws CancelledException if the run was cancelled; the message says what stays, as for a failure
     * @throws SQLException if the connection or the tracking table fails outside a migration statement
     */
    public List<MigrationRun> run(Work work, boolean createTable) throws SQLException {
        if (ddlLockTimeout.isEmpty()) {
            return runSteps(work, createTable);
        }
        Dialect.DdlLockTimeout setting = dialect.ddlLockTimeout().orElseThrow();
        statements.execute(setting.set().apply(ddlLockTimeout.get()));
        try {
            return runSteps(work, createTable);
        } finally {
            resetQuietly(setting);
        }
    }

    /**
     * Sets the lock timeout back to the server's default, so that a pooled connection goes back to the
     * application as it came. The run has committed or rolled back by now; the reset is committed on its
     * own, since on PostgreSQL a SET that a later rollback (say, the pool's on return) undoes would leave
     * the timeout in force.
     */
    private void resetQuietly(Dialect.DdlLockTimeout setting) {
        try {
            statements.execute(setting.reset());
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            LOG.debug("Could not reset the DDL lock timeout", e);
        }
    }

    private List<MigrationRun> runSteps(Work work, boolean createTable) throws SQLException {
        Outcome outcome = new Outcome();
        if (createTable) {
            history.create();
        }
        int nextId = work.nextId();
        boolean autocommit = false;
        for (Step step : work.steps()) {
            boolean inTransaction = step.section().transactional() && dialect.transactionalDdl();
            if (!inTransaction && !autocommit) {
                // The section cannot share the transaction: settle what ran before it. Consecutive
                // such sections (every migration on MySQL) stay in autocommit, without a round trip each.
                commit();
                outcome.commitOpen();
                connection.setAutoCommit(true);
                autocommit = true;
            } else if (inTransaction && autocommit) {
                connection.setAutoCommit(false);
                autocommit = false;
            }
            Plan.Migration planned = step.toPlanned();
            listener.migrationStarting(planned);
            long started = System.nanoTime();
            boolean newRow = step.direction() == Direction.UP && step.row() == null;
            HistoryRow row = newRow ? newRow(step, nextId++) : step.row();
            if (inTransaction) {
                execute(step, planned, outcome);
            } else {
                executeTracked(step, planned, row, outcome);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (inTransaction && (newRow || step.direction() == Direction.DOWN)) {
                recordBeforeCommit(step, row, took);
            } else {
                record(step, row, newRow && inTransaction, took);
            }
            MigrationRun run = new MigrationRun(
                    step.migration().name(), step.migration().version().text(), step.direction(), step.batch(), took);
            (inTransaction ? outcome.open : outcome.committed).add(run);
            listener.migrationFinished(run);
        }
        if (autocommit) {
            connection.setAutoCommit(false); // as the session expects it back
        } else {
            commit();
        }
        outcome.commitOpen();
        return outcome.committed;
    }

    /** What has run so far: committed for good, or in the transaction still open. */
    private static final class Outcome {
        final List<MigrationRun> committed = new ArrayList<>();
        final List<MigrationRun> open = new ArrayList<>();

        void commitOpen() {
            committed.addAll(open);
            open.clear();
        }
    }

    private HistoryRow newRow(Step step, int id) {
        return AppliedRow.of(id, step.migration(), step.batch(), dialect.splitRules(), clock.instant(), 0, null);
    }

    /** Writes the rows of the steps in the open transaction, then commits it. */
    private void commit() throws SQLException {
        writeUnwritten();
        connection.commit();
    }

    private void writeUnwritten() throws SQLException {
        if (unwritten.isEmpty()) {
            return;
        }
        if (unwrittenDirection == Direction.UP) {
            history.insertAll(unwritten);
        } else {
            history.deleteAll(unwritten);
        }
        unwritten.clear();
    }

    /** Keeps the row of a step that ran to its end in the open transaction, to write before it commits. */
    private void recordBeforeCommit(Step step, HistoryRow row, Duration took) throws SQLException {
        if (unwrittenDirection != step.direction()) {
            writeUnwritten(); // one batch holds one kind of statement
        }
        unwrittenDirection = step.direction();
        unwritten.add(step.direction() == Direction.DOWN ? row : applied(step, row, took));
    }

    /** The row of an up step that ran to its end. */
    private HistoryRow applied(Step step, HistoryRow row, Duration took) {
        return AppliedRow.of(
                row.id(), step.migration(), step.batch(), dialect.splitRules(), clock.instant(), took.toMillis(), null);
    }

    /** Writes the row of a step that ran to its end. */
    private void record(Step step, HistoryRow row, boolean insert, Duration took) throws SQLException {
        if (step.direction() == Direction.DOWN) {
            history.delete(row);
            return;
        }
        HistoryRow applied = applied(step, row, took);
        if (insert) {
            history.insert(applied);
        } else {
            history.complete(applied);
        }
    }

    private void execute(Step step, Plan.Migration planned, Outcome outcome) throws SQLException {
        List<Statement> sectionStatements = step.statements();
        try (StatementRunner.Cursor cursor = statements.cursor()) {
            for (int index = step.resumeAt(); index < sectionStatements.size(); index++) {
                listener.statementStarting(planned, index + 1);
                Statement statement = sectionStatements.get(index);
                if (ddlLockTimeout.isEmpty() || statement.isCode()) {
                    cursor.run(statement, index);
                    continue;
                }
                // A statement that fails aborts the transaction; a savepoint keeps what ran before it.
                for (int attempt = 1; ; attempt++) {
                    Savepoint before = connection.setSavepoint();
                    try {
                        cursor.run(statement, index);
                        connection.releaseSavepoint(before);
                        break;
                    } catch (StatementFailedException e) {
                        if (!retry(e, planned, index, attempt)) {
                            throw e;
                        }
                        connection.rollback(before);
                    }
                }
            }
        } catch (StatementFailedException e) {
            throw failure(step, e, e.index(), outcome);
        }
    }

    /**
     * Whether a statement that failed on its {@code attempt} is tried again: it gave up waiting for a lock
     * under {@code lock-timeout-ddl}, and attempts are left. Tells the listener, then pauses.
     */
    private boolean retry(StatementFailedException failed, Plan.Migration planned, int index, int attempt) {
        if (ddlLockTimeout.isEmpty()
                || attempt > LOCK_RETRIES
                || failed.cancelled()
                || !(failed.getCause() instanceof SQLException sql)
                || !dialect.ddlLockTimeout().orElseThrow().timedOut().test(sql)) {
            return false;
        }
        Duration timeout = ddlLockTimeout.get();
        Duration pause = (timeout.compareTo(Duration.ofSeconds(1)) < 0 ? timeout : Duration.ofSeconds(1))
                .multipliedBy(1L << (attempt - 1));
        listener.lockTimedOut(planned, index + 1, timeout, attempt, LOCK_RETRIES + 1, pause);
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !canceller.requested();
    }

    /**
     * Runs a section in autocommit, keeping its row's progress in step with the database. A statement
     * that DDL commits is followed by a progress write of its own. Consecutive data statements
     * ({@link #changesOnlyData}) in a section that did not opt out of transactions run in one
     * transaction that ends with their progress write instead, committed after {@link #GROUP_STATEMENTS}
     * statements or {@link #GROUP_NANOS}: the row is as exact as with a write after each (the two
     * commit together), at a fraction of the round trips and commits.
     */
    private void executeTracked(Step step, Plan.Migration planned, HistoryRow row, Outcome outcome)
            throws SQLException {
        List<Statement> sectionStatements = step.statements();
        Checksum.OfStatements ran = new Checksum.OfStatements();
        for (int i = 0; i < step.resumeAt(); i++) {
            ran.add(sectionStatements.get(i).sql());
        }
        HistoryRow.Progress before = row.progress();
        HistoryRow.Progress progress = new HistoryRow.Progress(step.direction(), step.resumeAt(), ran.hex());
        if (step.row() == null) {
            history.insert(row.withProgress(progress));
        } else if (!progress.equals(before)) {
            history.progress(row, progress);
        }
        history.release(); // no statement of Cairn's may stay open while the section runs (SQLite's VACUUM)
        boolean grouping = step.section().transactional();
        int recorded = step.resumeAt(); // the statements that the row, as committed, says ran
        boolean groupOpen = false;
        long groupStarted = 0;
        try (StatementRunner.Cursor cursor = statements.cursor()) {
            for (int index = step.resumeAt(); index < sectionStatements.size(); index++) {
                Statement statement = sectionStatements.get(index);
                // A Java migration's code runs in a transaction of its own here too: its data changes roll
                // back if it fails (DDL it runs commits by itself on MySQL, MariaDB and H2).
                boolean data = grouping && (statement.isCode() || changesOnlyData(statement));
                if (groupOpen
                        && (!data
                                || index - recorded >= GROUP_STATEMENTS
                                || System.nanoTime() - groupStarted > GROUP_NANOS)) {
                    history.progress(row, new HistoryRow.Progress(step.direction(), index, ran.hex()));
                    connection.commit();
                    connection.setAutoCommit(true);
                    groupOpen = false;
                    recorded = index;
                }
                if (data && !groupOpen) {
                    connection.setAutoCommit(false);
                    groupOpen = true;
                    groupStarted = System.nanoTime();
                }
                listener.statementStarting(planned, index + 1);
                try {
                    // DDL that gave up waiting for a lock did nothing: try it again (never a data group's
                    // statement, whose transaction holds the ones before it).
                    for (int attempt = 1; ; attempt++) {
                        try {
                            cursor.run(statement, index);
                            break;
                        } catch (StatementFailedException e) {
                            if (groupOpen || !retry(e, planned, index, attempt)) {
                                throw e;
                            }
                        }
                    }
                } catch (StatementFailedException e) {
                    if (groupOpen) {
                        rollbackGroup(e.getCause());
                    }
                    if (recorded == step.resumeAt()) {
                        undoTracking(step, row, before, e.getCause());
                    }
                    throw failure(step, e, recorded, outcome);
                }
                ran.add(statement.sql());
                if (groupOpen) {
                    if (index + 1 == sectionStatements.size()) {
                        // The section's end commits the group, with the progress that says so.
                        history.progress(row, new HistoryRow.Progress(step.direction(), index + 1, ran.hex()));
                        connection.commit();
                        connection.setAutoCommit(true);
                        groupOpen = false;
                        recorded = index + 1;
                    }
                } else if (index + 1 < sectionStatements.size()) {
                    history.progress(row, new HistoryRow.Progress(step.direction(), index + 1, ran.hex()));
                    recorded = index + 1;
                }
            }
        }
    }

    /**
     * Whether {@code statement} only changes rows ({@code INSERT}, {@code UPDATE}, {@code DELETE},
     * {@code REPLACE}, {@code MERGE}), which a transaction can hold back and roll back even where DDL
     * commits by itself. Anything else, and anything that starts otherwise (a comment, {@code WITH}),
     * counts as DDL.
     */
    static boolean changesOnlyData(Statement statement) {
        String sql = statement.sql();
        int end = 0;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return DATA_KEYWORDS.contains(sql.substring(0, end).toUpperCase(Locale.ROOT));
    }

    /**
     * Rolls back the open group of data statements after one of them failed. Where some of them
     * changed tables that cannot roll back (MyISAM, Aria), MySQL and MariaDB say so with warning 1196;
     * that is kept with the failure, as the row can then no longer say exactly what took effect.
     */
    private void rollbackGroup(Throwable cause) {
        try {
            connection.rollback();
            for (SQLWarning warning = connection.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                if (warning.getErrorCode() == NON_TRANSACTIONAL_ROLLBACK) {
                    nonTransactionalRollback = true;
                }
            }
            connection.clearWarnings();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Puts the row back as it was before a section whose first statement failed: nothing changed. */
    private void undoTracking(Step step, HistoryRow row, HistoryRow.Progress before, Throwable cause) {
        try {
            if (step.row() == null) {
                history.delete(row);
            } else {
                history.progress(row, before);
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * The exception for a statement that failed or was cancelled.
     *
     * @param index how many statements of the section took effect and stay: those before the failing
     *     one, less any rolled back with it in a group of data statements
     */
    private CairnException failure(Step step, StatementFailedException failed, int index, Outcome outcome) {
        Throwable cause = failed.getCause();
        int failing = failed.index();
        boolean code = step.statements().get(failing).isCode();
        boolean inTransaction = step.section().transactional() && dialect.transactionalDdl();
        if (inTransaction) {
            rollbackQuietly(cause);
        }
        boolean up = step.direction() == Direction.UP;
        String verb = up ? "applied" : "undone";
        String command = up ? "migrate" : "rollback";
        String name = step.migration().name();
        String section = step.direction().label() + " section";
        List<String> stillApplied = new ArrayList<>();
        for (MigrationRun run : outcome.committed) {
            stillApplied.add(run.name() + " (" + (run.direction() == Direction.UP ? "applied" : "undone") + ", batch "
                    + run.batch() + ")");
        }
        // What the database holds now, then what to do about it: the same truth for a failure and a cancel.
        StringBuilder state = new StringBuilder();
        String advice;
        String ran = index == 1 ? "statement 1" : "statements 1-" + index;
        if (inTransaction) {
            if (outcome.committed.isEmpty()) {
                state.append("The transaction was rolled back: the database is exactly as it was before this command.");
            } else {
                state.append("The transaction was rolled back");
                if (!outcome.open.isEmpty()) {
                    state.append(", with ")
                            .append(outcome.open.size())
                            .append(outcome.open.size() == 1 ? " migration" : " migrations")
                            .append(" it held");
                }
                state.append(". Still ")
                        .append(verb)
                        .append(" and recorded, because a transaction:false section committed them: ")
                        .append(names(outcome.committed))
                        .append('.');
            }
            advice = cause instanceof SQLException sql && dialect.isOutOfLockSpace(sql)
                    ? outOfLockSpace(outcome, up)
                    : System.lineSeparator() + "Fix the " + (code ? "code" : "statement") + " and run the command"
                            + " again.";
        } else {
            if (!outcome.committed.isEmpty()) {
                state.append("Still ")
                        .append(verb)
                        .append(" and recorded: ")
                        .append(names(outcome.committed))
                        .append(". ");
            }
            if (code) {
                state.append(name)
                        .append(" is still ")
                        .append(up ? "pending" : "applied")
                        .append(
                                failed.started()
                                        ? step.section().transactional()
                                                ? ": the changes to data its code made were rolled back, but "
                                                        + dialect.name()
                                                        + " commits DDL as it runs, so DDL the code ran before it"
                                                        + " failed stays; check for it before running it again."
                                                : ": its transactional() is false, so what its code did before it"
                                                        + " failed stays; check for it before running it again."
                                        : ".");
                advice = System.lineSeparator() + "Fix the code and run the command again.";
            } else if (index == 0) {
                state.append("None of ")
                        .append(name)
                        .append("'s statements ran: it is still ")
                        .append(up ? "pending." : "applied.");
                advice = System.lineSeparator() + "Fix the statement and run the command again.";
            } else {
                state.append(
                                dialect.transactionalDdl()
                                        ? "The section is transaction:false, so each statement took effect as it ran: "
                                        : dialect.name()
                                                + " commits DDL as it runs, so each statement took effect as it ran: ")
                        .append(ran)
                        .append(" of ")
                        .append(name)
                        .append("'s ")
                        .append(section)
                        .append(index == 1 ? " ran and stays" : " ran and stay")
                        .append(", and the tracking table records it as incomplete (`cairn status` shows it).");
                stillApplied.add(name + ": " + ran + " of its " + section + " (recorded as incomplete)");
                advice = System.lineSeparator() + "To go on: fix statement " + (failing + 1) + " and run `cairn "
                        + command + "` again; it resumes with "
                        + (failing == index ? "that statement" : "statement " + (index + 1)) + " (" + ran
                        + (index == 1 ? " must stay as it is). Or finish " : " must stay as they are). Or finish ")
                        + (up ? "applying" : "undoing") + " it by hand and run `cairn repair " + name
                        + " --finished-by-hand` to record it as " + verb
                        + (up
                                ? "; or undo what ran by hand and run `cairn repair --forget " + name
                                        + "` to start it over."
                                : ".");
            }
        }
        if (!inTransaction && failing > index) {
            state.append(' ')
                    .append(
                            failing == index + 1
                                    ? "Statement " + (index + 1)
                                    : "Statements " + (index + 1) + "-" + failing)
                    .append(", which only changed data, ran in one transaction with it and ")
                    .append(failing == index + 1 ? "was" : "were")
                    .append(" rolled back with it (and will run again).");
            if (nonTransactionalRollback) {
                state.append(" Warning: ")
                        .append(dialect.name())
                        .append(" says some of their changes were to tables that cannot roll back (MyISAM, Aria):"
                                + " check those tables by hand.");
            }
        }
        String where = code
                ? name + "'s " + section + " (" + step.migration().source() + ")"
                : "statement " + (failing + 1) + " of " + name + "'s " + section + " ("
                        + step.section().file().getFileName() + " line " + failed.line() + ")";
        if (!code) {
            Optional<String> hint =
                    dialect.failureHint(step.statements().get(failing).sql());
            if (hint.isPresent()) {
                advice = System.lineSeparator() + hint.get() + advice;
            }
        }
        if (failed.cancelled()) {
            // One line: the interrupt is no fault of the migration, and running the command again goes on.
            String resume = !inTransaction && index > 0
                    ? " Run `cairn " + command + "` again to go on: it resumes with statement " + (index + 1) + "."
                    : "";
            return new CancelledException(command + " was interrupted: "
                    + (failed.started()
                            ? where + " was cancelled on the server. "
                            : "it stopped before " + where + ". ")
                    + state.toString().trim()
                    + resume);
        }
        return new MigrationFailedException(
                name,
                step.direction(),
                step.section().file(),
                failed.line(),
                failing + 1,
                failed.sqlState(),
                failed.databaseMessage(),
                stillApplied,
                state.toString().trim() + advice,
                cause);
    }

    /** The advice when a transaction needed more locks than PostgreSQL's lock table holds. */
    private String outOfLockSpace(Outcome outcome, boolean up) {
        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator())
                .append(dialect.name())
                .append(" keeps a lock on every table a transaction creates or changes until it ends, and this"
                        + " transaction needed more locks than the server's lock table holds"
                        + " (max_locks_per_transaction x max_connections, shared by all sessions).");
        if (outcome.open.isEmpty()) {
            text.append(" Split the migration, or raise max_locks_per_transaction.");
        } else {
            text.append(" It had run ")
                    .append(outcome.open.size())
                    .append(outcome.open.size() == 1 ? " migration" : " migrations")
                    .append(" before this one: ")
                    .append(
                            up
                                    ? "apply them in smaller batches, each its own transaction, with `cairn migrate"
                                            + " --to VERSION`"
                                    : "undo them in parts, each its own transaction, with `cairn rollback --to"
                                            + " VERSION`")
                    .append(" (a thousand or so at a time), or raise max_locks_per_transaction.");
        }
        return text.toString();
    }

    private void rollbackQuietly(Throwable cause) {
        unwritten.clear();
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static String names(List<MigrationRun> runs) {
        return String.join(", ", runs.stream().map(MigrationRun::name).toList());
    }
}
