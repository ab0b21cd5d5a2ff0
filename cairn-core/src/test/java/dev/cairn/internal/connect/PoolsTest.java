// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.CairnConfig;
import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.EnvironmentConfig;
import dev.cairn.EnvironmentConfig.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's pool, on a real SQLite file. */
class PoolsTest {

    @TempDir
    Path directory;

    @Test
    void buildsAPoolFromCairnYmlAndRunsAQuery() throws Exception {
        Path file = Files.writeString(
                directory.resolve("cairn.yml"),
                String.join(
                        "\n",
                        "environments:",
                        "  development:",
                        "    url: jdbc:sqlite:data.sqlite3",
                        "    pool: { min: 1, max: 3, idle-timeout: 20s, max-lifetime: 2m }",
                        "    connect-timeout: 5s"));
        EnvironmentConfig development = CairnConfig.load(file, Map.of()).environment("development");

        try (HikariDataSource pool = Pools.dataSource(development);
                Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select 1")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
            assertThat(pool.getPoolName()).isEqualTo("cairn-development");
            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:sqlite:" + directory.resolve("data.sqlite3"));
            assertThat(pool.getMinimumIdle()).isEqualTo(1);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getIdleTimeout()).isEqualTo(20_000);
            assertThat(pool.getMaxLifetime()).isEqualTo(120_000);
            assertThat(pool.getConnectionTimeout()).isEqualTo(5_000);
            assertThat(pool.getKeepaliveTime()).isEqualTo(60_000);
        }
        // The file lives beside cairn.yml, not in the working directory.
        assertThat(Files.exists(directory.resolve("data.sqlite3"))).isTrue();
    }

    @Test
    void passesTheDriverPropertiesToTheDriver() {
        EnvironmentConfig staging = DriverPropertiesTest.environment(
                "jdbc:sqlite:" + directory.resolve("x.db"), "deploy", "s3cret", null, Duration.ofSeconds(3));

        try (HikariDataSource pool = Pools.dataSource(staging)) {
            assertThat(pool.getDataSourceProperties())
                    .containsEntry("user", "deploy")
                    .containsEntry("password", "s3cret");
        }
    }

    @Test
    void aUrlWithoutADriverSaysWhichUrlAndToAddTheDriver() {
        EnvironmentConfig environment = DriverPropertiesTest.environment(
                "jdbc:nosuchdb://db/app?password=s3cret", null, null, null, Duration.ofSeconds(1));

        ConfigurationException e =
                catchThrowableOfType(ConfigurationException.class, () -> Pools.dataSource(environment));

        assertThat(e.getMessage())
                .isEqualTo("No JDBC driver on the class path accepts"
                        + " jdbc:nosuchdb://db/app?password=**** (environment staging). Add the database's JDBC driver"
                        + " to"
                        + " the application's dependencies.");
    }

    @Test
    void aFailedConnectionIsAConnectionExceptionWithoutThePassword() {
        // SQLite cannot create a file in a directory that does not exist. The path contains the password
        // (as a URL or a driver's message might), so that the test can see it being removed.
        Path missing = directory.resolve("hunter2").resolve("app.db");
        EnvironmentConfig environment = new EnvironmentConfig(
                "staging",
                "jdbc:sqlite:" + missing,
                Optional.of("deploy"),
                Optional.of("hunter2"),
                Optional.empty(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                new Pool(1, 1, Duration.ofSeconds(10), Duration.ofSeconds(30)),
                directory,
                List.of(),
                "cairn_migrations",
                Optional.empty(),
                directory,
                Optional.empty(),
                Optional.empty(),
                EnvironmentConfig.DEFAULT_PARALLEL,
                Map.of(),
                EnvironmentConfig.Lint.DEFAULTS,
                Optional.empty());

        ConnectionException e = catchThrowableOfType(ConnectionException.class, () -> Pools.dataSource(environment));

        assertThat(e.getMessage())
                .startsWith("Cannot connect to jdbc:sqlite:"
                        + directory.resolve("****").resolve("app.db") + " (environment staging, user deploy): ")
                .endsWith(". Check that the database is running and reachable, and the environment's url, user and"
                        + " password.")
                .doesNotContain("hunter2");
        assertThat(e.getCause()).isNotNull();
    }
}
