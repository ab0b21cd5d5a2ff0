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
}
