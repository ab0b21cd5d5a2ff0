// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.TAGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way out of a down that fails, on the command line: the error says to fix the statement and run
 * the command again, and doing so works; the fixed down is reported, not refused.
 */
class FixADownCommandTest {

    @TempDir
    Path directory;

    @Test
    void aFailedDownFixedInItsFileRollsBackOnTheNextRun() throws IOException {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();
        Path tags = directory.resolve("database/migrations/" + TAGS + ".sql");
        String fixed = Files.readString(tags);
        Files.writeString(tags, fixed.replace("DROP TABLE tags;", "DROP TABLE tag;"));

        Cli.Run failed = cli.run("rollback").exits(1);
        assertThat(failed.err()).contains("no such table: tag", "Fix the statement and run the command again.");
        assertThat(cli.run("status").succeeds().out()).contains("Notice (nothing refuses): " + TAGS);
        Files.writeString(tags, fixed.replace("DROP TABLE tags;", "DROP TABLE IF EXISTS tags;"));

        Cli.Run rolledBack = cli.run("rollback").succeeds();

        assertThat(rolledBack.out()).contains("Rolled back 3 migrations of batch 1");
        assertThat(cli.database().history()).isEmpty();
        assertThat(cli.database().userTables()).isEmpty();
    }
}
