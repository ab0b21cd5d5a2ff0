// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import dev.cairn.LockException;
import dev.cairn.internal.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * H2's lock: the one row of a small lock table ({@code <tracking table>_lock}), locked with
 * {@code SELECT … FOR UPDATE} in a transaction that stays open on a connection of its own until the
 * command ends. The migrations run on another connection, so the commit that each of their DDL
 * statements implies cannot release it, and it dies with the connection, so a runner that is killed
 * never leaves it behind: nothing has to be judged stale or cleared by hand.
 */
public final class RowLock implements Lock {

    /** H2's "Timeout trying to lock table". */
    private static final int LOCK_TIMEOUT = 50200;

    /** H2's "Duplicate key": a runner that was faster created the row. */
    private static final String DUPLICATE_KEY = "23505";

    private final ConnectionOpener opener;
    private final TableName table;
    private final String lockTable;
    private final List<String> create;
    private Connection connection;

    /**
     * Creates the lock; nothing is taken until {@link #acquire}.
     *
     * @param opener opens the lock's own connection
     * @param table the tracking table, for messages
     * @param lockTable the lock table's name as SQL
     * @param create the statements that create the lock table (and its schema) if they are missing
     */
    public RowLock(ConnectionOpener opener, TableName table, String lockTable, List<String> create) {
        this.opener = opener;
        this.table = table;
        this.lockTable = lockTable;
        this.create = List.copyOf(create);
    }

    @Override
    public void acquire(Duration timeout, Consumer<String> waiting) {
        try {
            connection = opener.open();
            createRow();
            connection.setAutoCommit(false);
            LockWait.acquire(table.toString(), timeout, true, this::tryLock, this::describeHolder, waiting);
        } catch (SQLException e) {
            close();
            throw LockWait.failed(table.toString(), e);
        } catch (LockException e) {
            close();
            throw e;
        }
    }

    /**
     * H2 shows no row lock's holder, and the candidates {@link #describeHolder()} names are only sure
     * while the row is locked against this runner: without taking the lock, there is nothing to say.
     */
    @Override
    public Optional<LockHolder> holder() {
        return Optional.empty();
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close(); // ends the transaction, and with it the row lock
        } catch (SQLException e) {
            // A connection that cannot close is gone already, and its lock with it.
        }
        connection = null;
    }

    /** Creates the lock table and its one row if they are missing (the DDL commits on this connection). */
    private void createRow() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : create) {
                statement.execute(sql);
            }
            statement.executeUpdate("INSERT INTO " + lockTable + " (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM "
                    + lockTable + " WHERE id = 1)");
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private boolean tryLock(Duration wait) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCK_TIMEOUT " + Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis())));
            statement
                    .executeQuery("SELECT id FROM " + lockTable + " WHERE id = 1 FOR UPDATE")
                    .close();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == LOCK_TIMEOUT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * H2 does not say which session holds a row lock; the sessions with uncommitted work are the
     * candidates, and when there is one it is the holder.
     */
    private String describeHolder() throws SQLException {
        List<String> sessions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT SESSION_ID, USER_NAME, SESSION_START"
                        + " FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED AND SESSION_ID <>"
                        + " SESSION_ID()");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                String user = result.getString(2);
                sessions.add("session " + result.getInt(1) + (user == null || user.isEmpty() ? "" : " of " + user)
                        + ", connected since " + result.getString(3));
            }
        }
        if (sessions.size() == 1) {
            return "held by H2 " + sessions.get(0);
        }
        return "held by another H2 session";
    }
}
