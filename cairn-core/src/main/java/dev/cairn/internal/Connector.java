// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal;

import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.internal.config.DriverUrl;
import dev.cairn.internal.config.Redaction;
import dev.cairn.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Opens the connections Cairn works on: from a JDBC URL through its driver (see {@link Drivers}), or from the
 * application's {@link DataSource}. Every failure becomes a {@link ConnectionException} (or a
 * {@link ConfigurationException} when no driver fits) whose message names the target without its
 * password and says what to check.
 */
public abstract class Connector {

    /** Where connections go, for messages: a URL without its password, or a data source's name. */
    public abstract String target();

    /**
     * Opens a connection.
     *
     * @param readOnly open for reading only; a database that does not exist yet is not created
     * @return the connection and its dialect; the connection is null if {@code readOnly} and the
     *     (embedded) database does not exist yet
     */
    abstract Opened open(boolean readOnly);

    /**
     * The same connection settings (user, password, TLS, timeouts) for another database, such as
     * {@code verify}'s scratch database.
     *
     * @throws ConfigurationException if connections come from a data source, whose URL Cairn cannot know
     */
    abstract Connector forUrl(String otherUrl);

    /** The JDBC URL connections go to; empty for a data source. */
    abstract Optional<String> url();

    /** An open connection, or null for a database that does not exist yet, and its dialect. */
    record Opened(Connection connection, Dialect dialect) {}

    /** Connects to a JDBC URL with the given driver properties. */
    static Connector of(String url, Properties properties, Duration lockTimeout, List<String> secrets) {
        return new UrlConnector(url, properties, lockTimeout, secrets);
    }

    /** Borrows connections from the application's data source. */
    static Connector of(DataSource dataSource) {
        return new DataSourceConnector(dataSource);
    }

    private static final class UrlConnector extends Connector {
        private final String url;
        private final String driverUrl;
        private final Properties properties;
        private final Duration lockTimeout;
        private final List<String> secrets;

        UrlConnector(String url, Properties properties, Duration lockTimeout, List<String> secrets) {
            this.url = url;
            this.driverUrl = DriverUrl.of(url);
            this.properties = properties;
            this.lockTimeout = lockTimeout;
            this.secrets = secrets;
        }

        @Override
        public String target() {
            return Redaction.url(url);
        }

        @Override
        Connector forUrl(String otherUrl) {
            return new UrlConnector(otherUrl, properties, lockTimeout, secrets);
        }

        @Override
        Optional<String> url() {
            return Optional.of(url);
        }

        @Override
        Opened open(boolean readOnly) {
            Dialect dialect = Dialect.forUrl(url);
            if (readOnly && dialect.isMissing(url)) {
                return new Opened(null, dialect);
            }
            Driver driver;
            try {
                driver = Drivers.forUrl(driverUrl);
            } catch (SQLException e) {
                throw new ConfigurationException(
                        "No JDBC driver for " + target() + " is on the class path. The cairn tool ships the "
                                + dialect.name() + " driver; as a library, add it to your dependencies.",
                        e);
            }
            Properties connectionProperties = new Properties();
            connectionProperties.putAll(properties);
            dialect.configure(connectionProperties, readOnly, lockTimeout);
            try {
                Connection connection = driver.connect(driverUrl, connectionProperties);
                if (connection == null) {
                    throw new SQLException("The driver " + driver.getClass().getName() + " did not take the URL");
                }
                return new Opened(connection, dialect);
            } catch (SQLException e) {
                throw new ConnectionException(
                        "Cannot connect to " + target() + ": "
                                + Redaction.text(dialect.message(e), secrets)
                                + System.lineSeparator() + hint(e.getSQLState(), e.getErrorCode()),
                        e);
            }
        }
    }

    /** MySQL's and MariaDB's error number for "Unknown database". */
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;

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

    /** Asks the driver to refuse writes; best effort, since some drivers refuse on an open connection. */
    private static void markReadOnly(Connection connection) {
        try {
            connection.setReadOnly(true);
        } catch (SQLException e) {
            // Read-only commands never write anyway; the flag is a second line of defence.
        }
    }

    private static final class DataSourceConnector extends Connector {
        private final DataSource dataSource;

        DataSourceConnector(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public String target() {
            return "data source " + dataSource.getClass().getSimpleName();
        }

        @Override
        Connector forUrl(String otherUrl) {
            throw new ConfigurationException("Cairn cannot make a scratch database beside a data source, whose URL it"
                    + " does not know; configure Cairn with the database's URL (url: in cairn.yml, or --url) to run"
                    + " verify.");
        }

        @Override
        Optional<String> url() {
            return Optional.empty();
        }

        @Override
        Opened open(boolean readOnly) {
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                throw new ConnectionException(
                        "Cannot get a connection from the " + target() + ": " + e.getMessage(), e);
            }
            try {
                Dialect dialect = Dialect.forProduct(connection.getMetaData().getDatabaseProductName());
                if (readOnly) {
                    markReadOnly(connection);
                }
                return new Opened(connection, dialect);
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                if (e instanceof RuntimeException) {
                    throw (RuntimeException) e;
                }
                throw new ConnectionException(
                        "Cannot use the connection from the " + target() + ": " + e.getMessage(), e);
            }
        }
    }
}
