// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets another thread (an interrupt's) stop the statements that a {@link StatementRunner} runs: the
 * one running is cancelled on the server, through JDBC's {@link Statement#cancel()} (PostgreSQL's
 * cancel request, MariaDB's and MySQL's {@code KILL QUERY}, SQLite's interrupt, H2's cancel), and no
 * statement starts after it. Cutting the connection instead would leave the server running the
 * statement, and holding its locks, until it noticed the client had gone.
 */
public final class Canceller {

    private volatile boolean requested;
    private volatile Statement running;

    /** Stops the statement running now, if any, and every one after it. */
    public void cancel() {
        requested = true;
        cancelRunning();
    }

    /**
     * Cancels the statement running now, if any. For a cancel sent again: one that reached the server
     * just before its statement did is lost, and the statement runs on.
     */
    public void cancelRunning() {
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // The statement ended, or the driver cannot cancel: the run notices the request anyway.
            }
        }
    }

    /** Whether {@link #cancel} was called. */
    public boolean requested() {
        return requested;
    }

    /**
     * Marks {@code statement} as running; returns false, with nothing marked, if the run is cancelled.
     * The mark comes first, so that a cancel either sees the statement or is seen here.
     */
    boolean start(Statement statement) {
        running = statement;
        if (requested) {
            running = null;
            return false;
        }
        return true;
    }

    /**
     * Marks {@code statement}, made by a Java migration's code, as the one to cancel: the code runs its
     * statements itself, so the newest it made stands for the one running.
     */
    void track(Statement statement) {
        running = statement;
        if (requested) {
            cancelRunning();
        }
    }

    /** The statement marked by {@link #start} is over. */
    void finished() {
        running = null;
    }
}
