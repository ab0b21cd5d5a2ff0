// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cairn.EnvironmentConfig;
import dev.cairn.EnvironmentConfig.Ssl;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mariadb.jdbc.Configuration;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/** The properties passed to the JDBC driver with the URL. */
class DriverPropertiesTest {

    static EnvironmentConfig environment(String url, String user, String password, Ssl ssl, Duration timeout) {
        return new EnvironmentConfig(
                "staging",
                url,
                Optional.ofNullable(user),
                Optional.ofNullable(password),
                Optional.ofNullable(ssl),
                timeout,
                Duration.ofSeconds(60),
                EnvironmentConfig.DEFAULT_POOL,
                Path.of("/app/database/migrations"),
                List.of(),
                "cairn_migrations",
                Optional.empty(),
                Path.of("/app/database/seeds"),
                Optional.empty(),
                Optional.empty(),
                EnvironmentConfig.DEFAULT_PARALLEL,
                Map.of(),
                EnvironmentConfig.Lint.DEFAULTS,
                Optional.empty());
    }

    private static Properties propertiesOf(EnvironmentConfig environment) {
        return DriverProperties.of(
                environment.url(),
                environment.user(),
                environment.password(),
                environment.ssl(),
                environment.connectTimeout());
    }

    @Test
    void postgresqlGetsSslTimeoutsAndApplicationNameUnderPgjdbcsOwnNames() {
        EnvironmentConfig staging = environment(
                "jdbc:postgresql://db:5432/app", "deploy", "s3cret", Ssl.VERIFY_FULL, Duration.ofMillis(2500));

        Properties properties = propertiesOf(staging);

        // pgjdbc reads the URL and the properties together; what it sees is what the server gets.
        Properties parsed = Driver.parseURL(staging.url(), properties);
        assertThat(parsed).isNotNull();
        assertThat(parsed.getProperty(PGProperty.USER.getName())).isEqualTo("deploy");
        assertThat(parsed.getProperty(PGProperty.PASSWORD.getName())).isEqualTo("s3cret");
        assertThat(parsed.getProperty(PGProperty.SSL_MODE.getName())).isEqualTo("verify-full");
        assertThat(parsed.getProperty(PGProperty.CONNECT_TIMEOUT.getName())).isEqualTo("3");
        assertThat(parsed.getProperty(PGProperty.LOGIN_TIMEOUT.getName())).isEqualTo("3");
        assertThat(parsed.getProperty(PGProperty.APPLICATION_NAME.getName())).isEqualTo("cairn");
        assertThat(parsed.getProperty(PGProperty.ASSUME_MIN_SERVER_VERSION.getName()))
                .isEqualTo("9.4");
        assertThat(properties).hasSize(7);
    }

    @ParameterizedTest
    @CsvSource({"250, 1", "10000, 10", "10001, 11"})
    void postgresqlTimeoutsAreWholeSecondsRoundedUp(long millis, String seconds) {
        Properties properties =
                propertiesOf(environment("jdbc:postgresql://db/app", null, null, null, Duration.ofMillis(millis)));

        assertThat(properties).contains(entry("connectTimeout", seconds), entry("loginTimeout", seconds));
    }

    @Test
    void postgresqlWithoutSslOrCredentialsLeavesThemToTheDriver() {
        Properties properties =
                propertiesOf(environment("jdbc:postgresql://db/app", null, null, null, Duration.ofSeconds(10)));

        assertThat(properties)
                .containsOnly(
                        entry("connectTimeout", "10"),
                        entry("loginTimeout", "10"),
                        entry("ApplicationName", "cairn"),
                        entry("assumeMinServerVersion", "9.4"));
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:mysql://db:3306/app, REQUIRE, TRUST",
        "jdbc:mariadb://db/app, VERIFY_FULL, VERIFY_FULL",
        "jdbc:mariadb://db/app, DISABLE, DISABLE"
    })
    void mysqlAndMariadbGetSslAndTheConnectTimeoutUnderConnectorJsOwnNames(
            String url, Ssl ssl, org.mariadb.jdbc.export.SslMode expected) throws SQLException {
        EnvironmentConfig staging = environment(url, "deploy", "s3cret", ssl, Duration.ofMillis(2500));

        Properties properties = propertiesOf(staging);

        // The MariaDB driver reads the URL and the properties together; what it sees is what it uses.
        Configuration parsed = Configuration.parse(Drivers.driverUrl(url), properties);
        assertThat(parsed.user()).isEqualTo("deploy");
        assertThat(parsed.password()).isEqualTo("s3cret");
        assertThat(parsed.sslMode()).isEqualTo(expected);
        assertThat(parsed.connectTimeout()).isEqualTo(2500);
    }

    @Test
    void sqliteGetsOnlyTheCredentials() {
        assertThat(propertiesOf(environment("jdbc:sqlite:/app/dev.db", "u", "p", null, Duration.ofSeconds(10))))
                .containsOnly(entry("user", "u"), entry("password", "p"));
        assertThat(propertiesOf(environment("jdbc:sqlite::memory:", null, null, null, Duration.ofSeconds(1))))
                .isEmpty();
    }

    @Test
    void otherDatabasesGetOnlyTheCredentials() {
        EnvironmentConfig h2 = environment("jdbc:h2:mem:x", "sa", null, Ssl.REQUIRE, Duration.ofSeconds(1));

        assertThat(propertiesOf(h2)).containsOnly(entry("user", "sa"));
    }

    @Test
    void eachCallReturnsANewCopy() {
        EnvironmentConfig staging = environment("jdbc:sqlite::memory:", "u", null, null, Duration.ofSeconds(1));
        Properties first = propertiesOf(staging);
        first.setProperty("user", "changed");

        assertThat(propertiesOf(staging)).containsOnly(entry("user", "u"));
    }
}
