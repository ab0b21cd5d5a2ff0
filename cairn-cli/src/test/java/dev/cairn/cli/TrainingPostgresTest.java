// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.POSTS;
import static dev.cairn.cli.Project.TAGS;
import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up training's PostgreSQL stand-in: the real driver connects to it, and the commands that
 * read see the tracking table it serves as they would see a server's, so the training runs their
 * connected paths rather than an error's.
 */
class TrainingPostgresTest {

    @TempDir
    Path directory;

    @Test
    void statusAndValidateReadTheServedTrackingTableAsAServers() throws Exception {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", POSTS.substring(0, 14)).succeeds();
        TrainingPostgres.Table history;
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("dev.sqlite3"))) {
            history = TrainingPostgres.Table.trackingTable(sqlite, "cairn_migrations");
        }
        assertThat(history.rows()).hasSize(2);

        try (TrainingPostgres postgres = TrainingPostgres.start(history)) {
            String[] target = {"--url", postgres.url(), "--user", "training"};

            Cli.Run status = cli.run(concat(target, "status")).succeeds();
            assertThat(status.out())
                    .contains("Status of development (" + postgres.url() + ")")
                    .containsPattern("    1  2026-01-01 00:00:00  " + USERS + " +applied")
                    .containsPattern("    1  2026-01-01 00:00:00  " + POSTS + " +applied")
                    .containsPattern(" +-  +" + TAGS + " +pending")
                    .contains("Version 20260102000000, batch 1: 2 applied, 1 pending")
                    .doesNotContain("Problems");

            assertThat(cli.run(concat(target, "--json", "status")).succeeds().out())
                    .contains("\"currentVersion\":\"20260102000000\"");
            assertThat(cli.run(concat(target, "validate")).succeeds().out()).startsWith("No problems: 3 migrations");
        }
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
