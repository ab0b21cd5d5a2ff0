// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * The connection a Java migration's code gets: the batch's own, with the calls that would take the
 * batch out of Cairn's hands refused. Inside a transaction that Cairn owns, {@code commit},
 * {@code rollback()} and {@code setAutoCommit} would commit or lose the migrations before it, or leave
 * the tracking table out of step; {@code close} and {@code abort} would end the batch's connection.
 * (Savepoints are allowed: rolling back to one stays inside the transaction.) In autocommit, where the
 * section opted out of the transaction, the code may run transactions of its own.
 *
 * <p>Each statement the code makes is marked running with the {@link Canceller}, so that Ctrl-C
 * cancels the newest one on the server, as it does an SQL statement.
 */
final class GuardedConnection implements InvocationHandler {

    private static final Set<String> TRANSACTION_CALLS = Set.of("commit", "setAutoCommit");
    private static final Set<String> ENDING_CALLS = Set.of("close", "abort");
    private static final Set<String> STATEMENT_CALLS = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final Connection connection;
    private final Canceller canceller;
    private final boolean inTransaction;

    private GuardedConnection(Connection connection, Canceller canceller, boolean inTransaction) {
        this.connection = connection;
        this.canceller = canceller;
        this.inTransaction = inTransaction;
    }

    /** The guarded view of {@code connection}, as it is now (in a transaction, or in autocommit). */
    static Connection of(Connection connection, Canceller canceller) throws SQLException {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new GuardedConnection(connection, canceller, !connection.getAutoCommit()));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (ENDING_CALLS.contains(name)) {
            throw new SQLException("A Java migration must not " + name + " the connection Cairn gives it: Cairn"
                    + " still needs it to record the migration. Let the method return instead.");
        }
        boolean noArgumentRollback = name.equals("rollback") && (args == null || args.length == 0);
        if (inTransaction && (TRANSACTION_CALLS.contains(name) || noArgumentRollback)) {
            throw new SQLException("A Java migration must not call " + name + "() on the connection Cairn gives"
                    + " it: it runs inside the batch's transaction, which Cairn commits with the migration's"
                    + " tracking row (or rolls back when it fails). Throw an exception to fail the migration;"
                    + " return transactional() false to run outside the transaction.");
        }
        if (name.equals("equals")) {
            return proxy == args[0];
        }
        if (name.equals("hashCode")) {
            return System.identityHashCode(proxy);
        }
        if (name.equals("toString")) {
            return "Cairn's connection for a Java migration (" + connection + ")";
        }
        if (STATEMENT_CALLS.contains(name) && canceller.requested()) {
            throw new SQLException("The run was cancelled (Ctrl-C): no statement starts after that.");
        }
        Object result;
        try {
            result = method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Statement statement) {
            canceller.track(statement);
        }
        return result;
    }
}
