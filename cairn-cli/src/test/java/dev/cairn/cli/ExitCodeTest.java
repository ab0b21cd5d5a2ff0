// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each exit code of DESIGN.md, with its message on stderr and no stack trace unless -v. */
class ExitCodeTest {

    private static final String SECRET = "s3cr3t-value";

    @TempDir
    Path directory;

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String unreachableUrl() throws IOException {
        return "jdbc:postgresql://127.0.0.1:" + closedPort() + "/cairn";
    }

    private Cli withBadMigration() {
        return Project.create(directory)
                .migration(
                        "20260105000000_bad",
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE good (id INTEGER);",
                                "CREATE TABLEX bad (id INTEGER);",
                                "-- migrate:down",
                                "DROP TABLE good;",
                                ""));
    }

    @Test
    void missingConfigurationIsAUsageErrorThatPointsAtInit() {
        Cli.Run run = new Cli(directory).run("status").exits(2);

        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: ").contains("cairn.yml", "cairn init");
    }

    @Test
    void missingConfigurationInJson() {
        Cli.Run run = new Cli(directory).run("migrate", "--json").exits(2);

        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("command").asText()).isEqualTo("migrate");
        assertThat(json.at("/error/type").asText()).isEqualTo("configuration");
        assertThat(json.at("/error/exitCode").asInt()).isEqualTo(2);
        assertThat(json.at("/error/message").asText()).contains("cairn init");
        assertThat(run.err()).contains("cairn init");
    }

    @Test
    void unknownEnvironmentIsAUsageError() {
        Cli.Run run = Project.create(directory).run("-e", "nowhere", "migrate").exits(2);

        assertThat(run.err()).startsWith("error: ").contains("nowhere", "development");
        assertThat(directory.resolve("dev.sqlite3")).doesNotExist();
    }

    @Test
    void failingStatementExitsWithOneNamingFileAndLineAndChangesNothing() {
        Cli cli = withBadMigration();

        Cli.Run run = cli.run("migrate").exits(1);

        assertThat(run.err()).startsWith("error: ").contains("20260105000000_bad.sql:3");
        assertThat(run.err()).doesNotContain("\tat ");
        // The batch ran in one transaction: the good migrations before it are undone too.
        assertThat(cli.database().userTables()).isEmpty();
        assertThat(cli.database().history()).isEmpty();
        // The progress line of the failing migration is closed on stdout.
        assertThat(run.out()).contains("20260105000000_bad").contains("FAILED");
    }

    @Test
    void failingStatementInJson() {
        Cli.Run run = withBadMigration().run("--json", "migrate").exits(1);

        JsonNode error = run.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("migration_failed");
        assertThat(error.get("exitCode").asInt()).isEqualTo(1);
        assertThat(error.get("migration").asText()).isEqualTo("20260105000000_bad");
        assertThat(error.get("file").asText())
                .isEqualTo(Path.of("database", "migrations", "20260105000000_bad.sql")
                        .toString());
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("statement").asInt()).isEqualTo(2);
        assertThat(error.has("sqlState")).isTrue();
        assertThat(error.get("stillApplied")).isEmpty();
        assertThat(run.err()).startsWith("error: ");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Run run = withBadMigration().run("migrate", "-v").exits(1);

        assertThat(run.err()).startsWith("error: ").contains("dev.cairn.MigrationFailedException", "\tat ");
    }

    @Test
    void unparseableFileExitsWithOne() {
        Cli cli = Project.create(directory).migration("20260105000000_no_marker", "CREATE TABLE x (id INTEGER);\n");

        Cli.Run run = cli.run("migrate").exits(1);

        assertThat(run.err()).startsWith("error: ").contains("20260105000000_no_marker.sql");
        assertThat(cli.database().userTables()).isEmpty();
    }

    @Test
    void unreachableServerExitsWithThree() throws IOException {
        Cli.Run run = new Cli(directory).run("--url", unreachableUrl(), "ping").exits(3);

        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: ").contains("127.0.0.1").doesNotContain("\tat ");
    }

    @Test
    void unreachableServerInJson() throws IOException {
        Files.createDirectories(directory.resolve("database/migrations"));

        Cli.Run run = new Cli(directory)
                .run("--url", unreachableUrl(), "--json", "status")
                .exits(3);

        assertThat(run.json().at("/error/type").asText()).isEqualTo("connection");
        assertThat(run.json().at("/error/exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void lockHeldByAnotherRunnerExitsWithThreeAndChangesNothing() throws SQLException {
        Cli cli = projectWithLockTimeout("1s");

        Cli.Run run =
                whileAnotherWriterHoldsTheDatabase(() -> cli.run("migrate").exits(3));

        assertThat(run.err()).startsWith("error: ");
        assertThat(cli.database().tables()).isEmpty();
    }

    @Test
    void lockTimeoutOnTheCommandLineWinsOverTheFile() throws SQLException {
        Cli cli = projectWithLockTimeout("10m");

        Cli.Run run = whileAnotherWriterHoldsTheDatabase(
                () -> cli.run("migrate", "--lock-timeout", "1s").exits(3));

        assertThat(run.err()).contains("gave up after 1s (lock-timeout)");
        assertThat(cli.database().tables()).isEmpty();
    }

    private Cli projectWithLockTimeout(String timeout) {
        return Project.create(directory)
                .write(
                        "cairn.yml",
                        String.join(
                                "\n",
                                "environments:",
                                "  development:",
                                "    url: jdbc:sqlite:dev.sqlite3",
                                "    lock-timeout: " + timeout,
                                ""));
    }

    /** Runs {@code command} while an open write transaction holds SQLite's write lock, as a runner's batch would. */
    private Cli.Run whileAnotherWriterHoldsTheDatabase(Supplier<Cli.Run> command) throws SQLException {
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("dev.sqlite3"));
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("CREATE TABLE held (id INTEGER)");
            try {
                return command.get();
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void aLockTimeoutThatIsNoDurationIsAUsageError() {
        Cli.Run run = Project.create(directory)
                .run("--lock-timeout", "soon", "status")
                .exits(2);

        assertThat(run.err())
                .contains("Invalid value for option '--lock-timeout': it must be a duration such as 500ms, 10s, 2m or"
                        + " 1h (a bare number means seconds), not 'soon'.");
    }

    @Test
    void thePasswordNeverAppearsEvenInAVerboseConnectionError() throws IOException {
        String url = unreachableUrl() + "?ssl=false&password=" + SECRET + "-in-url";
        for (String format : new String[] {"--verbose", "--json"}) {
            Cli.Run run = new Cli(directory)
                    .run(format, "--url", url, "--user", "app", "--password", SECRET, "-v", "ping")
                    .exits(3);

            assertThat(run.err()).as(format).contains("\tat ");
            assertThat(run.out() + run.err()).as(format).contains("127.0.0.1").doesNotContain(SECRET);
        }
    }

    @Test
    void thePasswordNeverAppearsInAUsageError() {
        Cli.Run run = new Cli(directory)
                .run("--password=" + SECRET, "ping", "--pasword=" + SECRET)
                .exits(2);

        assertThat(run.err()).contains("--pasword").doesNotContain(SECRET);
    }

    @Test
    void thePasswordNeverAppearsInAConfiguredEnvironment() throws IOException {
        Cli cli = new Cli(directory)
                .write(
                        "cairn.yml",
                        String.join(
                                "\n",
                                "environments:",
                                "  development:",
                                "    url: " + unreachableUrl(),
                                "    user: app",
                                "    password: ${DB_PASSWORD}",
                                ""));
        cli.environment.put("DB_PASSWORD", SECRET);
        Files.createDirectories(directory.resolve("database/migrations"));

        Cli.Run run = cli.run("status", "-v").exits(3);

        assertThat(run.out() + run.err()).contains("127.0.0.1").doesNotContain(SECRET);
    }

    @Test
    void aStopPointThatNamesNothingToStopAtIsAUsageErrorLikeAnyBadOptionValue() {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260101000000").succeeds();

        // No such migration; not applied; no such batch: exit 2, nothing ran, the message says where to look.
        Cli.Run noSuchMigration = cli.run("migrate", "--to", "20990101000000").exits(2);
        assertThat(noSuchMigration.err()).startsWith("error: No migration has the version or name '20990101000000'");
        Cli.Run notApplied = cli.run("rollback", "--to", Project.TAGS).exits(2);
        assertThat(notApplied.err()).startsWith("error: Cannot roll back to '" + Project.TAGS + "': it is not applied");
        Cli.Run noSuchBatch = cli.run("rollback", "--to-batch", "7").exits(2);
        assertThat(noSuchBatch.err()).startsWith("error: Cannot roll back to batch 7: the newest batch is 1");
        assertThat(cli.run("--json", "rollback", "--to-batch", "7")
                        .exits(2)
                        .json()
                        .at("/error/type")
                        .asText())
                .isEqualTo("configuration");
        assertThat(cli.database().history()).containsExactly(Project.USERS + "@1");
        // A refusal of what the database holds is a failure (1), not a usage error.
        cli.migration(Project.USERS, "-- migrate:up\nCREATE TABLE users (id INTEGER, edited INTEGER);\n");
        assertThat(cli.run("rollback").exits(1).err()).contains(Project.USERS);
    }
}
