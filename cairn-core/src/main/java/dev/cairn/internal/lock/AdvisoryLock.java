// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import dev.cairn.internal.sql.TableName;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 */
public final class AdvisoryLock implements Lock {

    /** "CAIR" in ASCII: the lock class shown as {@code classid} in {@code pg_locks}. */
    static final int LOCK_CLASS = 0x43414952;

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Connection connection;
    private final TableName table;
    private int key;
    private boolean held;

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
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, LOCK_CLASS);
            unlock.setInt(2, key);
            unlock.execute();
        } catch (SQLException e) {
            // The lock is session-level: closing the connection, which always follows, releases it.
            LOG.debug("Could not release the advisory lock explicitly; it goes with the session", e);
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

    private boolean tryLock() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, key);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
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
