// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import dev.cairn.LockException;
import dev.cairn.internal.sql.TableName;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's session-level advisory lock. Session-level (not transaction-level) so that it spans
 * the transactions of a batch and a {@code transaction:false} section, and so that
 * {@code CREATE INDEX CONCURRENTLY} does not wait on it; it dies with the session, so a runner that
 * is killed never leaves it behind. The key is the two-integer form: a fixed class for Cairn and a
 * hash of the tracking table's schema and name, so projects with their own tables do not block each
 * other, and the lock is easy to find in {@code pg_locks}.
 *
 * <p>A session-level lock needs the client to keep its server session. A pooler in transaction or
 * statement mode (PgBouncer's {@code pool_mode = transaction}, for one) breaks that: it hands each
 * transaction to whichever server session is free, so the lock, a {@code search_path}, and the
 * transaction doing the work may each end up on a different one, and two clients may share the session
 * that holds the lock. What of this can be seen is refused with {@link #poolerMessage}: a try on a
 * session that already holds the lock for another client, and a transaction that runs on another
 * session than the lock's ({@link #confirm}).
 */
public final class AdvisoryLock implements Lock {

    /** "CAIR" in ASCII: the lock class shown as {@code classid} in {@code pg_locks}. */
    static final int LOCK_CLASS = 0x43414952;

    /**
     * What to do about a pooler that does not keep a client on its server session, and why: one text
     * for every error that shows one.
     */
    public static final String POOLER_ADVICE = "The connection goes through a pooler that hands each transaction to"
            + " whichever server session is free (PgBouncer with pool_mode = transaction or statement, for one);"
            + " a session-level lock and a session's search_path do not follow the client there, so the work"
            + " could run unguarded, in another schema, or beside another runner on a shared session. Connect"
            + " migrations to the server itself, or to a pool in session mode, and keep the transaction pool for"
            + " the application.";

    /** Tries at releasing the lock from a pooled connection that has been handed another server session. */
    private static final int UNLOCK_ATTEMPTS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Connection connection;
    private final TableName table;
    private int key;
    private boolean held;
    /** The server session ({@code pg_backend_pid()}) that took the lock. */
    private int holderPid;

    /** Creates the lock for {@code table}; nothing is taken until {@link #acquire}. */
    public AdvisoryLock(Connection connection, TableName table) {
        this.connection = connection;
        this.table = table;
    }

    @Override
    public void acquire(Duration timeout, Consumer<String> waiting) {
        try {
            key = key();
            LockWait.acquire(table.toString(), timeout, false, block -> tryLock(), this::describeHolder, waiting);
            held = true;
        } catch (SQLException e) {
            throw LockWait.failed(table.toString(), e);
        }
    }

    @Override
    public void close() {
        if (!held) {
            return;
        }
        held = false;
        try {
            if (!unlock()) {
                LOG.warn(
                        "The migration lock on {} was taken by PostgreSQL backend pid {}, which this connection no"
                                + " longer reaches: a pooler in transaction mode has handed the client another server"
                                + " session. The lock stays with that session until it ends (the pooler's"
                                + " server_idle_timeout, or SELECT pg_terminate_backend({}) once it is idle).",
                        table,
                        holderPid,
                        holderPid);
            }
        } catch (SQLException e) {
            // The lock is session-level: closing the connection, which always follows, releases it.
            LOG.debug("Could not release the advisory lock explicitly; it goes with the session", e);
        }
    }

    /**
     * Releases the lock where it was taken: a try that lands on another server session (through a
     * pooler) is repeated a few times, as such a pooler passes the client around its sessions.
     *
     * @return whether it was released
     */
    private boolean unlock() throws SQLException {
        // A plain statement: a prepared one run often enough becomes a named statement on the server
        // session that prepared it, which a pooler's other sessions do not know.
        String sql = "SELECT pg_backend_pid(), CASE WHEN pg_backend_pid() = " + holderPid + " THEN pg_advisory_unlock("
                + LOCK_CLASS + ", " + key + ") END";
        try (Statement unlock = connection.createStatement()) {
            for (int attempt = 0; attempt < UNLOCK_ATTEMPTS; attempt++) {
                try (ResultSet result = unlock.executeQuery(sql)) {
                    result.next();
                    if (result.getInt(1) == holderPid) {
                        return result.getBoolean(2);
                    }
                }
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // a transaction keeps the client on this session; only the try was in it
                }
            }
            return false;
        }
    }

    /** The table's key, from the schema it really lives in (the search path's first, if not configured). */
    private int key() throws SQLException {
        String schema = table.schema().orElse(null);
        if (schema == null) {
            try (PreparedStatement query = connection.prepareStatement("SELECT current_schema()");
                    ResultSet result = query.executeQuery()) {
                result.next();
                schema = result.getString(1);
            }
        }
        CRC32 crc = new CRC32();
        crc.update((schema + "." + table.table()).getBytes(StandardCharsets.UTF_8));
        // Non-negative, so that it equals pg_locks.objid (an unsigned oid) without conversion.
        return (int) (crc.getValue() & 0x7FFF_FFFF);
    }

    /**
     * One try. The same statement first asks whether this very server session holds the lock already:
     * a client of a pooler that shares the session with the holder would otherwise take it again (an
     * advisory lock is re-entrant), and two runners would each think they hold it.
     */
    private boolean tryLock() throws SQLException {
        String sql = "SELECT held, CASE WHEN held THEN false ELSE pg_try_advisory_lock(?, ?) END, pg_backend_pid()"
                + " FROM (SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND pid = pg_backend_pid() AND classid = ?::oid AND objid = ?::oid AND objsubid = 2) AS held) s";
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, key);
            lock.setLong(3, LOCK_CLASS);
            lock.setLong(4, key);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    throw new LockException(
                            table.toString(),
                            poolerMessage("the server session this connection was handed (PostgreSQL backend pid "
                                    + result.getInt(3) + ") already holds it for another client"));
                }
                holderPid = result.getInt(3);
                return result.getBoolean(2);
            }
        }
    }

    /**
     * Checks, as the first statement of the transaction that does the work, that the transaction runs on
     * the server session that took the lock and, when given, with {@code defaultSchema} as the default
     * for unqualified names. Through a pooler in transaction mode it may not, and the work would then run
     * unguarded (or in another schema); a direct connection always passes. A schema that does not exist
     * is not this check's to report (the session's {@code current_schema()} is then null).
     *
     * @throws LockException if it does not, saying that nothing was changed
     */
    @Override
    public void confirm(Optional<String> defaultSchema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid(), current_schema()");
                ResultSet result = query.executeQuery()) {
            result.next();
            int pid = result.getInt(1);
            String schema = result.getString(2);
            if (pid != holderPid) {
                throw new LockException(
                        table.toString(),
                        poolerMessage("it was taken by PostgreSQL backend pid " + holderPid
                                + ", but the transaction that would change the database runs on pid " + pid));
            }
            if (defaultSchema.isPresent() && schema != null && !schema.equals(defaultSchema.get())) {
                throw new LockException(
                        table.toString(),
                        poolerMessage("the transaction that would change the database runs with " + schema
                                + " as its default schema, not " + defaultSchema.get()
                                + ", which this connection set"));
            }
        }
    }

    /** The message for a pooler seen at the lock: what was seen, that nothing changed, then {@link #POOLER_ADVICE}. */
    static String poolerMessage(String seen) {
        return "The migration lock cannot be trusted on this connection: " + seen + ". Nothing was changed. "
                + POOLER_ADVICE;
    }

    @Override
    public Optional<LockHolder> holder() throws SQLException {
        if (key == 0) {
            key = key();
        }
        String sql = "SELECT a.pid, a.usename, a.application_name, host(a.client_addr), a.backend_start, a.state,"
                + " a.query, EXTRACT(EPOCH FROM clock_timestamp() - a.query_start)"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::oid AND l.objid = ?::oid"
                + " AND l.objsubid = 2"
                // Advisory locks belong to a database: a runner on another database of the server is not the holder.
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, LOCK_CLASS);
            query.setLong(2, key);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                int pid = result.getInt(1);
                StringBuilder who = new StringBuilder("held by PostgreSQL backend pid ").append(pid);
                String user = result.getString(2);
                if (user != null && !user.isEmpty()) {
                    who.append(", user ").append(user);
                }
                String application = result.getString(3);
                if (application != null && !application.isEmpty()) {
                    who.append(", application ").append(application);
                }
                String client = result.getString(4);
                who.append(client == null ? ", local socket" : ", from " + client);
                java.sql.Timestamp since = result.getTimestamp(5);
                if (since != null) {
                    who.append(", connected since ").append(SINCE.format(since.toInstant()));
                }
                // Only an active session is running its query; an idle one shows the last it ran.
                boolean active = "active".equals(result.getString(6));
                double seconds = result.getDouble(8);
                Optional<Duration> runningFor = active && !result.wasNull()
                        ? Optional.of(Duration.ofMillis((long) (seconds * 1000)))
                        : Optional.empty();
                return Optional.of(new LockHolder(
                        who.toString(),
                        active ? Optional.ofNullable(result.getString(7)) : Optional.empty(),
                        runningFor,
                        "SELECT pg_cancel_backend(" + pid + ") stops its statement; SELECT pg_terminate_backend(" + pid
                                + ") ends the session, and with it the lock"));
            }
        }
    }

    private String describeHolder() throws SQLException {
        return holder().map(LockHolder::description).orElse("the holder just let go");
    }
}
