// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import dev.cairn.ConnectionException;
import dev.cairn.Redaction;
import dev.cairn.internal.dialect.Dialect;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The one place where a database's {@link SQLException}, outside a migration's own statements, becomes a
 * {@link ConnectionException}: the message names the target (never with a password), says what Cairn
 * was doing, gives the database's own words, and says what to check.
 */
public final class ConnectionFailures {

    /** MySQL's and MariaDB's error number for "Unknown database". */
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;

    private ConnectionFailures() {}

    /**
     * A connection to {@code target} could not be opened.
     *
     * @param secrets values to mask wherever the driver's message repeats them (the password)
     */
    public static ConnectionException connecting(
            String target, Dialect dialect, SQLException e, Collection<String> secrets) {
        return new ConnectionException(
                "Cannot connect to " + target + ": " + Redaction.text(dialect.message(e), secrets)
                        + System.lineSeparator() + hint(e.getSQLState(), e.getErrorCode()),
                e);
    }

    /**
     * The database {@code target} failed while Cairn was {@code doing} something on an open connection.
     *
     * @param advice a sentence on what to check, for the line after the database's message
     */
    public static ConnectionException working(
            String target, String doing, Dialect dialect, SQLException e, String advice) {
        return new ConnectionException(
                "The database " + target + " failed while " + doing + ": " + dialect.message(e)
                        + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]")
                        + System.lineSeparator() + advice,
                e);
    }

    /** A connection could not be had from the application's data source, or used as it came. */
    public static ConnectionException fromDataSource(String what, String target, SQLException e) {
        return new ConnectionException("Cannot " + what + " the " + target + ": " + e.getMessage(), e);
    }

    /**
     * The application's pool could not open its first connection.
     *
     * @param target the URL without its password
     * @param who the environment and user, for the message
     * @param reason the driver's message
     * @param secrets values to mask wherever the message repeats them (the password)
     */
    public static ConnectionException pooling(
            String target, String who, String reason, Throwable cause, Collection<String> secrets) {
        return new ConnectionException(
                Redaction.text(
                        "Cannot connect to " + target + " (" + who + "): " + reason
                                + ". Check that the database is running and reachable, and the environment's url,"
                                + " user and password.",
                        secrets),
                cause);
    }

    /** What to check, from the SQLSTATE class of a failed connection (the same codes across drivers). */
    static String hint(String sqlState, int vendorCode) {
        String state = sqlState == null ? "" : sqlState;
        // MySQL's "Unknown database" (1049) comes with the generic syntax-error state 42000.
        if (state.equals("3D000") || vendorCode == MYSQL_UNKNOWN_DATABASE) {
            return "The server has no such database: create it first, or fix the database name in the URL.";
        }
        if (state.startsWith("28")) {
            return "The server refused the credentials: check the user and password (and that this user may"
                    + " connect from here).";
        }
        if (state.startsWith("08")) {
            return "Check the host and port, that the server is running and reachable from here, and"
                    + " connect-timeout.";
        }
        return "Check that the database is running and reachable from here, and the user and password.";
    }
}
