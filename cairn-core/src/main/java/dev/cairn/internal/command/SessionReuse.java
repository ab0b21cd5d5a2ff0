// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.internal.connect.Connector;
import dev.cairn.internal.connect.WrappingConnector;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.schema.TargetCatalog;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of a fleet's schema targets, handed from one target to the next while a fleet run
 * lasts: a target's connection, when its work closes it, is reset to a fresh session (the dialect's
 * {@link Dialect#resetSession}, PostgreSQL's {@code DISCARD ALL}: settings, temporary tables,
 * prepared statements, advisory locks, role) and kept for the next target, instead of a new
 * connection per target. No more wait than the run had targets at work at once (its {@code parallel});
 * none is kept between runs ({@link #runEnded} closes them), nor outside one. Where the dialect cannot
 * reset a session, or the rollback of what a failure left open or the reset fails, the connection is
 * closed as before: nothing of one tenant's session reaches the next.
 */
public final class SessionReuse extends WrappingConnector {

    private static final Logger LOG = LoggerFactory.getLogger(SessionReuse.class);

    private final Deque<Idle> idle = new ArrayDeque<>();
    private int runs;

    /** A reset connection waiting for the next target, with what it was opened for. */
    private record Idle(Connection connection, Dialect dialect, boolean readOnly, Duration lockTimeout) {}

    /** Hands on the connections of {@code connections} from target to target. */
    public SessionReuse(Connector connections) {
        super(connections);
    }

    /** A fleet run starts: connections its targets close are kept for the next, until it ends. */
    public synchronized void runStarting() {
        runs++;
    }

    /** A fleet run has ended: once none runs, the connections kept are closed. */
    public void runEnded() {
        List<Idle> closing;
        synchronized (this) {
            runs--;
            if (runs > 0) {
                return;
            }
            closing = new ArrayList<>(idle);
            idle.clear();
        }
        closing.forEach(kept -> close(kept.connection()));
    }

    @Override
    public Opened open(boolean readOnly, Duration lockTimeout) {
        Idle reused = take(readOnly, lockTimeout);
        Opened opened = reused != null
                ? new Opened(reused.connection(), reused.dialect())
                : connections.open(readOnly, lockTimeout);
        if (opened.connection() == null || opened.dialect().resetSession().isEmpty()) {
            return opened;
        }
        return new Opened(handedOn(opened, readOnly, lockTimeout), opened.dialect());
    }

    private synchronized Idle take(boolean readOnly, Duration lockTimeout) {
        for (Idle kept : idle) {
            if (kept.readOnly() == readOnly && kept.lockTimeout().equals(lockTimeout)) {
                idle.remove(kept);
                return kept;
            }
        }
        return null;
    }

    /** The connection as the target sees it: closing it hands it back here. */
    private Connection handedOn(Opened opened, boolean readOnly, Duration lockTimeout) {
        Connection real = opened.connection();
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close":
                        if (!closed) {
                            closed = true;
                            giveBack(new Idle(real, opened.dialect(), readOnly, lockTimeout));
                        }
                        return null;
                    case "isClosed":
                        return closed || real.isClosed();
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        if (closed) {
                            throw new SQLException("The connection is closed.");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                }
            }
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /** Resets {@code returned} and keeps it, or closes it when it cannot be kept. */
    private void giveBack(Idle returned) {
        Connection connection = returned.connection();
        boolean keep;
        synchronized (this) {
            keep = runs > 0;
        }
        if (keep) {
            try {
                if (!connection.isClosed() && !connection.getAutoCommit()) {
                    // The session rolled its work back or committed it; this ends whatever a failure left open.
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                keep = !connection.isClosed() && reset(returned);
            } catch (SQLException e) {
                LOG.debug("Not handing a fleet connection on: checking it failed", e);
                keep = false;
            }
        }
        if (keep) {
            synchronized (this) {
                if (runs > 0) {
                    idle.push(returned);
                    return;
                }
            }
        }
        close(connection);
    }

    private static boolean reset(Idle returned) throws SQLException {
        Optional<String> reset = returned.dialect().resetSession();
        if (reset.isEmpty()) {
            return false;
        }
        TargetCatalog.reset(returned.connection(), reset.get());
        return true;
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a fleet connection failed; the session ends with it anyway", e);
        }
    }
}
