// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import java.sql.SQLException;

/**
 * A statement that {@link StatementRunner} ran failed in the database, or a Java migration's code threw.
 * Checked, so that every caller says what the failure left behind; it becomes a public exception there.
 */
public final class StatementFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final int line;
    private final String databaseMessage;
    private final boolean cancelled;
    private final boolean started;

    StatementFailedException(int index, int line, String databaseMessage, Throwable cause, boolean cancelled) {
        this(index, line, databaseMessage, cause, cancelled, true);
    }

    private StatementFailedException(
            int index, int line, String databaseMessage, Throwable cause, boolean cancelled, boolean started) {
        super(databaseMessage, cause);
        this.index = index;
        this.line = line;
        this.databaseMessage = databaseMessage;
        this.cancelled = cancelled;
        this.started = started;
    }

    /** The run was cancelled before statement {@code index} (at {@code line}) began: it did not run. */
    static StatementFailedException notStarted(int index, int line) {
        return new StatementFailedException(
                index,
                line,
                "cancelled before it started",
                new SQLException("cancelled before it started"),
                true,
                false);
    }

    /**
     * Whether the statement failed because the run was cancelled ({@link Canceller}): it was stopped
     * on the server, or never started; either way it did not take effect.
     */
    public boolean cancelled() {
        return cancelled;
    }

    /** Whether the statement began to run before it failed (false: cancelled before it began). */
    public boolean started() {
        return started;
    }

    /** The 0-based index of the failing statement in the list that ran. */
    public int index() {
        return index;
    }

    /** The 1-based line in the file that the database blames: the statement's, or a line within it. */
    public int line() {
        return line;
    }

    /** The database's own message (for code, what it threw), without what Cairn reports itself. */
    public String databaseMessage() {
        return databaseMessage;
    }

    /** The database's SQLSTATE (for code, of the first driver's exception among the causes), or null. */
    public String sqlState() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
