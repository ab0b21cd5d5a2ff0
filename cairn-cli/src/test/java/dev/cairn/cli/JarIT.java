// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.POSTS;
import static dev.cairn.cli.Project.TAGS;
import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it: a separate JVM, drivers and logging from inside the jar. */
class JarIT {

    @TempDir
    Path directory;

    @Test
    void migrateStatusRollbackOnSqlite() {
        Cli project = Project.create(directory);

        Cli.Run migrate = CairnProcess.java(directory, Map.of(), "migrate").succeeds();
        assertThat(migrate.out()).contains("3 pending, batch 1", "Applied 3 migrations in batch 1");
        assertThat(project.database().history()).containsExactly(USERS + "@1", POSTS + "@1", TAGS + "@1");

        Cli.Run status = CairnProcess.java(directory, Map.of(), "--json", "status").succeeds();
        JsonNode json = status.json();
        assertThat(json.get("currentBatch").asInt()).isEqualTo(1);
        assertThat(json.get("migrations")).hasSize(3);

        Cli.Run rollback = CairnProcess.java(directory, Map.of(), "rollback", "--to", "20260101000000").succeeds();
        assertThat(rollback.out()).contains("down  " + TAGS, "down  " + POSTS, "Rolled back 2 migrations of batch 1");
        assertThat(project.database().history()).containsExactly(USERS + "@1");
        assertThat(project.database().userTables()).containsExactly("users");
    }

    @Test
    void exitCodesOfARealProcess() {
        assertThat(CairnProcess.java(directory, Map.of(), "status").exits(2).err()).contains("cairn init");
        assertThat(CairnProcess.java(directory, Map.of(), "rollback", "--all", "--to", "1").exitCode()).isEqualTo(2);
        Cli.Run bad = CairnProcess.java(directory, Map.of(), "--url", "jdbc:postgresql://127.0.0.1:1/x", "--password",
                "s3cr3t-value", "-v", "ping").exits(3);
        assertThat(bad.out() + bad.err()).doesNotContain("s3cr3t-value").contains("\tat ");
    }

    @Test
    void launcherRunsFromAnotherWorkingDirectory() throws IOException {
        Project.create(directory);
        Path launcher = CairnProcess.repository().resolve("cairn");
        assertThat(Files.isExecutable(launcher)).as("%s is executable", launcher).isTrue();

        Cli.Run run = CairnProcess.run(directory, Map.of(), List.of(launcher.toString(), "--json", "migrate"));

        run.exits(0);
        // Only the document on stdout, even if the launcher had to build first.
        assertThat(run.json().get("batch").asInt()).isEqualTo(1);
        assertThat(new SqliteFile(directory.resolve("dev.sqlite3")).history()).hasSize(3);
    }

    @Test
    void versionFromTheJar() {
        assertThat(CairnProcess.java(directory, Map.of(), "--version").succeeds().out())
                .matches("(?s)cairn \\d+\\.\\d+.*");
    }
}
