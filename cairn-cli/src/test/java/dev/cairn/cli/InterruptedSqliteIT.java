// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read-only commands after a {@code cairn migrate} on SQLite was stopped in the middle of a long
 * statement, by a real signal to a real process: Ctrl-C (SIGINT), SIGTERM, or SIGKILL, which leaves
 * the batch's transaction behind as a hot journal ({@code dev.sqlite3-journal}). {@code status},
 * {@code validate}, {@code schema} and {@code migrate --dry-run} must work, say what happened to the
 * unfinished write, and show the database as it was before the batch; none blames permissions. And
 * while a runner works, {@code status} and {@code unlock} name its process, as the lock file records it.
 */
class InterruptedSqliteIT {

    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);
    private static final String BIG = "20260101000000_fill_numbers";

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM", "KILL"})
    void readOnlyCommandsWorkAfterARunnerWasStoppedInsideALongWrite(String signal) throws Exception {
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration(
                        BIG,
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE numbers (n integer);",
                                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 500000000)",
                                "INSERT INTO numbers SELECT x FROM c;",
                                "-- migrate:down",
                                "DROP TABLE numbers;",
                                ""));
        Path journal = directory.resolve("dev.sqlite3-journal");

        CairnProcess.Running migrate = CairnProcess.start(directory, Map.of(), "migrate");
        awaitWriting(migrate, journal);
        int exitCode = stop(migrate, signal);
        boolean hot = Files.exists(journal) && Files.size(journal) > 0;
        System.out.printf("SIG%s: migrate exited %d; hot journal left: %s%n", signal, exitCode, hot);
        if (signal.equals("KILL")) {
            assertThat(hot)
                    .as("SIGKILL leaves the batch's transaction as a hot journal")
                    .isTrue();
        }

        // A process of its own: the note is a log line, which goes to the process's stderr.
        Cli.Run status = CairnProcess.java(directory, Map.of(), "status").exits(0);
        assertThat(status.out()).contains("Version (none), batch 0: 0 applied, 1 pending");
        if (hot) {
            assertThat(status.err())
                    .contains("held the unfinished write of a runner that was stopped (a hot journal); it is rolled"
                            + " back now");
        }
        assertThat(status.err()).doesNotContainIgnoringCase("permission").doesNotContain("read and write");
        assertThat(cli.run("validate").succeeds().out()).startsWith("No problems: 1 migration");
        assertThat(cli.run("schema").succeeds().out()).doesNotContain("numbers");
        assertThat(cli.run("migrate", "--dry-run").succeeds().out()).contains("It would apply 1 migration as batch 1");
        assertThat(Files.exists(journal) && Files.size(journal) > 0)
                .as("hot journal after")
                .isFalse();
        assertThat(cli.database().userTables()).isEmpty();
        assertThat(cli.database().history()).isEmpty();
    }

    @Test
    void whileARunnerWorksStatusNamesItsProcessAndUnlockSaysHowToEndIt() throws Exception {
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration(
                        BIG,
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE numbers (n integer);",
                                // Reads for minutes, so other connections may read meanwhile.
                                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000)",
                                "SELECT count(*) FROM c;",
                                "-- migrate:down",
                                "DROP TABLE numbers;",
                                ""));
        Path lockFile = directory.resolve("dev.sqlite3.cairn_migrations.lock");
        CairnProcess.Running migrate = CairnProcess.start(directory, Map.of(), "migrate");
        try {
            long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
            while (!(Files.exists(lockFile) && Files.readString(lockFile).startsWith("pid " + migrate.pid() + " "))) {
                assertThat(migrate.isAlive()).as("migrate runs").isTrue();
                assertThat(System.nanoTime()).as("migrate took the lock").isLessThan(deadline);
                Thread.sleep(20);
            }
            Thread.sleep(300);

            Cli.Run status = cli.run("status").succeeds();
            Cli.Run unlock = cli.run("unlock").exits(3);

            assertThat(status.out())
                    .contains("A runner holds the migration lock and is changing the database now (held by pid "
                            + migrate.pid() + " on ")
                    .contains("0 applied, 1 pending");
            assertThat(unlock.err())
                    .contains("(held by pid " + migrate.pid() + " on ", "It is still alive")
                    .containsPattern(
                            "Wait for it to finish, or end that process \\(kill " + migrate.pid() + " on .+\\)\\.");
        } finally {
            migrate.killHard();
        }
        assertThat(cli.run("unlock").succeeds().out()).contains("is free");
    }

    /** Waits until the runner has started writing the long statement's rows: its journal is there. */
    private static void awaitWriting(CairnProcess.Running migrate, Path journal) throws Exception {
        long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
        while (!(Files.exists(journal) && Files.size(journal) > 0)) {
            if (!migrate.isAlive()) {
                throw new AssertionError("migrate ended before its long statement:\n" + migrate.await(Duration.ZERO));
            }
            assertThat(System.nanoTime()).as("the long statement started").isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(500); // well inside the insert, which runs for minutes
    }

    /** Sends {@code signal} to the process and returns its exit code. */
    private static int stop(CairnProcess.Running process, String signal) throws IOException, InterruptedException {
        if (signal.equals("KILL")) {
            return process.killHard();
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
        return process.await(PROCESS_TIMEOUT).exitCode();
    }
}
