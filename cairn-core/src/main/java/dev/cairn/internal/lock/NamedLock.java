// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import dev.cairn.internal.sql.TableName;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MySQL's and MariaDB's named lock ({@code GET_LOCK}): held by the session, not a transaction, so
 * the implicit commit of every DDL statement does not release it, and it dies with the connection,
 * so a runner that is killed never leaves it behind. The name is {@code cairn:} and the tracking
 * table's database and name, so projects with their own tables do not block each other.
 */
public final class NamedLock implements Lock {

    /** MySQL refuses lock names longer than this. */
    static final int MAX_NAME = 64;

    private static final Logger LOG = LoggerFactory.getLogger(NamedLock.class);

    private final Connection connection;
    private final TableName table;
    private String name;
    private boolean held;

    /** Creates the lock for {@code table}; nothing is taken until {@link #acquire}. */
    public NamedLock(Connection connection, TableName table) {
        this.connection = connection;
        this.table = table;
    }

    @Override
    public void acquire(Duration timeout, Consumer<String> waiting) {
        try {
            name = name();
            // Whole seconds, which every MySQL and MariaDB version accepts; the server wakes the waiter as
            // soon as the holder lets go.
            LockWait.acquire(
                    table.toString(),
                    timeout,
                    true,
                    block -> tryLock(block.isZero() ? 0 : (int) Math.max(1, block.toSeconds())),
                    this::describeHolder,
                    waiting);
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
        try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            release.setString(1, name);
            release.execute();
        } catch (SQLException e) {
            LOG.debug("Could not release the named lock explicitly; it goes with the session", e);
        }
    }

    /** {@code cairn:database.table}, or a hash of it where that is too long for MySQL. */
    private String name() throws SQLException {
        String database = table.schema().orElse(null);
        if (database == null) {
            try (PreparedStatement query = connection.prepareStatement("SELECT DATABASE()");
                    ResultSet result = query.executeQuery()) {
                result.next();
                database = result.getString(1);
            }
        }
        String full = "cairn:" + database + "." + table.table();
        if (full.length() <= MAX_NAME) {
            return full;
        }
        CRC32 crc = new CRC32();
        crc.update(full.getBytes(StandardCharsets.UTF_8));
        return full.substring(0, MAX_NAME - 9) + "~" + HexFormat.of().toHexDigits((int) crc.getValue());
    }

    private boolean tryLock(int seconds) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            lock.setString(1, name);
            lock.setInt(2, seconds);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        }
    }

    @Override
    public Optional<LockHolder> holder() throws SQLException {
        if (name == null) {
            name = name();
        }
        try (PreparedStatement used = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            used.setString(1, name);
            try (ResultSet result = used.executeQuery()) {
                result.next();
                long id = result.getLong(1);
                if (result.wasNull()) {
                    return Optional.empty();
                }
                return Optional.of(describe(id));
            }
        }
    }

    /** The session {@code id}, which holds the lock, as the process list shows it. */
    private LockHolder describe(long id) throws SQLException {
        String end =
                "KILL QUERY " + id + " stops its statement; KILL " + id + " ends the session, and with it the lock";
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT p.user, p.host, p.time, p.info FROM information_schema.processlist p WHERE p.id = ?")) {
            query.setLong(1, id);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return new LockHolder(
                            "held by connection " + id + ", which this user cannot see in the process list",
                            Optional.empty(),
                            Optional.empty(),
                            end);
                }
                // A session between statements shows the command Sleep and no statement.
                Optional<String> statement = Optional.ofNullable(result.getString(4));
                Duration time = Duration.ofSeconds(Math.max(0, result.getLong(3)));
                return new LockHolder(
                        "held by connection " + id + " of user " + result.getString(1) + " from " + result.getString(2),
                        statement,
                        statement.map(running -> time),
                        end);
            }
        }
    }

    private String describeHolder() throws SQLException {
        return holder().map(LockHolder::description)
                .orElse("held by a connection this user cannot see, or the holder just let go");
    }
}
