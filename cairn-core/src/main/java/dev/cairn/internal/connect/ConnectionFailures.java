// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.EnvironmentConfig.Ssl;
import dev.cairn.Redaction;
import dev.cairn.internal.dialect.Dialect;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * The one place where a database's {@link SQLException}, outside a migration's own statements, becomes a
 * {@link ConnectionException}: the message names the target (never with a password), says what Cairn
 * was doing, gives the database's own words, and says what to check.
 */
public final class ConnectionFailures {

    /** MySQL's and MariaDB's error number for "Unknown database". */
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;

    /** MySQL's and MariaDB's ER_TABLEACCESS_DENIED_ERROR, ER_COLUMNACCESS_DENIED_ERROR, ER_DBACCESS_DENIED_ERROR. */
    private static final int MYSQL_TABLE_DENIED = 1142;

    private static final int MYSQL_COLUMN_DENIED = 1143;
    private static final int MYSQL_DATABASE_DENIED = 1044;

    /** sqlite-jdbc names the result code at the start of its message: https://sqlite.org/rescode.html */
    private static final Pattern SQLITE_DENIED = Pattern.compile("^\\[SQLITE_(READONLY|PERM|AUTH)");

    /**
     * A server that does not do SSL, as pgjdbc ("The server does not support SSL.") and MariaDB
     * Connector/J ("Trying to connect with ssl, but ssl not enabled in the server") say it.
     */
    private static final Pattern SSL_NOT_SUPPORTED =
            Pattern.compile("does not support SSL|ssl not enabled in the server", Pattern.CASE_INSENSITIVE);

    /** pgjdbc's LibPQFactory, for verify-full without a root certificate (~/.postgresql/root.crt). */
    private static final Pattern ROOT_CERTIFICATE =
            Pattern.compile("Could not open SSL root certificate file", Pattern.CASE_INSENSITIVE);

    /** pgjdbc's message for an sslmode it does not know. */
    private static final Pattern PGJDBC_SSL_MODE = Pattern.compile("Invalid sslmode value", Pattern.CASE_INSENSITIVE);

    /** MariaDB Connector/J's message for an sslMode it does not know. */
    private static final Pattern MARIADB_SSL_MODE =
            Pattern.compile("Wrong argument value '[^']*' for SslMode", Pattern.CASE_INSENSITIVE);

    /** pgjdbc's message for a numeric parameter that is no number ("connectTimeout parameter value must be ..."). */
    private static final Pattern PGJDBC_BAD_PARAMETER = Pattern.compile("parameter value must be an integer");

    /** MariaDB Connector/J's prefix for a URL it cannot parse. */
    private static final String MARIADB_BAD_URL = "error parsing url";

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
                        + System.lineSeparator()
                        + sslHint(e, dialect).orElseGet(() -> hint(e.getSQLState(), e.getErrorCode())),
                e);
    }

    /**
     * The configuration error that {@code e} is, if the driver refused a parameter of the URL before it
     * tried to connect (an {@code sslmode} it does not know, a timeout that is no number), which no
     * retry or network fix would cure.
     *
     * @param secrets values to mask wherever the driver's message repeats them (the password)
     */
    public static Optional<ConfigurationException> invalidParameter(
            String target, Dialect dialect, SQLException e, Collection<String> secrets) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String where = "The " + dialect.name() + " driver refused the URL " + target + " before connecting: "
                + Redaction.text(dialect.message(e), secrets) + System.lineSeparator();
        if (PGJDBC_SSL_MODE.matcher(message).find()
                || MARIADB_SSL_MODE.matcher(message).find()) {
            return Optional.of(new ConfigurationException(
                    where + "The URL's SSL mode is not one the " + dialect.name()
                            + " driver knows; " + dialect.sslModes()
                            + ". Or leave it out of the URL and set the environment's ssl: to one of "
                            + Arrays.stream(Ssl.values()).map(Ssl::label).collect(Collectors.joining(", ", "", ".")),
                    e));
        }
        if (PGJDBC_BAD_PARAMETER.matcher(message).find() || message.startsWith(MARIADB_BAD_URL)) {
            return Optional.of(new ConfigurationException(where + "Correct or remove that parameter in the URL.", e));
        }
        return Optional.empty();
    }

    /**
     * The hint for a connection that failed over SSL/TLS: the server does not accept it, or its
     * certificate is not trusted. Empty when the failure has nothing to do with SSL.
     */
    static Optional<String> sslHint(SQLException e, Dialect dialect) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (SSL_NOT_SUPPORTED.matcher(message).find()) {
            return Optional.of("The server does not accept SSL connections. If the network to it is trusted, set the"
                    + " environment's ssl: to disable (and remove any SSL mode from the URL); otherwise enable SSL"
                    + " on the server.");
        }
        boolean certificate = false;
        boolean ssl = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException
                    || cause instanceof CertPathValidatorException
                    || cause instanceof CertPathBuilderException
                    || String.valueOf(cause.getMessage()).contains("certification path")) {
                certificate = true;
            }
            if (cause instanceof SSLException) {
                ssl = true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (certificate || ROOT_CERTIFICATE.matcher(message).find()) {
            return Optional.of("The server's certificate is not trusted here, or does not name this host: ssl:"
                    + " verify-full checks both. " + dialect.trustCertificate()
                    + "; connect with the host name the certificate names; or set the environment's ssl: to"
                    + " require, which encrypts without checking the certificate.");
        }
        if (ssl) {
            return Optional.of("The SSL/TLS handshake with the server failed: check the environment's ssl: setting"
                    + " (disable, require or verify-full) against the server's SSL configuration.");
        }
        return Optional.empty();
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

    /**
     * Whether {@code e} is PostgreSQL's "prepared statement … already exists" (42P05) or "… does not
     * exist" (26000) for one of the driver's own named statements ({@code S_1}, …): a session that
     * did not prepare it, which a pooler in transaction mode hands out.
     */
    public static boolean isPooledStatementClash(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return ("42P05".equals(e.getSQLState()) || "26000".equals(e.getSQLState()))
                && message.contains("prepared statement \"S_");
    }

    /**
     * Whether {@code e} says the user lacks a privilege: SQLSTATE 42501 (PostgreSQL, H2), MySQL's and
     * MariaDB's "command denied" errors (1142, 1143, 1044), or SQLite's READONLY, PERM and AUTH codes.
     */
    public static boolean isPermissionDenied(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int code = e.getErrorCode();
        return "42501".equals(e.getSQLState())
                || code == MYSQL_TABLE_DENIED
                || code == MYSQL_COLUMN_DENIED
                || code == MYSQL_DATABASE_DENIED
                || SQLITE_DENIED.matcher(message).find();
    }

    /**
     * Whether {@code e} says a column is missing: SQLSTATE 42703 (PostgreSQL), 42S22 (MySQL, MariaDB,
     * H2), or SQLite's "no such column".
     */
    public static boolean isUnknownColumn(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "42703".equals(e.getSQLState()) || "42S22".equals(e.getSQLState()) || message.contains("no such column");
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
