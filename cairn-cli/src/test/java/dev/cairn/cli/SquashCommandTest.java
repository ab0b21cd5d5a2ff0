// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn squash} as users run it on the embedded SQLite default: the dry run prints the file and
 * writes nothing, the squash replaces the files, the database that applied them carries on, and its
 * refusals exit as documented.
 */
class SquashCommandTest {

    @TempDir
    Path directory;

    private Cli project() {
        return new Cli(directory)
                .withSqliteConfig()
                .migration(
                        "20260101000000_users",
                        "-- migrate:up\nCREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n"
                                + "-- migrate:down\nDROP TABLE users;\n")
                .migration(
                        "20260102000000_posts",
                        "-- migrate:up\nCREATE TABLE posts (id INTEGER PRIMARY KEY, author INTEGER REFERENCES users);\n"
                                + "CREATE INDEX posts_author ON posts (author);\n"
                                + "-- migrate:down\nDROP TABLE posts;\n")
                .migration(
                        "20260103000000_tags",
                        "-- migrate:up\nCREATE TABLE tags (name TEXT PRIMARY KEY);\n"
                                + "-- migrate:down\nDROP TABLE tags;\n");
    }

    @Test
    void squashReplacesTheFilesAndTheDatabaseThatAppliedThemCarriesOn() throws Exception {
        Cli cli = project();
        cli.run("migrate", "--to", "20260102000000").succeeds();
        Path migrations = directory.resolve("database/migrations");

        Cli.Run dryRun =
                cli.run("squash", "--to", "20260102000000", "--dry-run").succeeds();
        assertThat(dryRun.out())
                .contains("-- migrate:up squashed\nCREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n")
                .contains("CREATE INDEX posts_author ON posts (author);\n")
                .contains("Would replace 2 migrations (20260101000000_users .. 20260102000000_posts) by ")
                .contains("Nothing was written (dry run).");
        assertThat(migrations.resolve("20260102000000_squashed.sql")).doesNotExist();

        Cli.Run squashed = cli.run("squash", "--to", "20260102000000").succeeds();
        assertThat(squashed.out()).contains("Replaced 2 migrations").contains("Their files are deleted");
        try (var files = Files.list(migrations)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted())
                    .containsExactly("20260102000000_squashed.sql", "20260103000000_tags.sql");
        }
        assertThat(cli.run("status").succeeds().out())
                .containsPattern("20260102000000_squashed +applied")
                .containsPattern("20260103000000_tags +pending");
        assertThat(cli.run("migrate").succeeds().out())
                .contains("20260103000000_tags")
                .doesNotContain("_users");

        // A squashed migration is squashed again with what came after it.
        Cli.Run json = cli.run("--json", "squash", "--to", "20260103000000", "--dry-run")
                .succeeds();
        assertThat(json.json().get("replaced").toString())
                .isEqualTo("[\"20260102000000_squashed\",\"20260103000000_tags\"]");
        assertThat(json.json().get("text").asText()).contains("CREATE TABLE tags");
    }

    @Test
    void anUnknownVersionIsAUsageError() {
        assertThat(project().run("squash", "--to", "2027").exits(2).err())
                .contains("Cannot squash up to '2027': no migration has that version or name");
    }
}
