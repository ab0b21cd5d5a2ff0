// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn baseline} as users run it on a database made without Cairn: what it prints, what
 * {@code status} then shows, the JSON document, the exit codes of its refusals, and a rollback that
 * stops at the baseline unless told {@code --into-baseline}.
 */
class BaselineCommandTest {

    @TempDir
    Path directory;

    private Cli project() throws SQLException {
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration(
                        "20260101000000_users",
                        "-- migrate:up\nCREATE TABLE users (id INTEGER);\n" + "-- migrate:down\nDROP TABLE users;\n")
                .migration(
                        "20260102000000_posts",
                        "-- migrate:up\nCREATE TABLE posts (id INTEGER);\n" + "-- migrate:down\nDROP TABLE posts;\n")
                .migration(
                        "20260103000000_tags",
                        "-- migrate:up\nCREATE TABLE tags (id INTEGER);\n" + "-- migrate:down\nDROP TABLE tags;\n");
        // The database as it was before Cairn: the first two migrations' schema, made by hand.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("dev.sqlite3"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (id INTEGER)");
            statement.execute("CREATE TABLE posts (id INTEGER)");
        }
        return cli;
    }

    @Test
    void baselineRecordsWithoutRunningThenMigrateAppliesOnlyWhatIsNewer() throws SQLException {
        Cli cli = project();

        Cli.Run baseline = cli.run("baseline", "20260102000000").succeeds();

        assertThat(baseline.out())
                .contains("  baseline  20260101000000_users\n  baseline  20260102000000_posts\n")
                .contains("Recorded 2 migrations up to 20260102000000 as applied, in batch 1 (baseline), without"
                        + " running any (")
                .contains("`cairn migrate` applies what is newer.");
        assertThat(cli.run("status").succeeds().out())
                .containsPattern("20260101000000_users +baseline")
                .containsPattern("20260103000000_tags +pending");
        assertThat(cli.run("migrate").succeeds().out())
                .contains("20260103000000_tags")
                .doesNotContain("_users");

        Cli.Run refused = cli.run("rollback", "--to-batch", "0").exits(1);
        assertThat(refused.err())
                .contains("20260102000000_posts: it was recorded by `cairn baseline` (batch 1)")
                .contains("add --into-baseline");
        cli.run("rollback", "--to-batch", "0", "--into-baseline").succeeds();
        assertThat(cli.run("status").succeeds().out()).containsPattern("20260101000000_users +pending");
    }

    @Test
    void jsonAndTheRefusals() throws SQLException {
        Cli cli = project();

        Cli.Run unknown = cli.run("baseline", "2027").exits(2);
        assertThat(unknown.err()).contains("No migration has the version or name '2027'");

        Cli.Run json = cli.run("--json", "baseline", "20260101000000").succeeds();
        assertThat(json.json().get("ok").asBoolean()).isTrue();
        assertThat(json.json().get("version").asText()).isEqualTo("20260101000000");
        assertThat(json.json().get("migrations").toString()).isEqualTo("[\"20260101000000_users\"]");
        assertThat(cli.run("--json", "status")
                        .succeeds()
                        .json()
                        .get("migrations")
                        .get(0)
                        .get("state")
                        .asText())
                .isEqualTo("baseline");

        Cli.Run again = cli.run("baseline", "20260102000000").exits(1);
        assertThat(again.err()).contains("Cannot baseline: the tracking table has 1 row already");
    }
}
