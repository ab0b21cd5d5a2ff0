// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.EnvironmentConfig;
import dev.cairn.Redaction;
import dev.cairn.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Opens the connections Cairn works on: from a JDBC URL through its driver (see {@link Drivers}), or from
 * the application's {@link DataSource}. Every failure becomes a {@link ConnectionException} (see
 * {@link ConnectionFailures}), or a {@link ConfigurationException} when no driver fits, whose message
 * names the target without its password and says what to check.
 */
public abstract class Connector {

    /** Where connections go, for messages: a URL without its password, or a data source's name. */
    public abstract String target();

    /**
     * Opens a connection.
     *
     * @param readOnly open for reading only; a database that does not exist yet is not created
     * @param lockTimeout how long the connection waits for another writer, where the driver does the
     *     waiting (SQLite's busy timeout)
     * @return the connection and its dialect; the connection is null if {@code readOnly} and the
     *     (embedded) database does not exist yet
     */
    public abstract Opened open(boolean readOnly, Duration lockTimeout);

    /**
     * The same connection settings (user, password, TLS, timeouts) for another database, such as
     * {@code verify}'s scratch database.
     *
     * @throws ConfigurationException if connections come from a data source, whose URL Cairn cannot know
     */
    public abstract Connector forUrl(String otherUrl);

    /** The JDBC URL connections go to; empty for a data source. */
    public abstract Optional<String> url();

    /** An open connection, or null for a database that does not exist yet, and its dialect. */
    public record Opened(Connection connection, Dialect dialect) {}

    /**
     * Connects to a JDBC URL.
     *
     * @param properties the driver properties (see {@link DriverProperties}), with the password
     * @param secrets values to keep out of every message, such as the password
     */
    public static Connector of(String url, Properties properties, List<String> secrets) {
        return new UrlConnector(url, properties, secrets);
    }

    /** Borrows connections from the application's data source. */
    public static Connector of(DataSource dataSource) {
        return of(dataSource, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Borrows connections from the application's data source; {@link #forUrl} connects to another
     * database of the same server (verify's scratch database) by URL, as {@code user} with
     * {@code password} when given, else as the data source's user without a password.
     *
     * @param verifyUrl the URL that {@link #verifyUrl()} gives, instead of the one the data source's
     *     connections report
     */
    public static Connector of(
            DataSource dataSource, Optional<String> user, Optional<String> password, Optional<String> verifyUrl) {
        return new DataSourceConnector(dataSource, user, password, verifyUrl);
    }

    /**
     * The URL of the database, for {@code verify} to make a scratch database beside it: the URL, or
     * for a data source the URL given for verify, else the one its connections report.
     *
     * @throws ConfigurationException if a data source's connections report no URL
     * @throws ConnectionException if the data source gives no connection to ask
     */
    public abstract String verifyUrl();

    private static final class UrlConnector extends Connector {
        private final String url;
        private final String driverUrl;
        private final Properties properties;
        private final List<String> secrets;

        UrlConnector(String url, Properties properties, List<String> secrets) {
            this.url = url;
            this.driverUrl = Drivers.driverUrl(url);
            this.properties = properties;
            this.secrets = List.copyOf(secrets);
        }

        @Override
        public String target() {
            return Redaction.url(url);
        }

        @Override
        public Connector forUrl(String otherUrl) {
            return new UrlConnector(otherUrl, properties, secrets);
        }

        @Override
        public Optional<String> url() {
            return Optional.of(url);
        }

        @Override
        public String verifyUrl() {
            return url;
        }

        @Override
        public Opened open(boolean readOnly, Duration lockTimeout) {
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
            dialect.addSessionProperties(connectionProperties, readOnly, lockTimeout);
            try {
                Connection connection = driver.connect(driverUrl, connectionProperties);
                if (connection == null) {
                    throw new SQLException("The driver " + driver.getClass().getName() + " did not take the URL");
                }
                return new Opened(connection, dialect);
            } catch (SQLException e) {
                Optional<ConfigurationException> invalid =
                        ConnectionFailures.invalidParameter(target(), dialect, e, secrets);
                if (invalid.isPresent()) {
                    throw invalid.get();
                }
                throw ConnectionFailures.connecting(target(), dialect, e, secrets);
            }
        }
    }

    private static final class DataSourceConnector extends Connector {
        private final DataSource dataSource;
        private final Optional<String> user;
        private final Optional<String> password;
        private final Optional<String> verifyUrl;

        DataSourceConnector(
                DataSource dataSource, Optional<String> user, Optional<String> password, Optional<String> verifyUrl) {
            this.dataSource = dataSource;
            this.user = user;
            this.password = password;
            this.verifyUrl = verifyUrl;
        }

        @Override
        public String target() {
            return "data source " + dataSource.getClass().getSimpleName();
        }

        /**
         * Another database by URL, as the builder's user (else the data source's, asked of a connection)
         * with the builder's password (else none): a data source cannot be asked for its password.
         */
        @Override
        public Connector forUrl(String otherUrl) {
            Optional<String> login = user.isPresent() ? user : reported(metadata -> metadata.getUserName());
            Properties properties = DriverProperties.of(
                    otherUrl, login, password, Optional.empty(), EnvironmentConfig.DEFAULT_CONNECT_TIMEOUT);
            return new UrlConnector(otherUrl, properties, password.map(List::of).orElse(List.of()));
        }

        @Override
        public String verifyUrl() {
            if (verifyUrl.isPresent()) {
                return verifyUrl.get();
            }
            return reported(metadata -> metadata.getURL())
                    .orElseThrow(() -> new ConfigurationException("verify needs the database's URL to make a scratch"
                            + " database beside it, and the connections of " + target() + " report none; give it"
                            + " with Cairn.Builder.url(...) beside the data source."));
        }

        /** What a connection's metadata says, asked of one borrowed connection. */
        private Optional<String> reported(MetadataQuestion question) {
            try (Connection connection = dataSource.getConnection()) {
                String answer = question.ask(connection.getMetaData());
                return answer == null || answer.isBlank() ? Optional.empty() : Optional.of(answer);
            } catch (SQLException e) {
                throw ConnectionFailures.fromDataSource("get a connection from", target(), e);
            }
        }

        private interface MetadataQuestion {
            String ask(DatabaseMetaData metadata) throws SQLException;
        }

        @Override
        public Optional<String> url() {
            return Optional.empty();
        }

        @Override
        public Opened open(boolean readOnly, Duration lockTimeout) {
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                throw ConnectionFailures.fromDataSource("get a connection from", target(), e);
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
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw ConnectionFailures.fromDataSource("use the connection from", target(), (SQLException) e);
            }
        }

        /** Asks the driver to refuse writes; best effort, since some drivers refuse on an open connection. */
        private static void markReadOnly(Connection connection) {
            try {
                connection.setReadOnly(true);
            } catch (SQLException e) {
                // Read-only commands never write anyway; the flag is a second line of defence.
            }
        }
    }
}
