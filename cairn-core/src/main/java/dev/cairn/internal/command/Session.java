// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.CairnException;
import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.LockException;
import dev.cairn.MigrationListener;
import dev.cairn.internal.connect.ConnectionFailures;
import dev.cairn.internal.connect.Connector;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.history.HistoryStore;
import dev.cairn.internal.lock.AdvisoryLock;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.lock.LockHolder;
import dev.cairn.internal.sql.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
    private final Duration lockTimeout;
    private final MigrationListener listener;
    private final TableName table;
    private Lock lock;

    private Session(Connector.Opened opened, Settings settings) {
        this.connection = opened.connection();
        this.dialect = opened.dialect();
        this.history = new HistoryStore(connection, dialect, settings.table());
        this.target = settings.target();
        this.lockTimeout = settings.lockTimeout();
        this.listener = settings.listener();
        this.table = settings.table();
    }

    /**
     * Opens a session for a change: connects, starts the transaction and takes the migration lock,
     * so that the tracking table read next is the truth.
     *
     * @throws LockException if another runner keeps the lock for longer than {@code lock-timeout}
     */
    static Session forChange(Settings settings, MigrationListener listener) {
        return forChange(settings, listener, () -> {}, null);
    }

    /**
     * As {@link #forChange(Settings, MigrationListener)}, running {@code beforeLocking} once connected:
     * a check that should fail the command before it waits for the lock, which may take long. An
     * interrupt that {@code cancellation} (if not null) sees ends the wait for the lock.
     */
    static Session forChange(
            Settings settings, MigrationListener listener, Runnable beforeLocking, Cancellation cancellation) {
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
            if (cancellation == null) {
                session.lock.acquire(settings.lockTimeout(), listener::waitingForLock);
            } else {
                cancellation.doing("waiting for the migration lock", "Nothing was changed.");
                cancellation.interruptibly(() -> {
                    session.lock.acquire(settings.lockTimeout(), listener::waitingForLock);
                    return null;
                });
            }
            try {
                session.connection.setAutoCommit(false);
                session.lock.confirm(
                        settings.connector() instanceof TargetSchemaConnector target
                                ? Optional.of(target.schema())
                                : Optional.empty());
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

    /**
     * An error from the database during {@code doing}, told apart by what it is: another writer that
     * kept the database busy for all of {@code lock-timeout} (a {@link LockException}), a missing
     * privilege (what to grant), or anything else (a {@link ConnectionException} with the database's
     * message).
     */
    CairnException failure(String doing, SQLException e) {
        if (dialect.isBusy(e)) {
            return LockException.writerBusy(target, lockTimeout);
        }
        return ConnectionFailures.working(
                target,
                doing,
                dialect,
                e,
                ConnectionFailures.isPermissionDenied(e)
                        ? dialect.kind() == Dialect.Kind.FILE
                                ? "The database file, or its directory, is not writable for this user: make both"
                                        + " writable, or point the URL at a copy this user may write."
                                : "The user lacks a privilege: grant it the right to read and write the tracking"
                                        + " table " + history.table() + " (and to change the schema, for"
                                        + " migrations), or set migrations.table or migrations.schema to put the"
                                        + " table where it may."
                        : ConnectionFailures.isPooledStatementClash(e)
                                ? "The server session does not know this connection's prepared statements, or"
                                        + " has another's: " + AdvisoryLock.POOLER_ADVICE
                                : "The database's message above says what failed.");
    }

    /**
     * An error from reading the tracking table: as {@link #failure}, except that a table of that name
     * without Cairn's columns is another tool's, which is a configuration error that says so.
     */
    CairnException readFailure(SQLException e) {
        if (!dialect.isBusy(e) && ConnectionFailures.isUnknownColumn(e)) {
            List<String> columns;
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // PostgreSQL reads nothing more in a transaction that failed
                }
                columns = history.columns();
            } catch (SQLException unreadable) {
                e.addSuppressed(unreadable);
                columns = List.of();
            }
            if (!columns.isEmpty() && !columns.containsAll(HistoryStore.expectedColumns())) {
                return new ConfigurationException(
                        "The table " + history.table() + " in " + target + " is not Cairn's tracking table: it has"
                                + " the columns " + String.join(", ", columns) + ", and Cairn's has "
                                + String.join(", ", HistoryStore.expectedColumns()) + ". Another tool's table has"
                                + " that name; give Cairn's a name of its own with migrations.table (or another"
                                + " schema with migrations.schema). Cairn changed nothing.",
                        e);
            }
        }
        return failure("reading the tracking table", e);
    }

    /** The tracking table's rows; none if the table, or the whole (embedded) database, does not exist yet. */
    List<HistoryRow> historyRows() {
        if (!exists()) {
            return List.of();
        }
        try {
            return history.readIfExists(
                    lockTimeout,
                    () -> listener.waitingForWriter("Another writer is committing to "
                            + target + ", and SQLite lets no one read until it has; waiting up to "
                            + (lockTimeout.toMillis() % 1000 == 0
                                    ? lockTimeout.toSeconds() + "s"
                                    : lockTimeout.toMillis() + "ms")
                            + " (lock-timeout)"));
        } catch (SQLException e) {
            throw readFailure(e);
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
