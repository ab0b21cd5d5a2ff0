// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line on every database, each test in a fresh database of its own: the example project
 * through the shaded jar (so the drivers inside it are proven), and the exit codes and messages of
 * the common failures in-process.
 */
class EveryDatabaseIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** The test's database, which each test that needs one makes first. */
    private TestDatabase database;

    /** {@code --url} (and credentials) that point the command at the test database. */
    private List<String> target() {
        List<String> options = new ArrayList<>(List.of("--url", database.url()));
        if (database.user() != null) {
            options.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            options.addAll(List.of("--password", database.password()));
        }
        return options;
    }

    private static String[] args(List<String> target, String... command) {
        return Stream.concat(target.stream(), Stream.of(command)).toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theExampleProjectMigratesReportsAndRollsBackWithOnlyTheUrlChanged(Engine engine) throws IOException {
        database = databases.create(engine);
        Path example = CairnProcess.repository().resolve("examples/quickstart");
        List<String> target = target();
        List<String> config = List.of("-c", example.resolve("cairn.yml").toString());
        Path directory = Files.createTempDirectory("cairn-example");

        Cli.Run migrate = CairnProcess.java(directory, Map.of(), args(concat(config, target), "migrate"));
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("Applied 3 migrations in batch 1");
        assertThat(database.tables()).contains("users", "posts");
        assertThat(database.columns("users")).contains("bio");

        Cli.Run status = CairnProcess.java(directory, Map.of(), args(concat(config, target), "status"));
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("Version 20261124091000, batch 1: 3 applied, 0 pending");

        // Every down of the example undoes its up, proven on a scratch database; the target stays as it is.
        Cli.Run verify = CairnProcess.java(directory, Map.of(), args(concat(config, target), "verify"));
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("Verified 3 migrations on a scratch database");
        assertThat(database.tables()).contains("users", "posts");

        Cli.Run rollback = CairnProcess.java(directory, Map.of(), args(concat(config, target), "rollback"));
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("Rolled back 3 migrations of batch 1");
        assertThat(database.tables()).doesNotContain("users", "posts");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void exitCodesAndMessagesAreTheSameOnEveryDatabase(Engine engine, @TempDir Path dir) {
        database = databases.create(engine);
        List<String> target = target();
        Cli cli = new Cli(dir)
                .migration(
                        "20260101000000_create_users",
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE users (id integer PRIMARY KEY);",
                                "-- migrate:down",
                                "DROP TABLE users;",
                                ""))
                .migration(
                        "20260102000000_archive",
                        String.join("\n", "-- migrate:up", "CREATE TABLE archive (id integer);", ""));

        assertThat(cli.run(args(target, "migrate", "--dry-run")).succeeds().out())
                .contains("CREATE TABLE users");
        assertThat(database.tables()).isEmpty();
        assertThat(cli.run(args(target, "migrate")).succeeds().out()).contains("Applied 2 migrations in batch 1");

        // 1: refused as unsafe, before anything changes.
        Cli.Run irreversible = cli.run(args(target, "rollback")).exits(1);
        assertThat(irreversible.err()).contains("20260102000000_archive", "irreversible", "Nothing was changed");
        assertThat(database.tables()).contains("users", "archive");

        // 1: a statement fails, with the file, the line and the database's own message.
        cli.migration(
                "20260103000000_broken",
                String.join("\n", "-- migrate:up", "INSERT INTO no_such_table VALUES (1);", "-- migrate:down", ""));
        Cli.Run failed = cli.run(args(target, "migrate")).exits(1);
        assertThat(failed.err())
                .contains("20260103000000_broken.sql:2", "statement 1")
                .containsIgnoringCase("no_such_table");
        assertThat(cli.run(args(target, "status")).succeeds().out()).contains("batch 1: 2 applied, 1 pending");

        // 2: a request that does not fit the database's state.
        assertThat(cli.run(args(target, "rollback", "--to", "20990101000000"))
                        .exits(2)
                        .err())
                .contains("not applied");
        // 2: a usage error.
        cli.run(args(target, "rollback", "--all", "--to-batch", "1")).exits(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"MARIADB", "H2"})
    void whereDdlCommitsAFailureSaysWhatStayedAndStatusAgreesWithTheSchema(Engine engine, @TempDir Path dir) {
        database = databases.create(engine);
        List<String> target = target();
        Cli cli = new Cli(dir)
                .migration(
                        "20260101000000_create_users",
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE users (id integer PRIMARY KEY);",
                                "-- migrate:down",
                                "DROP TABLE users;",
                                ""))
                .migration(
                        "20260102000000_profiles",
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE profiles (id integer PRIMARY KEY);",
                                "CREATE INDEX profiles_id ON profiles (id);",
                                "ALTER TABLE no_such_table ADD COLUMN bio varchar(100);",
                                "-- migrate:down",
                                "DROP TABLE profiles;",
                                ""));

        Cli.Run failed = cli.run(args(target, "migrate", "--json")).exits(1);

        JsonNode error = failed.json().get("error");
        assertThat(error.get("migration").asText()).isEqualTo("20260102000000_profiles");
        assertThat(error.get("line").asInt()).isEqualTo(4);
        assertThat(error.get("statement").asInt()).isEqualTo(3);
        assertThat(error.get("stillApplied"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "20260101000000_create_users (applied, batch 1)",
                        "20260102000000_profiles: statements 1-2 of its up section (recorded as incomplete)");
        assertThat(database.tables()).contains("users", "profiles");
        Cli.Run status = cli.run(args(target, "status")).succeeds();
        assertThat(status.out())
                .containsPattern("20260101000000_create_users +applied")
                .containsPattern("20260102000000_profiles +INCOMPLETE: up stopped after 2 statements")
                .contains("1 applied, 1 incomplete, 0 pending")
                .contains("fix the failing statement and run `cairn migrate` to resume with it");

        cli.migration(
                "20260102000000_profiles",
                String.join(
                        "\n",
                        "-- migrate:up",
                        "CREATE TABLE profiles (id integer PRIMARY KEY);",
                        "CREATE INDEX profiles_id ON profiles (id);",
                        "ALTER TABLE users ADD COLUMN bio varchar(100);",
                        "-- migrate:down",
                        "ALTER TABLE users DROP COLUMN bio;",
                        "DROP TABLE profiles;",
                        ""));
        assertThat(cli.run(args(target, "migrate")).succeeds().out()).contains("Applied 1 migration in batch 2");
        assertThat(database.columns("users")).contains("bio");
        assertThat(cli.run(args(target, "status")).succeeds().out())
                .contains("2 applied, 0 pending")
                .doesNotContain("INCOMPLETE");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aServerThatDoesNotAnswerExitsWith3(Engine engine, @TempDir Path dir) {
        String url =
                engine == Engine.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:1/app" : "jdbc:mariadb://127.0.0.1:1/app";

        Cli cli =
                new Cli(dir).migration("20260101000000_create_users", "-- migrate:up\nCREATE TABLE users (id int);\n");

        Cli.Run run = cli.run("--url", url, "--user", "u", "--password", "s3cret-pw", "status")
                .exits(3);

        assertThat(run.err()).contains("Cannot connect to " + url).doesNotContain("s3cret-pw");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
