// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the other commands say while a real {@code cairn migrate} process holds the migration lock on
 * PostgreSQL or MariaDB, and after that process was killed while its server session still runs:
 * {@code status} and {@code validate} name the runner and do not advise {@code repair} for the
 * migration it is running; {@code unlock} says what is alive (the session, its statement, for how
 * long) and gives the commands that end it, which work.
 */
class LockHolderIT {

    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(90);
    private static final String FIRST = "20260101000000_create_t1";
    private static final String SLOW = "20260102000000_slow_t2";
    private static final String LAST = "20260103000000_create_t3";
    private static final String RUNNING_FOR = "(\\d+ s|less than a second)\\.";

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase database;
    private Cli cli;

    @Test
    void onMariaDbStatusNamesTheRunnerAndShowsItsMigrationRunningAndUnlockSaysHowToStopIt() throws Exception {
        database = databases.create(Engine.MARIADB);
        project("DO SLEEP(30);");
        CairnProcess.Running runner = CairnProcess.start(directory, cli.environment, args("migrate"));
        try {
            long session = awaitSleeping(
                    runner,
                    "SELECT id FROM information_schema.processlist WHERE db = DATABASE()"
                            + " AND id <> CONNECTION_ID() AND info LIKE '%SLEEP(30)%'");

            long started = System.nanoTime();
            Cli.Run status = cli.run(args("status")).succeeds();
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
            Cli.Run validate = cli.run(args("validate")).exits(1);
            Cli.Run unlock = cli.run(args("unlock")).exits(3);

            String holder = "held by connection " + session + " of user ";
            assertThat(took)
                    .as("status took (ms): it must not wait for the runner")
                    .isLessThan(10_000);
            assertThat(status.out())
                    .contains("A runner holds the migration lock and is changing the database now (" + holder)
                    .containsPattern(FIRST + " +applied\n")
                    .containsPattern(SLOW + " +RUNNING: up, 1 statement done\n")
                    .contains("1 applied, 1 running, 1 pending")
                    .contains("so it is most likely running now. Do not repair it")
                    .doesNotContain("INCOMPLETE", "run `cairn repair`");
            assertThat(validate.err())
                    .contains("Note: a runner holds the migration lock and is changing the database now (" + holder)
                    .contains(SLOW + ": its up section is part-way (1 statement so far) while another runner")
                    .doesNotContain("run `cairn repair`");
            assertThat(unlock.err())
                    .contains("(" + holder)
                    .containsPattern("What is alive is its server session, running DO SLEEP\\(30\\) for " + RUNNING_FOR)
                    .contains("KILL QUERY " + session + " stops its statement; KILL " + session + " ends the session");
            assertThat(history()).containsExactly(FIRST + " complete", SLOW + " incomplete up after 1");

            // The advice works: the 30 s sleep ends now (MariaDB's SLEEP returns early, without an error), the
            // runner finishes and lets the lock go.
            database.execute("KILL QUERY " + session);
            runner.await(Duration.ofSeconds(20));
            assertThat(cli.run(args("unlock")).succeeds().out()).contains("is free");
        } finally {
            if (runner.isAlive()) {
                runner.killHard();
            }
        }
    }

    @Test
    void onPostgresqlStatusNamesTheRunnerAndUnlockNamesTheStatementAKilledRunnerLeftRunning() throws Exception {
        database = databases.create(Engine.POSTGRESQL);
        project("SELECT pg_sleep(30);");
        CairnProcess.Running runner = CairnProcess.start(directory, cli.environment, args("migrate"));
        long backend;
        try {
            backend = awaitSleeping(
                    runner,
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                            + " AND state = 'active' AND query LIKE '%pg_sleep(30)%'");

            Cli.Run status = cli.run(args("status")).succeeds();
            Cli.Run validate = cli.run(args("validate")).exits(0);

            String holder = "held by PostgreSQL backend pid " + backend + ", user ";
            assertThat(status.out())
                    .contains("A runner holds the migration lock and is changing the database now (" + holder)
                    .contains("0 applied, 3 pending");
            assertThat(validate.err())
                    .contains("Note: a runner holds the migration lock and is changing the database now (" + holder);
        } finally {
            runner.killHard();
        }

        // The runner is dead; the server runs its pg_sleep to the end, and keeps the lock until then.
        Cli.Run unlock = cli.run(args("unlock")).exits(3);

        assertThat(unlock.err())
                .contains("(held by PostgreSQL backend pid " + backend + ", ")
                .containsPattern(
                        "What is alive is its server session, running SELECT pg_sleep\\(30\\) for " + RUNNING_FOR)
                .contains("SELECT pg_cancel_backend(" + backend + ") stops its statement; SELECT pg_terminate_backend("
                        + backend + ") ends the session, and with it the lock");
        database.query("SELECT pg_cancel_backend(?)", (int) backend);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Cli.Run again;
        while ((again = cli.run(args("unlock"))).exitCode() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(again.out()).as(again.err()).contains("is free");
        assertThat(database.tables()).isEmpty();
    }

    /** cairn.yml on the test database, and three migrations; the second runs {@code sleep} after a table. */
    private void project(String sleep) {
        cli = new Cli(directory);
        cli.environment.put("DB_URL", database.url());
        cli.write("cairn.yml", "environments:\n  development:\n    url: ${DB_URL}\n")
                .migration(FIRST, migration("CREATE TABLE t1 (id integer);", "t1"))
                .migration(SLOW, migration("CREATE TABLE t2 (id integer);\n" + sleep, "t2"))
                .migration(LAST, migration("CREATE TABLE t3 (id integer);", "t3"));
    }

    private static String migration(String up, String table) {
        return "-- migrate:up\n" + up + "\n-- migrate:down\nDROP TABLE " + table + ";\n";
    }

    private String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        if (database.user() != null) {
            all.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            all.addAll(List.of("--password", database.password()));
        }
        return all.toArray(String[]::new);
    }

    /** Waits until the runner's session runs the sleep; returns its id on the server. */
    private long awaitSleeping(CairnProcess.Running runner, String sql) throws InterruptedException {
        long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
        List<Map<String, Object>> sessions;
        while ((sessions = database.query(sql)).isEmpty()) {
            if (!runner.isAlive()) {
                throw new AssertionError("the runner ended before the sleep: " + runner.await(Duration.ZERO));
            }
            assertThat(System.nanoTime()).as("the sleep started").isLessThan(deadline);
            Thread.sleep(50);
        }
        return ((Number) sessions.get(0).values().iterator().next()).longValue();
    }

    /** The tracking table: {@code name complete}, or where it stopped. */
    private List<String> history() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row :
                database.query("SELECT name, incomplete, statements_run FROM cairn_migrations ORDER BY id")) {
            rows.add(row.get("name")
                    + (row.get("incomplete") == null
                            ? " complete"
                            : " incomplete " + row.get("incomplete") + " after " + row.get("statements_run")));
        }
        return rows;
    }
}
