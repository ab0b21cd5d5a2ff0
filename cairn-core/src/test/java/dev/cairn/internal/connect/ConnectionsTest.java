// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConnectionException;
import dev.cairn.internal.dialect.Dialect;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections on in-process SQLite and H2: what each mode opens, the lock timeout handed to each
 * connection (its one holder is the command's settings), a data source borrowed as it is, and the
 * messages of {@link ConnectionFailures}.
 */
class ConnectionsTest {

    @TempDir
    Path directory;

    @Test
    void readingADatabaseFileThatDoesNotExistOpensNothingAndCreatesNothing() {
        Path file = directory.resolve("dev.sqlite3");
        Connector connector = Connector.of("jdbc:sqlite:" + file, new Properties(), List.of());

        Connector.Opened opened = connector.open(true, Duration.ofSeconds(1));

        assertThat(opened.connection()).isNull();
        assertThat(opened.dialect().name()).isEqualTo("SQLite");
        assertThat(file).doesNotExist();
    }

    @Test
    void eachConnectionWaitsForAWriterAsLongAsItIsTold() throws SQLException {
        Connector connector =
                Connector.of("jdbc:sqlite:" + directory.resolve("dev.sqlite3"), new Properties(), List.of());

        try (Connection seven = connector.open(false, Duration.ofSeconds(7)).connection();
                Connection none = connector.open(false, Duration.ZERO).connection()) {
            assertThat(busyTimeout(seven)).isEqualTo(7000);
            assertThat(busyTimeout(none)).isZero();
        }
    }

    @Test
    void theSameSettingsReachAnotherDatabaseOfTheSameServer() {
        Connector connector = Connector.of("jdbc:h2:mem:first", new Properties(), List.of());

        Connector other = connector.forUrl("jdbc:h2:mem:second");

        assertThat(other.url()).contains("jdbc:h2:mem:second");
        assertThat(other.target()).isEqualTo("jdbc:h2:mem:second");
        assertThat(connector.url()).contains("jdbc:h2:mem:first");
    }

    @Test
    void aDataSourceIsBorrowedAsItIsAndItsDatabaseTellsTheDialect() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:borrowed;DB_CLOSE_DELAY=-1");
        h2.setUser("owner");
        Connector connector = Connector.of(h2);

        // Reading asks the driver to refuse writes (H2 ignores it): the connection still reads.
        try (Connection connection = connector.open(true, Duration.ofSeconds(1)).connection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
        }
        Connector.Opened opened = connector.open(false, Duration.ofSeconds(1));
        try (Connection connection = opened.connection()) {
            assertThat(opened.dialect().name()).isEqualTo("H2");
            assertThat(connection.isClosed()).isFalse();
        }
        assertThat(connector.target()).isEqualTo("data source JdbcDataSource");
        assertThat(connector.url()).isEmpty();
        // verify's scratch database goes beside the URL the data source's connections report, as its user.
        assertThat(connector.verifyUrl()).isEqualTo("jdbc:h2:mem:borrowed");
        Connector other = connector.forUrl("jdbc:h2:mem:other");
        assertThat(other.url()).contains("jdbc:h2:mem:other");
        try (Connection connection = other.open(false, Duration.ofSeconds(1)).connection()) {
            assertThat(connection.getMetaData().getUserName()).isEqualToIgnoringCase("owner");
        }
        assertThat(Connector.of(h2, Optional.empty(), Optional.empty(), Optional.of("jdbc:h2:mem:given"))
                        .verifyUrl())
                .isEqualTo("jdbc:h2:mem:given");
    }

    @Test
    void aDataSourceThatFailsSaysSoWithItsMessage() {
        JdbcDataSource broken = new JdbcDataSource();
        broken.setURL("jdbc:h2:mem:broken;IFEXISTS=TRUE");

        assertThatThrownBy(() -> Connector.of(broken).open(false, Duration.ofSeconds(1)))
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Cannot get a connection from the data source JdbcDataSource: ");
    }

    @Test
    void aFailureOnAnOpenConnectionNamesTheTargetWhatCairnWasDoingAndWhatToCheck() {
        SQLException e = new SQLException("permission denied for table cairn_migrations", "42501");

        ConnectionException failure = ConnectionFailures.working(
                "jdbc:postgresql://db/app",
                "reading the tracking table",
                Dialect.forUrl("jdbc:postgresql://db/app"),
                e,
                "Check the grants.");

        assertThat(failure)
                .hasMessage("The database jdbc:postgresql://db/app failed while reading the tracking table: permission"
                        + " denied for table cairn_migrations [SQLSTATE 42501]" + System.lineSeparator()
                        + "Check the grants.")
                .hasCause(e);
    }

    @Test
    void aRefusedConnectionHidesThePasswordTheDriverRepeats() {
        SQLException e = new SQLException("password authentication failed (tried hunter2)", "28P01");

        ConnectionException failure = ConnectionFailures.connecting(
                "jdbc:postgresql://db/app", Dialect.forUrl("jdbc:postgresql://db/app"), e, List.of("hunter2"));

        assertThat(failure.getMessage())
                .startsWith("Cannot connect to jdbc:postgresql://db/app: password authentication failed (tried ****)")
                .contains("check the user and password")
                .doesNotContain("hunter2");
    }

    @Test
    void anUntrustedCertificateGetsTheHintOfItsDriverNotHostAndPort() {
        // As pgjdbc and MariaDB Connector/J report a certificate that Java cannot trace to a trusted authority.
        SQLException e = new SQLException(
                "SSL error: PKIX path building failed",
                "08006",
                new SSLHandshakeException("PKIX path building failed"));
        e.getCause().initCause(new CertPathBuilderException("unable to find valid certification path"));

        ConnectionException postgres = ConnectionFailures.connecting(
                "jdbc:postgresql://db/app", Dialect.forUrl("jdbc:postgresql://db/app"), e, List.of());
        ConnectionException mariadb = ConnectionFailures.connecting(
                "jdbc:mariadb://db/app", Dialect.forUrl("jdbc:mariadb://db/app"), e, List.of());

        assertThat(postgres.getMessage())
                .contains("The server's certificate is not trusted here, or does not name this host")
                .contains("~/.postgresql/root.crt", "sslrootcert=FILE")
                .contains("set the environment's ssl: to require")
                .doesNotContain("host and port");
        assertThat(mariadb.getMessage()).contains("serverSslCert=FILE", "Java's trust store");
        SQLException handshake = new SQLException("SSL error", "08006", new SSLException("protocol_version"));
        assertThat(ConnectionFailures.connecting(
                                "jdbc:postgresql://db/app",
                                Dialect.forUrl("jdbc:postgresql://db/app"),
                                handshake,
                                List.of())
                        .getMessage())
                .contains("The SSL/TLS handshake with the server failed");
    }

    private static int busyTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA busy_timeout")) {
            result.next();
            return result.getInt(1);
        }
    }
}
