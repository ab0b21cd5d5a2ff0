// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.TAGS;
import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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

    /**
     * A tracking table of an earlier version (one whole-file checksum per row) cannot tell a fixed down
     * from an edited up; both ways out that the refusal gives work.
     */
    @Test
    void onATrackingTableOfAnEarlierVersionBothWaysOutOfTheRefusalWork() throws Exception {
        Cli cli = Project.create(directory);
        Path users = directory.resolve("database/migrations/" + USERS + ".sql");
        String applied = Files.readString(users);
        String fixed = applied.replace("DROP TABLE users;", "DROP TABLE IF EXISTS users;");
        cli.database().execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)");
        cli.database()
                .execute("CREATE TABLE cairn_migrations (id integer NOT NULL PRIMARY KEY, version varchar(255) NOT"
                        + " NULL, name varchar(255) NOT NULL UNIQUE, batch integer NOT NULL, checksum varchar(64) NOT"
                        + " NULL, checksum_algorithm integer NOT NULL, applied_at text NOT NULL, execution_ms bigint"
                        + " NOT NULL, incomplete varchar(4), statements_run integer, statements_checksum varchar(64))");
        cli.database()
                .execute("INSERT INTO cairn_migrations VALUES (1, '20260101000000', '" + USERS + "', 1, '"
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256")
                                        .digest(applied.getBytes(StandardCharsets.UTF_8)))
                        + "', 1, '2026-01-01T00:00:00.000Z', 3, NULL, NULL, NULL)");
        Files.writeString(users, fixed);

        Cli.Run refused = cli.run("rollback").exits(1);
        assertThat(refused.err())
                .contains(
                        USERS + ".sql was changed after it was applied. Its tracking row was written by an earlier"
                                + " Cairn",
                        "run `cairn migrate --to " + USERS + "`",
                        "`cairn repair`");

        // One way: the file as it was applied, migrate --to (nothing newer is applied), the fix again.
        Files.writeString(users, applied);
        assertThat(cli.run("migrate", "--to", USERS).succeeds().out()).doesNotContain("Applied");
        Files.writeString(users, fixed);
        assertThat(cli.run("status").succeeds().out()).contains("Notice (nothing refuses): " + USERS);
        assertThat(cli.run("rollback").succeeds().out()).contains("Rolled back 1 migration of batch 1");
        assertThat(cli.database().history()).isEmpty();

        // The other: repair records the edited file as it is.
        cli.run("up").succeeds();
        cli.database().execute("UPDATE cairn_migrations SET checksum_algorithm = 1");
        assertThat(cli.run("rollback").exits(1).err()).contains("Its tracking row was written by an earlier Cairn");
        assertThat(cli.run("repair").succeeds().out())
                .contains(USERS + " now carries the checksum of its edited file.");
        assertThat(cli.run("validate").succeeds().out())
                .startsWith("No problems")
                .doesNotContain("Notice");
        assertThat(cli.run("rollback").succeeds().out()).contains("Rolled back 1 migration of batch 1");
        assertThat(cli.database().userTables()).isEmpty();
    }
}
