// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global options work before and after the command's name, and choose what they should. */
class GlobalOptionsTest {

    @TempDir
    Path directory;

    @Test
    void jsonBeforeOrAfterTheCommand() {
        Cli cli = Project.create(directory);

        assertThat(cli.run("--json", "status").succeeds().json().get("command").asText())
                .isEqualTo("status");
        assertThat(cli.run("status", "--json").succeeds().json().get("command").asText())
                .isEqualTo("status");
    }

    @Test
    void environmentBeforeOrAfterTheCommand() {
        Cli cli = Project.create(directory);

        cli.run("-e", "other", "up").succeeds();
        assertThat(new SqliteFile(directory.resolve("other.sqlite3")).history()).hasSize(1);
        assertThat(cli.database().exists()).isFalse();

        cli.run("up", "--env", "other").succeeds();
        assertThat(new SqliteFile(directory.resolve("other.sqlite3")).history()).hasSize(2);
        assertThat(cli.database().exists()).isFalse();
    }

    @Test
    void environmentFromCairnEnv() {
        Cli cli = Project.create(directory);
        cli.environment.put("CAIRN_ENV", "other");

        Cli.Run run = cli.run("migrate").succeeds();

        assertThat(run.out()).startsWith("Migrating other (");
        assertThat(new SqliteFile(directory.resolve("other.sqlite3")).history()).hasSize(3);
        // -e wins over CAIRN_ENV.
        assertThat(cli.run("-e", "development", "status", "--json")
                        .json()
                        .get("environment")
                        .asText())
                .isEqualTo("development");
    }

    @Test
    void configFileBeforeOrAfterTheCommandRelativeToTheWorkingDirectory() {
        Cli cli = new Cli(directory);
        cli.run("init", "-c", "app/cairn.yml").succeeds();
        cli.write(
                "app/database/migrations/20260101000000_a.sql",
                "-- migrate:up\nCREATE TABLE a (id INTEGER);\n-- migrate:down\nDROP TABLE a;\n");

        cli.run("-c", "app/cairn.yml", "migrate").succeeds();
        assertThat(new SqliteFile(directory.resolve("app/dev.sqlite3")).userTables())
                .containsExactly("a");

        assertThat(cli.run("status", "--config", "app/cairn.yml", "--json")
                        .succeeds()
                        .json()
                        .get("currentBatch")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void urlAloneNeedsNoConfigurationFile() {
        Path database = directory.resolve("adhoc.sqlite3");
        Cli cli = new Cli(directory)
                .migration(
                        "20260101000000_a",
                        "-- migrate:up\nCREATE TABLE a (id INTEGER);\n-- migrate:down\nDROP TABLE a;\n");

        Cli.Run run = cli.run("--url", "jdbc:sqlite:" + database, "migrate").succeeds();

        assertThat(run.out()).contains("Applied 1 migration in batch 1");
        assertThat(new SqliteFile(database).userTables()).containsExactly("a");
    }

    @Test
    void urlOverridesTheFile() {
        Path database = directory.resolve("override.sqlite3");
        Cli cli = Project.create(directory);

        cli.run("migrate", "--url", "jdbc:sqlite:" + database).succeeds();

        assertThat(new SqliteFile(database).history()).hasSize(3);
        assertThat(cli.database().exists()).isFalse();
    }

    @Test
    void aNamedConfigurationFileMustExistEvenWithAUrl() {
        Cli.Run run = new Cli(directory)
                .run("-c", "missing.yml", "--url", "jdbc:sqlite:" + directory.resolve("x.sqlite3"), "status")
                .exits(2);

        assertThat(run.err()).contains("missing.yml");
    }
}
