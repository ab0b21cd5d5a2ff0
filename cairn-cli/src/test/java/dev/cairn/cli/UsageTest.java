// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors exit with 2 before anything runs; help and version exit with 0. */
class UsageTest {

    @TempDir
    Path directory;

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        Cli.Run run = new Cli(directory).run("migrat").exits(2);

        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("error: Unmatched argument at index 0: 'migrat'")
                .contains("cairn migrate")
                .contains("Run 'cairn --help' for usage.");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Run run = new Cli(directory).run().exits(2);

        assertThat(run.err()).contains("error: Missing command", "migrate", "rollback");
    }

    @Test
    void rollbackTargetsExcludeEachOther() {
        Cli.Run run = new Cli(directory)
                .withSqliteConfig()
                .run("rollback", "--all", "--to-batch", "1")
                .exits(2);

        assertThat(run.err())
                .startsWith("error: --all, --to-batch=N are mutually exclusive")
                .contains("Run 'cairn rollback --help' for usage.");
        assertThat(new Cli(directory)
                        .run("rollback", "--to", "1", "--to-batch", "1")
                        .exitCode())
                .isEqualTo(2);
        assertThat(directory.resolve("dev.sqlite3")).doesNotExist();
    }

    @Test
    void badOptionValueNamesTheCommandToAskForHelp() {
        Cli.Run run = new Cli(directory).run("rollback", "--to-batch", "two").exits(2);

        assertThat(run.err()).contains("'two'").contains("Run 'cairn rollback --help' for usage.");
    }

    @Test
    void usageErrorWithJsonIsOneDocumentEvenWhenJsonComesAfterTheError() {
        Cli.Run run = new Cli(directory).run("status", "--bogus", "--json").exits(2);

        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("command").asText()).isEqualTo("status");
        assertThat(json.at("/error/type").asText()).isEqualTo("usage");
        assertThat(json.at("/error/exitCode").asInt()).isEqualTo(2);
        assertThat(json.at("/error/message").asText()).contains("--bogus");
        assertThat(run.err()).contains("error: Unknown option: '--bogus'");
    }

    @Test
    void helpIsOnStdoutForTheTopAndEachCommand() {
        Cli.Run top = new Cli(directory).run("--help").succeeds();
        assertThat(top.out()).contains("Usage: cairn", "--config", "--json", "migrate", "rollback", "Exit codes");

        Cli.Run rollback = new Cli(directory).run("rollback", "-h").succeeds();
        assertThat(rollback.out())
                .contains("Usage: cairn rollback", "--all", "--to=V", "--to-batch=N", "--dry-run", "--json");
    }

    @Test
    void theCommandIsTheWordThatParsesAsOne() {
        Cli cli = Project.create(directory)
                .write(
                        "cairn.yml",
                        String.join(
                                "\n",
                                "migrations:",
                                "  directory: database/migrations",
                                "environments:",
                                "  development:",
                                "    url: jdbc:sqlite:dev.sqlite3",
                                "  migrate:",
                                "    url: jdbc:sqlite:migrate.sqlite3",
                                ""));

        // The environment is called "migrate"; the command is "up".
        Cli.Run up = cli.run("--env=migrate", "up").succeeds();
        assertThat(up.out()).contains("Applied 1 migration");
        assertThat(new SqliteFile(directory.resolve("migrate.sqlite3")).history())
                .hasSize(1);
        assertThat(directory.resolve("dev.sqlite3")).doesNotExist();
        // A command's parameter that is another command's name.
        cli.run("make", "status").succeeds();
        assertThat(directory.resolve("database/migrations").toFile().list())
                .anyMatch(name -> name.endsWith("_status.sql"));
        // With no command at all, the error lists every command, as it does for an empty command line.
        Cli.Run none = cli.run("--env", "development").exits(2);
        assertThat(none.err()).contains("error: Missing command", "init, make, migrate", "seed");
    }

    @Test
    void versionNamesTheTool() {
        assertThat(new Cli(directory).run("-V").succeeds().out()).startsWith("cairn ");
        assertThat(new Cli(directory).run("status", "--version").succeeds().out())
                .startsWith("cairn ");
    }

    @Test
    void helpCommandShowsTheHelpOfTheCommandItNames() {
        Cli.Run run = new Cli(directory).run("help", "migrate").succeeds();

        assertThat(run.out()).startsWith("Usage: cairn migrate").contains("--dry-run", "--to=V");
        assertThat(new Cli(directory).run("help").succeeds().out()).contains("Usage: cairn", "Exit codes");
        assertThat(new Cli(directory).run("help", "seed").succeeds().out())
                .contains("Usage: cairn seed", "make", "run");
        Cli.Run unknown = new Cli(directory).run("help", "migrat").exits(2);
        assertThat(unknown.err()).contains("migrat");
    }

    @Test
    void versionWithJsonIsOneJsonDocument() {
        Cli.Run run = new Cli(directory).run("--json", "--version").succeeds();

        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("version").asText()).isEqualTo(Version.number());
        assertThat(json.get("java").asText()).isEqualTo(Runtime.version().toString());
        assertThat(new Cli(directory)
                        .run("--version", "--json")
                        .succeeds()
                        .json()
                        .get("version")
                        .asText())
                .isEqualTo(Version.number());
        assertThat(json.get("commit").asText()).isEqualTo(Version.commit()).matches("[0-9a-f]{10}(-dirty)?");
        assertThat(new Cli(directory).run("--version").succeeds().out())
                .isEqualTo("cairn " + Version.number() + " (commit " + Version.commit() + ")" + System.lineSeparator()
                        + "Java " + Runtime.version() + System.lineSeparator());
    }

    @Test
    void aBuildOutsideAGitCheckoutSaysItsCommitIsUnknown() {
        // What Maven's filtering leaves when git-commit-id found no repository: the expressions themselves.
        Properties unfiltered = new Properties();
        unfiltered.setProperty("commit", "${git.commit.id.abbrev}");
        unfiltered.setProperty("dirty", "${git.dirty}");
        assertThat(Version.commit(unfiltered)).isNull();
        assertThat(Version.describe(Version.commit(unfiltered))).isEqualTo("unknown commit");

        Properties dirty = new Properties();
        dirty.setProperty("commit", "0123456789");
        dirty.setProperty("dirty", "true");
        assertThat(Version.describe(Version.commit(dirty))).isEqualTo("commit 0123456789-dirty");
    }
}
