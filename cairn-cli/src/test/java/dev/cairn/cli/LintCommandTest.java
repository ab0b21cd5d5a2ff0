// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn lint} as users run it: the pending migrations of the embedded SQLite default, every
 * migration by PostgreSQL's rules without a server (a URL names the database; lint needs no connection
 * for {@code --all} and files), the three output formats, {@code lint.rules} and the ignore comment, and
 * {@code migrate}'s one line about what it is about to run.
 */
class LintCommandTest {

    /** A PostgreSQL URL that nothing listens on: lint --all and lint FILE must not connect. */
    private static final String NO_SERVER = "jdbc:postgresql://127.0.0.1:1/nowhere";

    private static final String INDEX_FILE = "database/migrations/20260102000000_email_index.sql";

    @TempDir
    Path directory;

    private Cli sqliteProject() {
        return new Cli(directory)
                .withSqliteConfig()
                .migration(
                        "20260101000000_users",
                        "-- migrate:up\nCREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT);\n"
                                + "-- migrate:down\nDROP TABLE users;\n")
                .migration(
                        "20260102000000_drop_email",
                        "-- migrate:up\nALTER TABLE users DROP COLUMN email;\n-- migrate:down\n");
    }

    private Cli postgresProject() {
        return new Cli(directory)
                .migration(
                        "20260101000000_users",
                        "-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
                                + "CREATE INDEX users_id ON users (id);\n-- migrate:down\nDROP TABLE users;\n")
                .write(
                        INDEX_FILE,
                        "-- migrate:up\nSET lock_timeout = '5s';\n\nCREATE INDEX users_email\n    ON users (email);\n"
                                + "-- migrate:down\nDROP INDEX users_email;\n");
    }

    @Test
    void lintReadsThePendingMigrationsAndMigrateCountsWhatItIsAboutToRun() {
        Cli cli = sqliteProject();
        Cli.Run lint = cli.run("lint").exits(1);
        assertThat(lint.out())
                .contains("database/migrations/20260102000000_drop_email.sql:2: error empty-down\n"
                        + "  column email of table users is destroyed by the up, and the down is empty\n"
                        + "  why: Rolling back runs nothing")
                .contains("database/migrations/20260102000000_drop_email.sql:2: warning drop-column\n")
                .contains("Linted 2 migrations with the SQLite rules: 1 error, 1 warning");
        assertThat(lint.err())
                .startsWith("error: lint found 1 error in the SQLite migrations;")
                .contains("20260102000000_drop_email.sql:2 empty-down");
        assertThat(directory.resolve("dev.sqlite3")).as("lint creates nothing").doesNotExist();

        cli.run("migrate", "--to", "20260101000000").succeeds();
        assertThat(cli.run("lint").exits(1).out()).contains("Linted 1 migration with the SQLite rules");
        Cli.Run migrate = cli.run("migrate").succeeds();
        assertThat(migrate.out())
                .contains("  lint: 1 error and 1 warning in what is about to run ('cairn lint' shows them)\n");
        assertThat(cli.run("lint").succeeds().out())
                .isEqualTo("No migrations to lint (none pending): 'cairn lint --all' reads every migration.\n");
        assertThat(cli.run("lint", "--all").exits(1).out()).contains("Linted 2 migrations");
    }

