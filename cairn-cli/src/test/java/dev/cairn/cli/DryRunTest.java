// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.POSTS;
import static dev.cairn.cli.Project.TAGS;
import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dry-run} prints the statements in order and changes nothing, not even the tracking table. */
class DryRunTest {

    @TempDir
    Path directory;

    @Test
    void migratePrintsEveryStatementAsSqlAndChangesNothing() {
        Cli cli = Project.create(directory);

        Cli.Run run = cli.run("migrate", "--dry-run").succeeds();

        String file = Path.of("database", "migrations", USERS + ".sql").toString();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .startsWith("-- Dry run of 'cairn migrate' on development (jdbc:sqlite:")
                .endsWith("nothing was changed. It would apply 3 migrations as batch 1.");
        assertThat(run.out())
                .contains(
                        "-- " + USERS + " (up) " + file + ":4" + System.lineSeparator()
                                + "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);",
                        "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));"
                                + System.lineSeparator() + "CREATE INDEX posts_user ON posts (user_id);",
                        "-- " + TAGS + " (up) ");
        assertThat(run.out().indexOf(USERS)).isLessThan(run.out().indexOf(POSTS));
        assertThat(cli.database().tables()).isEmpty();
    }

    @Test
    void rollbackPrintsTheDownStatementsNewestFirst() {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();

        Cli.Run run = cli.run("rollback", "--to", "20260101000000", "--dry-run").succeeds();

        assertThat(run.out())
                .contains(
                        "'cairn rollback --to 20260101000000'",
                        "It would undo 2 migrations.",
                        "-- " + TAGS + " (down) ",
                        "DROP TABLE tags;",
                        "DROP INDEX posts_user;");
        assertThat(run.out().indexOf(TAGS)).isLessThan(run.out().indexOf(POSTS));
        assertThat(cli.database().history()).hasSize(3);
        assertThat(cli.database().userTables()).containsExactly("posts", "tags", "users");
    }

    @Test
    void upAndDownToo() {
        Cli cli = Project.create(directory);

        assertThat(cli.run("up", "--dry-run").succeeds().out()).contains(USERS).doesNotContain(POSTS);
        cli.run("migrate").succeeds();
        assertThat(cli.run("down", "--dry-run").succeeds().out())
                .contains("DROP TABLE tags;")
                .doesNotContain(USERS);
        assertThat(cli.database().history()).hasSize(3);
    }

    @Test
    void jsonHasTheStatementsWithTheirLines() {
        Cli cli = Project.create(directory);

        JsonNode json = cli.run("--json", "migrate", "--dry-run").succeeds().json();

        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("command").asText()).isEqualTo("migrate");
        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.get("batch").asInt()).isEqualTo(1);
        assertThat(json.get("migrations")).hasSize(3);
        JsonNode posts = json.get("migrations").get(1);
        assertThat(posts.get("name").asText()).isEqualTo(POSTS);
        assertThat(posts.get("direction").asText()).isEqualTo("up");
        assertThat(posts.get("transactional").asBoolean()).isTrue();
        assertThat(posts.at("/statements/1/line").asInt()).isEqualTo(3);
        assertThat(posts.at("/statements/1/sql").asText()).isEqualTo("CREATE INDEX posts_user ON posts (user_id)");
        assertThat(cli.database().tables()).isEmpty();
    }

    @Test
    void irreversibleRollbackIsRefusedInTheDryRunToo() {
        Cli cli = Project.addIrreversible(Project.create(directory));
        cli.run("migrate").succeeds();

        Cli.Run run = cli.run("rollback", "--dry-run").exits(1);

        assertThat(run.err()).contains(Project.LEGACY);
        assertThat(run.out()).isEmpty();
    }
}
