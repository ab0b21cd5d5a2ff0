// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The one place that sends SQL that users wrote to a database, and runs their Java migrations:
 * migrations ({@link Runner}), seeds and {@code verify}'s runs on its scratch database. It executes
 * statements one by one on the connection as it is (in its transaction, or in autocommit), and turns a
 * failing statement into a
 * {@link StatementFailedException} that points at the line the database blames. What a failure leaves
 * behind is for the caller to say.
 */
public final class StatementRunner {

    private final Connection connection;
    private final Dialect dialect;
    private final Canceller canceller;

    /** Runs statements on {@code connection}, reading errors as {@code dialect} writes them. */
    public StatementRunner(Connection connection, Dialect dialect) {
        this(connection, dialect, new Canceller());
    }

    /** As {@link #StatementRunner(Connection, Dialect)}, stopped by {@code canceller}. */
    public StatementRunner(Connection connection, Dialect dialect, Canceller canceller) {
        this.connection = connection;
        this.dialect = dialect;
        this.canceller = canceller;
    }

    /**
     * Runs every statement, in order.
     *
     * @throws StatementFailedException if a statement fails, or the run is cancelled (then
     *     {@link StatementFailedException#cancelled()}); the ones before it ran
     * @throws SQLException if no statement can be made on the connection
     */
    public void run(List<Statement> statements) throws StatementFailedException, SQLException {
        try (Cursor cursor = cursor()) {
            for (int i = 0; i < statements.size(); i++) {
                cursor.run(statements.get(i), i);
            }
        }
    }

    /** A cursor that runs statements one at a time, for a caller that does its own work between them. */
    public Cursor cursor() throws SQLException {
        return new Cursor(connection.createStatement());
    }

    /** Runs statements one at a time on one JDBC statement; close it when done. */
    public final class Cursor implements AutoCloseable {
        private final java.sql.Statement jdbc;

        private Cursor(java.sql.Statement jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * Runs {@code statement}, number {@code index} (0-based) of its section.
         *
         * @throws StatementFailedException if it fails, or the run is cancelled (then
         *     {@link StatementFailedException#cancelled()})
         */
        public void run(Statement statement, int index) throws StatementFailedException {
            if (statement.isCode()) {
                runCode(statement, index);
                return;
            }
            if (!canceller.start(jdbc)) {
                throw StatementFailedException.notStarted(index, statement.line());
            }
            try {
                jdbc.execute(statement.sql());
            } catch (SQLException e) {
                int line = statement.line() + dialect.errorLineOffset(e, statement.sql());
                throw new StatementFailedException(index, line, dialect.message(e), e, canceller.requested());
            } finally {
                canceller.finished();
            }
        }

        /**
         * Runs a Java migration's code on a {@link GuardedConnection}. In autocommit, a transaction the
         * code left open is committed when it returns: it returned, so its work stands.
         */
        private void runCode(Statement statement, int index) throws StatementFailedException {
            if (!canceller.start(jdbc)) {
                throw StatementFailedException.notStarted(index, 0);
            }
            try {
                boolean autocommit = connection.getAutoCommit();
                statement.code().run(GuardedConnection.of(connection, canceller));
                if (autocommit && !connection.getAutoCommit()) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
            } catch (Exception | LinkageError e) {
                throw new StatementFailedException(index, 0, describe(e), e, canceller.requested());
            } finally {
                canceller.finished();
            }
        }

        @Override
        public void close() throws SQLException {
            jdbc.close();
        }
    }

    /**
     * What code threw, for the report: the database's message for a driver's exception, else the
     * exception's class and message, with the driver's message of a cause that has one.
     */
    private String describe(Throwable thrown) {
        if (thrown instanceof SQLException sql) {
            return dialect.message(sql);
        }
        String text = thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        for (Throwable cause = thrown.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return text + " (caused by: " + dialect.message(sql) + ")";
            }
        }
        return text;
    }

    /** Runs one statement of Cairn's own that changes no data, such as {@code verify}'s CREATE DATABASE. */
    public void execute(String sql) throws SQLException {
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(sql);
        }
    }
}
