// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConnectionException;
import dev.cairn.LockException;
import dev.cairn.MigrationListener;
import dev.cairn.internal.connect.ConnectionFailures;
import dev.cairn.internal.connect.Connector;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.history.HistoryStore;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.lock.LockHolder;
import dev.cairn.internal.sql.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command's connection, with its dialect and tracking table. A write session has autocommit off
 * from the start; closing it rolls back whatever was not committed, releases the lock and closes the
 * connection, in that order, whatever happened before.
 */
final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final Connection connection;
    private final Dialect dialect;
    private final HistoryStore history;
    private final String target;
    private final TableName table;
    private Lock lock;

    private Session(Connector.Opened opened, Settings settings) {
        this.connection = opened.connection();
        this.dialect = opened.dialect();
        this.history = new HistoryStore(connection, dialect, settings.table());
        this.target = settings.target();
        this.table = settings.table();
    }

    /**
     * Opens a session for a change: connects, starts the transaction and takes the migration lock,
     * so that the tracking table read next is the truth.
     *
     * @throws LockException if another runner keeps the lock for longer than {@code lock-timeout}
     */
    static Session forChange(Settings settings, MigrationListener listener) {
        return forChange(settings, listener, () -> {});
    }

    /**
     * As {@link #forChange(Settings, MigrationListener)}, running {@code beforeLocking} once connected:
     * a check that should fail the command before it waits for the lock, which may take long.
     */
    static Session forChange(Settings settings, MigrationListener listener, Runnable beforeLocking) {
        Session session = new Session(settings.connector().open(false, settings.lockTimeout()), settings);
        try {
            beforeLocking.run();
            // The lock first, in autocommit: a runner that waits holds no transaction (so SQLite's write
            // lock stays free for the holder, and MySQL takes no snapshot before the holder's commit).
            session.lock = session.dialect.lock(
                    session.connection,
                    settings.table(),
                    () -> settings.connector()
                            .open(false, settings.lockTimeout())
                            .connection());
            session.lock.acquire(settings.lockTimeout(), listener::waitingForLock);
            try {
                session.connection.setAutoCommit(false);
            } catch (SQLException e) {
                if (session.dialect.isBusy(e)) {
                    throw LockException.writerBusy(settings.target(), settings.lockTimeout());
                }
                throw session.failure("starting a transaction", e);
            }
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Opens a session that only reads. For an embedded database that does not exist yet it holds no
     * connection ({@link #exists()} is false) rather than create the file. Where a runner that was
     * stopped left an unfinished write that a read-only connection cannot get past (SQLite's hot
     * journal), a connection that may write rolls it back first, as the database itself would for its
     * next writer, and a log line says so; that undoes only the stopped runner's uncommitted work.
     *
     * @throws ConnectionException if that rollback is needed and fails, saying why and what to do
     */
    static Session forReading(Settings settings) {
        Session session = new Session(settings.connector().open(true, settings.lockTimeout()), settings);
        if (!session.exists()) {
            return session;
        }
        try {
            if (session.dialect.undoInterruptedWrite(
                    session.connection,
                    () -> settings.connector()
                            .open(false, settings.lockTimeout())
                            .connection())) {
                LOG.info(
                        "{} held the unfinished write of a runner that was stopped (a hot journal); it is rolled"
                                + " back now, as the database does for the next connection that may write, so the"
                                + " database is as it was before that write.",
                        settings.target());
            }
            return session;
        } catch (SQLException e) {
            session.close();
            throw ConnectionFailures.working(
                    settings.target(),
                    "rolling back the unfinished write of a runner that was stopped (a hot journal, which only a"
                            + " connection that may write can roll back)",
                    session.dialect,
                    e,
                    "Run the command once as a user who may write the database file and its directory; after"
                            + " that, read-only commands work for every user.");
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Whether the database exists; false only for an embedded database not created yet. */
    boolean exists() {
        return connection != null;
    }

    Connection connection() {
        return connection;
    }

    Dialect dialect() {
        return dialect;
    }

    HistoryStore history() {
        return history;
    }

    /**
     * Who holds the migration lock now, asked without taking it, waiting or writing; empty if nobody
     * does, or the database cannot tell (H2, or a question the database refused, logged at debug level).
     */
    Optional<LockHolder> lockHolder() {
        if (!exists()) {
            return Optional.empty();
        }
        try {
            return dialect.lock(connection, table, () -> {
                        throw new SQLException("asking who holds the lock opens no connection");
                    })
                    .holder();
        } catch (SQLException e) {
            LOG.debug("Could not tell who holds the migration lock on {}", table, e);
            return Optional.empty();
        }
    }

    /** An error from the database during {@code doing}, as a {@link ConnectionException} that says so. */
    ConnectionException failure(String doing, SQLException e) {
        return ConnectionFailures.working(
                target,
                doing,
                dialect,
                e,
                "Check that the user may read and write the tracking table " + history.table()
                        + " (set migrations.table or migrations.schema to put it elsewhere).");
    }

    /** The tracking table's rows; none if the table, or the whole (embedded) database, does not exist yet. */
    List<HistoryRow> historyRows() {
        if (!exists()) {
            return List.of();
        }
        try {
            return history.readIfExists();
        } catch (SQLException e) {
            throw failure("reading the tracking table", e);
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // Closing the connection below discards the transaction anyway.
        }
        if (lock != null) {
            lock.close();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing is left to protect: the work is committed or rolled back by now.
        }
    }
}
