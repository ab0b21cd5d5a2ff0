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
import java.util.OptionalInt;

/**
 * The only code that executes migration SQL. It runs the steps of a {@link Work} on a connection
 * whose transaction is open (autocommit off) and under the migration lock, writing each step's
 * tracking row right after the step, on the same connection:
 * <ul>
 *   <li>Consecutive transactional steps share one transaction, so a batch without
 *       {@code transaction:false} sections commits or rolls back as a whole.
 *   <li>A {@code transaction:false} section runs on its own, in autocommit: what ran before it is
 *       committed first, and its own row is written as soon as its statements have run.
 * </ul>
 * When a statement fails, the open transaction is rolled back and the exception says exactly what
 * stays applied: the steps committed before, and the statements of a non-transactional section that
 * ran. So the tracking table always matches the schema.
 */
public final class Runner {

    private final Connection connection;
    private final Dialect dialect;
    private final HistoryStore history;
    private final MigrationListener listener;
    private final Clock clock;

    /** Creates a runner; {@code connection} must have autocommit off. */
    public Runner(Connection connection, Dialect dialect, HistoryStore history, MigrationListener listener,
            Clock clock) {
        this.connection = connection;
        this.dialect = dialect;
        this.history = history;
        this.listener = listener;
        this.clock = clock;
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
        List<MigrationRun> committed = new ArrayList<>();
        List<MigrationRun> open = new ArrayList<>();
        if (createTable) {
            history.create();
        }
        int nextId = work.nextId();
        for (Step step : work.steps()) {
            boolean transactional = step.section().transactional();
            if (!transactional) {
                // The section cannot share the transaction: settle what ran before it.
                connection.commit();
                committed.addAll(open);
                open.clear();
                connection.setAutoCommit(true);
            }
            listener.migrationStarting(step.toPlanned());
            long started = System.nanoTime();
            execute(step, committed, open);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (step.direction() == Direction.UP) {
                history.insert(new HistoryRow(nextId++, step.migration().version().text(), step.migration().name(),
                        step.batch(), step.migration().checksum(), Checksum.ALGORITHM, clock.instant(),
                        took.toMillis()));
            } else {
                history.delete(step.row());
            }
            MigrationRun run = new MigrationRun(step.migration().name(), step.migration().version().text(),
                    step.direction(), step.batch(), took);
            if (transactional) {
                open.add(run);
            } else {
                committed.add(run);
                connection.setAutoCommit(false);
            }
            listener.migrationFinished(run);
        }
        connection.commit();
        committed.addAll(open);
        return committed;
    }

    private void execute(Step step, List<MigrationRun> committed, List<MigrationRun> open) throws SQLException {
        List<Statement> statements = step.statements();
        try (java.sql.Statement jdbc = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                Statement statement = statements.get(i);
                try {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    throw failure(step, i, e, committed, open);
                }
            }
        }
    }

    private MigrationFailedException failure(
            Step step, int index, SQLException cause, List<MigrationRun> committed, List<MigrationRun> open) {
        boolean transactional = step.section().transactional();
        if (transactional) {
            rollbackQuietly(cause);
        }
        Statement statement = step.statements().get(index);
        int line = statement.line() + linesBefore(statement.sql(), dialect.errorPosition(cause));
        String verb = step.direction() == Direction.UP ? "applied" : "undone";
        List<String> stillApplied = new ArrayList<>();
        for (MigrationRun run : committed) {
            stillApplied.add(run.name() + " (" + (run.direction() == Direction.UP ? "applied" : "undone")
                    + ", batch " + run.batch() + ")");
        }
        StringBuilder outcome = new StringBuilder();
        if (transactional) {
            if (committed.isEmpty()) {
                outcome.append("The transaction was rolled back: the database is exactly as it was before this"
                        + " command.");
            } else {
                outcome.append("The transaction was rolled back");
                if (!open.isEmpty()) {
                    outcome.append(", with ").append(open.size())
                            .append(open.size() == 1 ? " migration" : " migrations").append(" it held");
                }
                outcome.append(". Still ").append(verb).append(" and recorded, because a transaction:false section"
                        + " committed them: ").append(names(committed)).append('.');
            }
        } else {
            if (!committed.isEmpty()) {
                outcome.append("Still ").append(verb).append(" and recorded: ").append(names(committed)).append(". ");
            }
            outcome.append("The section is transaction:false, so it ran outside a transaction: ");
            if (index == 0) {
                outcome.append("none of its statements ran");
            } else {
                outcome.append(index == 1 ? "statement 1 ran and stays" : "statements 1-" + index + " ran and stay");
                stillApplied.add(step.migration().name() + ": statements 1-" + index + " of its "
                        + step.direction().label() + " section (not recorded)");
            }
            outcome.append("; ").append(step.migration().name()).append(" is not recorded as ").append(verb)
                    .append(". Undo what ran by hand, or edit the section to carry on from statement ")
                    .append(index + 1).append('.');
        }
        outcome.append(System.lineSeparator()).append("Fix the statement and run the command again.");
        return new MigrationFailedException(step.migration().name(), step.direction(), step.section().file(), line,
                index + 1, cause.getSQLState(), dialect.message(cause), stillApplied, outcome.toString(), cause);
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static String names(List<MigrationRun> runs) {
        return String.join(", ", runs.stream().map(MigrationRun::name).toList());
    }

    /** How many line breaks come before the database's error position in the statement. */
    private static int linesBefore(String sql, OptionalInt position) {
        if (position.isEmpty()) {
            return 0;
        }
        int end = Math.min(sql.length(), Math.max(0, position.getAsInt() - 1));
        int lines = 0;
        for (int i = 0; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
