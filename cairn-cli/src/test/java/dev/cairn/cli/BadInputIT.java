// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Wrong connection settings against the real servers: each gets its exit code (3) and a message
 * that says what to check, the password never appears in any output, and the database is unchanged.
 */
class BadInputIT {

    private static final String SECRET = "pw-Sekr1t-42";

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Cli project(String url, String timeout) {
        return project(url, null, timeout);
    }

    private Cli project(String url, String user, String timeout) {
        return new Cli(directory)
                .write(
                        "cairn.yml",
                        String.join(
                                "\n",
                                "environments:",
                                "  development:",
                                "    url: '" + url + "'",
                                user == null ? "" : "    user: " + user,
                                "    connect-timeout: " + timeout,
                                ""))
                .migration(
                        "20260101000000_create_users",
                        "-- migrate:up\nCREATE TABLE users (id integer);\n-- migrate:down\nDROP TABLE users;\n");
    }

    /** Runs {@code command} as text and as JSON; both must fail with {@code exit} and keep the secret. */
    private String fails(Cli cli, int exit, String... command) {
        Cli.Run text = cli.run(command).exits(exit);
        String[] json = new String[command.length + 1];
        System.arraycopy(command, 0, json, 0, command.length);
        json[command.length] = "--json";
        Cli.Run document = cli.run(json).exits(exit);
        JsonNode error = document.json().get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(exit);
        for (String output : new String[] {text.out(), text.err(), document.out(), document.err()}) {
            assertThat(output).doesNotContain(SECRET);
        }
        assertThat(error.get("message").asText())
                .isEqualTo(text.err().strip().replaceFirst("^error: ", ""))
                .doesNotContain("(conn=");
        return text.err();
    }

    @Test
    void aWrongPasswordOnMariaDbExits3WithoutShowingIt() {
        TestDatabase database = databases.create(Engine.MARIADB);
        String url = database.url() + "?user=root&password=" + SECRET;

        String err = fails(project(url, "5s"), 3, "migrate");

        assertThat(err).contains("Cannot connect to", "password=****", "Access denied", "check the user and password");
        assertThat(fails(project(database.url(), "5s"), 3, "--user", "root", "--password", SECRET, "status"))
                .contains("Access denied");
        assertThat(database.tables()).isEmpty();
    }

    @Test
    void anUnknownPostgresUserExits3() {
        TestDatabase database = databases.create(Engine.POSTGRESQL);
        String url = database.url().replaceFirst("\\?.*", "") + "?user=nobody_here&password=" + SECRET;

        assertThat(fails(project(url, "5s"), 3, "migrate")).contains("nobody_here", "user and password");
        assertThat(database.tables()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void anUnknownDatabaseExits3AndSaysSo(Engine engine) {
        TestDatabase database = databases.create(engine);
        String url = database.url().replace(database.name(), database.name() + "_nope");

        // The test server's own user, so that the database is the only thing wrong.
        assertThat(fails(project(url, database.user(), "5s"), 3, "status")).contains("no such database");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aServerThatNeverAnswersExits3WithinTheConnectTimeout(Engine engine) throws IOException {
        // A socket that takes connections and never says a word, like a host behind a dropping firewall.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = (engine == Engine.POSTGRESQL ? "jdbc:postgresql" : "jdbc:mariadb") + "://127.0.0.1:"
                    + silent.getLocalPort() + "/app?user=deploy&password=" + SECRET;
            Cli cli = project(url, "2s");

            long started = System.nanoTime();
            Cli.Run run = cli.run("migrate").exits(3);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(run.err()).contains("Cannot connect to").doesNotContain(SECRET);
            assertThat(took).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aUrlOfADatabaseCairnDoesNotSupportExits2() {
        String err = fails(project("jdbc:oracle:thin:deploy/" + SECRET + "@db:1521/app", "5s"), 2, "status");

        assertThat(err).contains("does not support the database 'oracle'");
    }
}