    @Test
    void postgresRulesReadTheFilesWithoutAServer() {
        Cli cli = postgresProject();
        Cli.Run text = cli.run("--url", NO_SERVER, "lint", "--all").exits(1);
        assertThat(text.out())
                .startsWith(INDEX_FILE + ":4: error index-not-concurrent\n"
                        + "  builds index users_email on existing table users without CONCURRENTLY, blocking writes"
                        + " to it\n"
                        + "  why: CREATE INDEX holds a SHARE lock")
                .contains("Linted 2 migrations with the PostgreSQL rules: 1 error, 0 warnings");

        JsonNode json =
                cli.run("--url", NO_SERVER, "--json", "lint", "--all").exits(1).json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("database").asText()).isEqualTo("PostgreSQL");
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("file").asText()).isEqualTo(INDEX_FILE);
        assertThat(finding.get("line").asInt()).isEqualTo(4);
        assertThat(finding.get("rule").asText()).isEqualTo("index-not-concurrent");
        assertThat(finding.get("level").asText()).isEqualTo("error");
        assertThat(finding.get("message").asText()).contains("users_email on existing table users");
        assertThat(cli.run("--url", NO_SERVER, "lint", "--all", "--format", "json")
                        .exits(1)
                        .json()
                        .get("findings"))
                .isEqualTo(json.get("findings"));

        Cli.Run sarif = cli.run("--url", NO_SERVER, "lint", "--all", "--format", "sarif")
                .exits(1);
        JsonNode log = sarif.json();
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("index-not-concurrent");
        assertThat(result.get("level").asText()).isEqualTo("error");
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo(INDEX_FILE);
        assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(4);
        JsonNode rule = run.get("tool")
                .get("driver")
                .get("rules")
                .get(result.get("ruleIndex").asInt());
        assertThat(rule.get("id").asText()).isEqualTo("index-not-concurrent");
        assertThat(rule.get("help").get("text").asText()).startsWith("CREATE INDEX CONCURRENTLY");
        assertThat(sarif.err()).startsWith("error: lint found 1 error");
    }

    @Test
    void cairnYmlChangesLevelsAndAnIgnoreCommentSilencesOneStatement() {
        Cli cli = postgresProject();
        cli.write(
                "cairn.yml",
                "lint:\n  rules:\n    index-not-concurrent: warning\nenvironments:\n  development:\n    url: "
                        + NO_SERVER + "\n");
        assertThat(cli.run("lint", "--all").succeeds().out())
                .contains(INDEX_FILE + ":4: warning index-not-concurrent")
                .contains("0 errors, 1 warning");

        cli.write(
                "cairn.yml",
                "lint:\n  rules:\n    index-not-concurrent: off\nenvironments:\n  development:\n    url: " + NO_SERVER
                        + "\n");
        assertThat(cli.run("lint", "--all").succeeds().out()).endsWith("with the PostgreSQL rules: no findings.\n");
        assertThat(cli.run("lint", "--rules").succeeds().out())
                .contains("set-not-null ")
                .doesNotContainPattern("(?m)^index-not-concurrent ");

        cli.write("cairn.yml", "environments:\n  development:\n    url: " + NO_SERVER + "\n");
        cli.write(
                INDEX_FILE,
                "-- migrate:up\nSET lock_timeout = '5s';\n-- cairn:lint-ignore index-not-concurrent: small table\n"
                        + "CREATE INDEX users_email ON users (email);\n-- migrate:down\nDROP INDEX users_email;\n");
        assertThat(cli.run("lint", "--all").succeeds().out()).endsWith("no findings.\n");
    }

    @Test
    void namedFilesAreLintedAloneAndMistakesAreUsageErrors() {
        Cli cli = postgresProject();
        Cli.Run one = cli.run("--url", NO_SERVER, "lint", "database/migrations/20260101000000_users.sql")
                .succeeds();
        assertThat(one.out()).isEqualTo("Linted 1 migration with the PostgreSQL rules: no findings.\n");
        assertThat(cli.run("--url", NO_SERVER, "lint", INDEX_FILE).exits(1).out())
                .contains("Linted 1 migration");

        assertThat(cli.run("--url", NO_SERVER, "lint", "elsewhere.sql").exits(2).err())
                .contains("elsewhere.sql is not one of the migrations Cairn reads (2 found)");
        assertThat(cli.run("--url", NO_SERVER, "lint", "--all", INDEX_FILE)
                        .exits(2)
                        .err())
                .contains("Give lint either FILEs or --all, not both.");
        Cli.Run both = cli.run("--url", NO_SERVER, "--json", "lint", "--format", "sarif")
                .exits(2);
        assertThat(both.json().get("ok").asBoolean()).isFalse();
        assertThat(both.err()).contains("--json and --format sarif both choose the output; give one.");
        assertThat(cli.run("--url", NO_SERVER, "lint", "--format", "xml")
                        .exits(2)
                        .err())
                .contains("xml");
    }

    @Test
    void validateWithLintChecksTheHistoryAndLintsWhatIsPending() {
        Cli cli = sqliteProject();
        cli.run("migrate", "--to", "20260101000000").succeeds();
        Cli.Run text = cli.run("validate", "--lint").exits(1);
        assertThat(text.out())
                .startsWith("No problems: 2 migrations")
                .contains("20260102000000_drop_email.sql:2: error empty-down")
                .contains("Linted 1 migration with the SQLite rules: 1 error, 1 warning");
        assertThat(text.err()).startsWith("error: lint found 1 error");

        JsonNode json = cli.run("--json", "validate", "--lint").exits(1).json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("problems")).isEmpty();
        assertThat(json.get("lint").get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("lint").get("findings").toString()).contains("\"rule\":\"empty-down\"");

        assertThat(cli.run("validate").succeeds().out()).startsWith("No problems: 2 migrations");
    }

    @Test
    void aFleetIsLintedOnceWithItsTargetPlaceholderStandingForAnyTarget() {
        Cli cli = new Cli(directory)
                .write(
                        "cairn.yml",
                        "environments:\n  development:\n    url: jdbc:sqlite:main.sqlite3\n"
                                + "    targets:\n      databases: [a, b]\n")
                .migration(
                        "20260101000000_notes",
                        "-- migrate:up\nCREATE TABLE notes (tenant TEXT DEFAULT '${target}', body TEXT);\n"
                                + "-- migrate:down\nDROP TABLE notes;\n")
                .migration(
                        "20260102000000_drop_body",
                        "-- migrate:up\nALTER TABLE notes DROP COLUMN body;\n-- migrate:down\n");
        Cli.Run lint = cli.run("lint").exits(1);
        assertThat(lint.out())
                .contains("20260102000000_drop_body.sql:2: error empty-down")
                .contains("Linted 2 migrations with the SQLite rules");
        assertThat(directory.resolve("a")).doesNotExist();
    }
}
