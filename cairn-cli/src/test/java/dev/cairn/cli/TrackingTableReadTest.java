// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the tracking table on SQLite when something is in the way: a writer that is committing
 * (said before the read waits for it, and a lock error after lock-timeout), and a table of that name
 * that another tool made (a configuration error naming both sets of columns), not a permission error.
 */
class TrackingTableReadTest {

    @TempDir
    Path directory;

    @Test
    void statusSaysThatItWaitsForAWriterThenReads() throws Exception {
        Cli cli = Project.create(directory);
        cli.run("migrate", "--to", "20260101000000").succeeds();

        Cli.Run run;
        Writer writer = Writer.holding(directory.resolve("dev.sqlite3"), Duration.ofMillis(1500));
        try {
            run = cli.run("status", "--lock-timeout", "20s");
        } finally {
            writer.close();
        }

        run.exits(0);
        assertThat(run.err())
                .contains("Another writer is committing to jdbc:sqlite:")
                .contains("and SQLite lets no one read until it has; waiting up to 20s (lock-timeout) ...");
        assertThat(run.out()).containsPattern(USERS + " +applied");
    }

    @Test
    void aWriterThatOutlastsTheLockTimeoutIsALockError() throws Exception {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();

        Cli.Run run;
        Writer writer = Writer.holding(directory.resolve("dev.sqlite3"), Duration.ofSeconds(5));
        try {
            run = cli.run("status", "--lock-timeout", "1s");
        } finally {
            writer.close();
        }

        run.exits(3);
        assertThat(run.err())
                .contains("waiting up to 1s (lock-timeout) ...")
                .contains("Another writer is writing to jdbc:sqlite:")
                .contains("gave up after 1s (lock-timeout). Run again when it has finished, or raise lock-timeout.")
                .doesNotContain("privilege", "grant");
    }

    @Test
    void anotherToolsTableOfTheSameNameIsAConfigurationErrorNotAPermissionError() {
        Cli cli = Project.create(directory);
        cli.database().execute("CREATE TABLE cairn_migrations (id INTEGER, migration TEXT, batch INTEGER)");

        for (String command : new String[] {"status", "migrate", "validate"}) {
            Cli.Run run = cli.run(command).exits(2);

            assertThat(run.err())
                    .as(command)
                    .contains("The table cairn_migrations in jdbc:sqlite:")
                    .contains("is not Cairn's tracking table: it has the columns id, migration, batch, and Cairn's"
                            + " has id, version, name, batch, checksum,")
                    .contains("give Cairn's a name of its own with migrations.table")
                    .doesNotContain("privilege", "grant");
        }
        assertThat(cli.database().userTables()).isEmpty();
        cli.write(
                "cairn.yml",
                "migrations:\n  directory: database/migrations\n  table: cairn_history\n"
                        + "environments:\n  development:\n    url: jdbc:sqlite:dev.sqlite3\n");
        cli.run("migrate").succeeds();
    }

    /** A writer that holds SQLite's exclusive lock on a file for a while, on a thread of its own. */
    private static final class Writer {
        private final CompletableFuture<Void> done;

        private Writer(CompletableFuture<Void> done) {
            this.done = done;
        }

        static Writer holding(Path file, Duration duration) throws InterruptedException {
            CountDownLatch locked = new CountDownLatch(1);
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
                try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                        Statement statement = connection.createStatement()) {
                    statement.execute("BEGIN EXCLUSIVE");
                    locked.countDown();
                    Thread.sleep(duration.toMillis());
                    statement.execute("COMMIT");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(locked.await(10, TimeUnit.SECONDS))
                    .as("the writer took the lock")
                    .isTrue();
            return new Writer(done);
        }

        void close() throws Exception {
            done.get(30, TimeUnit.SECONDS);
        }
    }
}
