// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import dev.cairn.Direction;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.history.HistoryStore;
import dev.cairn.internal.plan.Step;
import dev.cairn.internal.plan.Work;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    private final Connection connection;
    private final Dialect dialect;
    private final HistoryStore history;
    private final MigrationListener listener;
    private final Clock clock;
    private final StatementRunner statements;
    /**
     * The tracking rows of the steps that ran in the open transaction, written just before it commits:
     * in one round trip for the whole batch rather than one per migration. They commit or roll back
     * with the migrations all the same. Their direction: rows to insert (up) or to delete (down).
     */
    private final List<HistoryRow> unwritten = new ArrayList<>();

    private Direction unwrittenDirection;

    /** Creates a runner; {@code connection} must have autocommit off. */
    public Runner(
            Connection connection, Dialect dialect, HistoryStore history, MigrationListener listener, Clock clock) {
        this.connection = connection;
        this.dialect = dialect;
        this.history = history;
        this.listener = listener;
        this.clock = clock;
        this.statements = new StatementRunner(connection, dialect);
    }

    /**
     * Runs every step of {@code work} and commits.
     *
     * @param createTable whether the tracking table must be created first (in the first transaction)
     * @return what ran, in order
     * @throws MigrationFailedException if a statement fails; see the class comment for what stays
     * @throws SQLException if the connection or the tracking table fails outside a migration statement
     */
    public List<MigrationRun> run(Work work, boolean createTable) throws SQLException {
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
            listener.migrationStarting(step.toPlanned());
            long started = System.nanoTime();
            boolean newRow = step.direction() == Direction.UP && step.row() == null;
            HistoryRow row = newRow ? newRow(step, nextId++) : step.row();
            if (inTransaction) {
                execute(step, outcome);
            } else {
                executeTracked(step, row, outcome);
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
        Checksum.Sections checksums = step.migration().checksums(dialect.splitRules());
        return new HistoryRow(
                id,
                step.migration().version().text(),
                step.migration().name(),
                step.batch(),
                checksums.up(),
                Checksum.ALGORITHM,
                checksums.down(),
                clock.instant(),
                0,
                null);
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
        Checksum.Sections checksums = step.migration().checksums(dialect.splitRules());
        return new HistoryRow(
                row.id(),
                row.version(),
                row.name(),
                step.batch(),
                checksums.up(),
                Checksum.ALGORITHM,
                checksums.down(),
                clock.instant(),
                took.toMillis(),
                null);
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

    private void execute(Step step, Outcome outcome) throws SQLException {
        try {
            statements.run(step.statements(), step.resumeAt(), index -> {});
        } catch (StatementFailedException e) {
            throw failure(step, e, outcome);
        }
    }

    /** Runs a section in autocommit, keeping its row's progress one statement behind the database at most. */
    private void executeTracked(Step step, HistoryRow row, Outcome outcome) throws SQLException {
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
        try {
            statements.run(sectionStatements, step.resumeAt(), index -> {
                String sql = sectionStatements.get(index).sql();
                if (index + 1 < sectionStatements.size()) {
                    history.progress(
                            row,
                            new HistoryRow.Progress(
                                    step.direction(), index + 1, ran.add(sql).hex()));
                }
            });
        } catch (StatementFailedException e) {
            if (e.index() == step.resumeAt()) {
                undoTracking(step, row, before, e.getCause());
            }
            throw failure(step, e, outcome);
        }
    }

    /** Puts the row back as it was before a section whose first statement failed: nothing changed. */
    private void undoTracking(Step step, HistoryRow row, HistoryRow.Progress before, SQLException cause) {
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

    private MigrationFailedException failure(Step step, StatementFailedException failed, Outcome outcome) {
        SQLException cause = failed.getCause();
        int index = failed.index();
        boolean inTransaction = step.section().transactional() && dialect.transactionalDdl();
        if (inTransaction) {
            rollbackQuietly(cause);
        }
        int line = failed.line();
        boolean up = step.direction() == Direction.UP;
        String verb = up ? "applied" : "undone";
        String name = step.migration().name();
        String section = step.direction().label() + " section";
        List<String> stillApplied = new ArrayList<>();
        for (MigrationRun run : outcome.committed) {
            stillApplied.add(run.name() + " (" + (run.direction() == Direction.UP ? "applied" : "undone") + ", batch "
                    + run.batch() + ")");
        }
        StringBuilder text = new StringBuilder();
        if (inTransaction) {
            if (outcome.committed.isEmpty()) {
                text.append("The transaction was rolled back: the database is exactly as it was before this command.");
            } else {
                text.append("The transaction was rolled back");
                if (!outcome.open.isEmpty()) {
                    text.append(", with ")
                            .append(outcome.open.size())
                            .append(outcome.open.size() == 1 ? " migration" : " migrations")
                            .append(" it held");
                }
                text.append(". Still ")
                        .append(verb)
                        .append(" and recorded, because a transaction:false section committed them: ")
                        .append(names(outcome.committed))
                        .append('.');
            }
            if (dialect.isOutOfLockSpace(cause)) {
                text.append(System.lineSeparator())
                        .append(dialect.name())
                        .append(" keeps a lock on every table a"
                                + " transaction creates or changes until it ends, and this transaction needed more"
                                + " locks than"
                                + " the server's lock table holds (max_locks_per_transaction x max_connections, shared"
                                + " by all"
                                + " sessions).");
                if (outcome.open.isEmpty()) {
                    text.append(" Split the migration, or raise max_locks_per_transaction.");
                } else {
                    text.append(" It had run ")
                            .append(outcome.open.size())
                            .append(outcome.open.size() == 1 ? " migration" : " migrations")
                            .append(" before this one: ")
                            .append(
                                    up
                                            ? "apply them in smaller batches, each its own transaction, with `cairn"
                                                    + " migrate"
                                                    + " --to VERSION`"
                                            : "undo them in parts, each its own transaction, with `cairn"
                                                    + " rollback --to VERSION`")
                            .append(" (a thousand or so at a time), or raise max_locks_per_transaction.");
                }
            } else {
                text.append(System.lineSeparator()).append("Fix the statement and run the command again.");
            }
        } else {
            if (!outcome.committed.isEmpty()) {
                text.append("Still ")
                        .append(verb)
                        .append(" and recorded: ")
                        .append(names(outcome.committed))
                        .append(". ");
            }
            if (index == 0) {
                text.append("None of ")
                        .append(name)
                        .append("'s statements ran: it is still ")
                        .append(up ? "pending." : "applied.");
                text.append(System.lineSeparator()).append("Fix the statement and run the command again.");
            } else {
                String ran = index == 1 ? "statement 1" : "statements 1-" + index;
                text.append(
                        dialect.transactionalDdl()
                                ? "The section is transaction:false, so each statement took effect as it ran: "
                                : dialect.name()
                                        + " commits DDL as it runs, so each statement took effect as it ran: ");
                text.append(ran)
                        .append(" of ")
                        .append(name)
                        .append("'s ")
                        .append(section)
                        .append(index == 1 ? " ran and stays" : " ran and stay")
                        .append(", and the tracking table records it as incomplete (`cairn status` shows it).");
                stillApplied.add(name + ": " + ran + " of its " + section + " (recorded as incomplete)");
                text.append(System.lineSeparator())
                        .append("To go on: fix statement ")
                        .append(index + 1)
                        .append(" and run `cairn ")
                        .append(up ? "migrate" : "rollback")
                        .append("` again; it resumes with that statement (")
                        .append(ran)
                        .append(index == 1 ? " must stay as it is). Or finish " : " must stay as they are). Or finish ")
                        .append(up ? "applying" : "undoing")
                        .append(" it by hand and run `cairn repair` to record it as ")
                        .append(verb)
                        .append('.');
            }
        }
        return new MigrationFailedException(
                name,
                step.direction(),
                step.section().file(),
                line,
                index + 1,
                failed.sqlState(),
                failed.databaseMessage(),
                stillApplied,
                text.toString(),
                cause);
    }

    private void rollbackQuietly(SQLException cause) {
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
