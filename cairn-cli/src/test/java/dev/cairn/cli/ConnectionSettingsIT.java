// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SSL and the URL's own parameters against the real servers (which run without SSL): a server that
 * refuses SSL gets an SSL hint, not "check the host and port" (exit 3), and an SSL mode or a parameter
 * the driver does not know is a configuration error (exit 2) that names the values it takes.
 */
class ConnectionSettingsIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Cli project(TestDatabase database, String url, String... lines) {
        StringBuilder yml = new StringBuilder("environments:\n  development:\n    url: '" + url + "'\n");
        if (database.user() != null) {
            yml.append("    user: ").append(database.user()).append('\n');
        }
        if (database.password() != null) {
            yml.append("    password: '").append(database.password()).append("'\n");
        }
        for (String line : lines) {
            yml.append("    ").append(line).append('\n');
        }
        return new Cli(directory).write("cairn.yml", yml.toString());
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void aServerWithoutSslGetsAnSslHint(Engine engine) {
        TestDatabase database = databases.create(engine);

        Cli.Run run = project(database, database.url(), "ssl: require", "connect-timeout: 5s")
                .run("ping")
                .exits(3);

        assertThat(run.err())
                .contains("The server does not accept SSL connections. If the network to it is trusted, set the"
                        + " environment's ssl: to disable")
                .doesNotContain("host and port");
        assertThat(project(database, database.url(), "ssl: disable")
                        .run("ping")
                        .exits(0)
                        .out())
                .startsWith("Connected to ");
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void anSslModeTheDriverDoesNotKnowIsAConfigurationErrorNamingTheValues(Engine engine) {
        TestDatabase database = databases.create(engine);
        String parameter = engine == Engine.POSTGRESQL ? "sslmode=bogus" : "sslMode=bogus";

        Cli.Run run =
                project(database, database.url() + "?" + parameter).run("ping").exits(2);

        assertThat(run.err())
                .contains(" driver refused the URL ")
                .contains("The URL's SSL mode is not one the ")
                .contains(
                        engine == Engine.POSTGRESQL
                                ? "use one of disable, allow, prefer, require, verify-ca, verify-full"
                                : "use one of disable, trust, verify-ca, verify-full")
                .contains("set the environment's ssl: to one of disable, require, verify-full.");
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void aParameterTheDriverCannotReadIsAConfigurationError(Engine engine) {
        TestDatabase database = databases.create(engine);

        Cli.Run run = project(database, database.url() + "?connectTimeout=soon")
                .run("ping")
                .exits(2);

        assertThat(run.err()).contains("connectTimeout").contains("Correct or remove that parameter in the URL.");
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "SQLITE"})
    void anAbsurdConnectTimeoutIsRefusedWithFileAndLine(Engine engine) {
        TestDatabase database = databases.create(engine);

        Cli.Run run = project(database, database.url(), "connect-timeout: 99999999h")
                .run("ping")
                .exits(2);

        assertThat(run.err())
                .containsPattern("cairn\\.yml:\\d+: environments\\.development\\.connect-timeout must be at most 24h")
                .contains("not 99999999h.");
    }
}
