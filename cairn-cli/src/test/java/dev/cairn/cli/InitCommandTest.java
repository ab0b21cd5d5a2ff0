// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path directory;

    @Test
    void writesTheConfigurationAndBothDirectories() throws IOException {
        Cli.Run run = new Cli(directory).run("init").succeeds();

        String yaml = Files.readString(directory.resolve("cairn.yml"));
        assertThat(yaml)
                .contains(
                        "environments:",
                        "  development:",
                        "    url: jdbc:sqlite:dev.sqlite3",
                        "directory: database/migrations",
                        "directory: database/seeds");
        // The server examples are commented out, and show both forms of variables.
        assertThat(yaml)
                .contains("  # staging:", "  # production:", "${DB_HOST}", "${DB_PORT:-5432}", "${DB_PASSWORD}");
        assertThat(yaml.lines()
                        .filter(line -> line.contains("${"))
                        .allMatch(line -> line.trim().startsWith("#")))
                .isTrue();
        assertThat(directory.resolve("database/migrations")).isEmptyDirectory();
        assertThat(directory.resolve("database/seeds")).isEmptyDirectory();
        assertThat(run.out())
                .contains(
                        "Created cairn.yml",
                        "Created " + Path.of("database", "migrations"),
                        "Created " + Path.of("database", "seeds"),
                        "cairn make",
                        "cairn migrate");
    }

    @Test
    void refusesWhenTheFileExistsAndChangesNothing() throws IOException {
        Files.writeString(directory.resolve("cairn.yml"), "mine\n");

        Cli.Run run = new Cli(directory).run("init").exits(2);

        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: cairn.yml exists already").contains("changed nothing");
        assertThat(Files.readString(directory.resolve("cairn.yml"))).isEqualTo("mine\n");
        assertThat(directory.resolve("database")).doesNotExist();
    }

    @Test
    void writesBesideTheFileThatDashCNames() {
        new Cli(directory).run("init", "-c", "app/db.yml").succeeds();

        assertThat(directory.resolve("app/db.yml")).isRegularFile();
        assertThat(directory.resolve("app/database/migrations")).isDirectory();
        assertThat(directory.resolve("cairn.yml")).doesNotExist();
    }

    @Test
    void keepsDirectoriesThatExist() throws IOException {
        Files.createDirectories(directory.resolve("database/migrations"));
        Files.writeString(directory.resolve("database/migrations/1_a.sql"), "-- migrate:up\n");

        JsonNode json = new Cli(directory).run("init", "--json").succeeds().json();

        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("command").asText()).isEqualTo("init");
        assertThat(json.get("created").toString())
                .contains("cairn.yml", "seeds")
                .doesNotContain("migrations");
        assertThat(json.get("kept").get(0).asText())
                .isEqualTo(Path.of("database", "migrations").toString());
        assertThat(directory.resolve("database/migrations/1_a.sql")).hasContent("-- migrate:up");
    }

    @Test
    void refusalInJsonIsOneDocumentWithTheError() throws IOException {
        Files.writeString(directory.resolve("cairn.yml"), "mine\n");

        Cli.Run run = new Cli(directory).run("--json", "init").exits(2);

        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("command").asText()).isEqualTo("init");
        assertThat(json.at("/error/type").asText()).isEqualTo("configuration");
        assertThat(json.at("/error/exitCode").asInt()).isEqualTo(2);
        assertThat(json.at("/error/message").asText()).contains("exists already");
        assertThat(run.err()).startsWith("error: cairn.yml exists already");
    }

    @Test
    void nextStepsCarryTheConfigurationFileThatDashCNamed() {
        Cli cli = new Cli(directory);

        Cli.Run run = cli.run("init", "-c", "conf/x.yml").succeeds();

        String sqlite = Path.of("conf", "dev.sqlite3").toString();
        assertThat(run.out())
                .contains(
                        "  cairn -c " + Path.of("conf", "x.yml") + " make create_users   write your first migration",
                        "  cairn -c " + Path.of("conf", "x.yml") + " migrate             apply it to the development"
                                + " database (SQLite, " + sqlite + ")",
                        "  cairn -c " + Path.of("conf", "x.yml") + " status              see what");
        // The steps work as printed.
        cli.run("-c", "conf/x.yml", "make", "create_users").succeeds();
        cli.run("-c", "conf/x.yml", "migrate").succeeds();
        assertThat(directory.resolve(sqlite)).isRegularFile();
        // A path with a space is quoted for the shell.
        assertThat(cli.run("init", "-c", "my conf/x.yml").succeeds().out()).contains("  cairn -c 'my conf/x.yml' make");
        // Without -c, the plain commands.
        assertThat(new Cli(directory.resolve("plain")).run("init").succeeds().out())
                .contains("  cairn make create_users   write", "(SQLite, dev.sqlite3)");
    }

    @Test
    void writesAGitignoreForTheDatabaseAndDotEnv() throws IOException {
        Cli.Run run = new Cli(directory).run("init", "-c", "app/cairn.yml").succeeds();

        assertThat(directory.resolve("app/.gitignore"))
                .hasContent("# Cairn: the development database, and .env, where secrets go\n/dev.sqlite3*\n/.env");
        assertThat(run.out()).contains("Created " + Path.of("app", ".gitignore"));
        assertThat(directory.resolve(".gitignore")).doesNotExist();
        // What it ignores is what SQLite and Cairn write beside the database.
        Cli cli = new Cli(directory);
        cli.run("-c", "app/cairn.yml", "make", "a").succeeds();
        cli.run("-c", "app/cairn.yml", "migrate").succeeds();
        try (var files = Files.list(directory.resolve("app"))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("dev.")))
                    .isNotEmpty()
                    .allMatch(name -> name.startsWith("dev.sqlite3"));
        }
    }

    @Test
    void extendsAGitignoreThatExistsWithOnlyWhatItLacksAndNeverRewritesIt() throws IOException {
        Files.writeString(directory.resolve(".gitignore"), "target/\n.env");

        Cli.Run run = new Cli(directory).run("init").succeeds();

        assertThat(directory.resolve(".gitignore"))
                .hasContent(
                        "target/\n.env\n# Cairn: the development database, and .env, where secrets go\n/dev.sqlite3*");
        assertThat(run.out()).contains("Updated .gitignore (it ignores /dev.sqlite3* and /.env now)");
        JsonNode json = new Cli(directory.resolve("sub"))
                .run("init", "--json")
                .succeeds()
                .json();
        assertThat(json.get("created").toString()).contains(".gitignore");
        assertThat(json.get("updated")).isEmpty();
    }

    @Test
    void keepsAGitignoreThatIgnoresBothAlready() throws IOException {
        Files.writeString(directory.resolve(".gitignore"), "*.sqlite3\n/.env\n");

        JsonNode json = new Cli(directory).run("init", "--json").succeeds().json();
        Cli.Run text = new Cli(directory).run("init", "-c", "other.yml").succeeds();

        assertThat(text.out()).contains("Kept    .gitignore (it ignores /dev.sqlite3* and /.env already)");
        assertThat(directory.resolve(".gitignore")).hasContent("*.sqlite3\n/.env");
        assertThat(json.get("kept").toString()).contains(".gitignore");
        assertThat(json.get("updated")).isEmpty();
    }

    @Test
    void aFileInTheWayIsAUsageErrorThatSaysWhatWasWritten() throws IOException {
        Files.writeString(directory.resolve("database"), "a file, not a directory");

        Cli.Run run = new Cli(directory).run("init").exits(2);

        assertThat(run.err())
                .startsWith("error: Could not write " + Path.of("database", "migrations"))
                .contains("Written already: cairn.yml.", "-c FILE")
                .doesNotContain("internal error");
    }
}
