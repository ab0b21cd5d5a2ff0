// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.JavaBuild;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C and SIGTERM of a real {@code cairn} process while a statement runs on a real database: the
 * statement is cancelled on the server (the server runs nothing of Cairn's within 2 s), the
 * transaction is rolled back where there is one (verify drops its scratch database), one line says
 * what was cancelled and what stays, and the exit code is 130 (143 for SIGTERM). A second Ctrl-C ends
 * the process at once.
 */
class InterruptIT {

    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVER_STOPS_WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void ctrlCDuringAPostgresMigrationCancelsItsStatementAndRollsTheBatchBack() throws Exception {
        TestDatabase database = databases.create(Engine.POSTGRESQL);
        project()
                .migration("20260101000000_users", "-- migrate:up\nCREATE TABLE users (id integer);\n-- migrate:down\n")
                .migration(
                        "20260102000000_slow",
                        "-- migrate:up\nCREATE TABLE orders (id integer);\nLOCK TABLE users IN ACCESS EXCLUSIVE MODE;\n"
                                + "SELECT pg_sleep(60);\n-- migrate:down\nDROP TABLE orders;\n");
        CairnProcess.Running migrate = start(database, "migrate");
        awaitServerRuns(database, migrate);

        migrate.interrupt();
        Cli.Run run = migrate.await(PROCESS_TIMEOUT);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(130);
        assertThat(run.err())
                .contains("error: migrate was interrupted: statement 3 of 20260102000000_slow's up section"
                        + " (20260102000000_slow.sql line 4) was cancelled on the server. The transaction was rolled"
                        + " back: the database is exactly as it was before this command.")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.out()).contains("20260102000000_slow .... INTERRUPTED");
        assertServerRunsNothing(database);
        assertThat(database.tables())
                .as("the whole batch, with the tracking table, rolled back")
                .isEmpty();
    }

    @Test
    void ctrlCDuringAJavaMigrationCancelsTheStatementItsCodeRunsAndRollsTheBatchBack() throws Exception {
        TestDatabase database = databases.create(Engine.POSTGRESQL);
        project()
                .write(
                        "cairn.yml",
                        "migrations:\n  locations: [database/migrations, classpath:db/migrations]\n"
                                + "environments:\n  development:\n    url: ${DB_URL}\n")
                .migration(
                        "20260101000000_users", "-- migrate:up\nCREATE TABLE users (id integer);\n-- migrate:down\n");
        JavaBuild.compile(
                Files.createDirectories(directory.resolve("classes")),
                Map.of("db.migrations.V20260102000000__slow_backfill", """
                        package db.migrations;

                        public class V20260102000000__slow_backfill implements dev.cairn.JavaMigration {
                            @Override
                            public void up(java.sql.Connection connection) throws Exception {
                                try (var statement = connection.createStatement()) {
                                    statement.execute("INSERT INTO users VALUES (1)");
                                    statement.execute("SELECT pg_sleep(60)");
                                }
                            }
                        }
                        """));
        List<String> command = new ArrayList<>(List.of("--classpath", "classes"));
        command.addAll(List.of(arguments(database, "migrate")));
        CairnProcess.Running migrate =
                CairnProcess.start(directory, environment(database), command.toArray(String[]::new));
        awaitServerRuns(database, migrate);

        migrate.interrupt();
        Cli.Run run = migrate.await(PROCESS_TIMEOUT);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(130);
        assertThat(run.err())
                .contains("error: migrate was interrupted: 20260102000000_slow_backfill's up section (class"
                        + " db.migrations.V20260102000000__slow_backfill) was cancelled on the server. The transaction"
                        + " was rolled back: the database is exactly as it was before this command.")
                .doesNotContain("Exception", "\tat ");
        assertServerRunsNothing(database);
        assertThat(database.tables())
                .as("the whole batch, with the tracking table, rolled back")
                .isEmpty();
    }

    @Test
    void sigtermDuringAMariadbMigrationKeepsTheStatementsThatRanRecordedAndMigrateResumes() throws Exception {
        TestDatabase database = databases.create(Engine.MARIADB);
        project()
                .migration(
                        "20260101000000_slow",
                        "-- migrate:up\nCREATE TABLE first_table (id integer);\nDO SLEEP(60);\n"
                                + "CREATE TABLE last_table (id integer);\n"
                                + "-- migrate:down\nDROP TABLE last_table;\nDROP TABLE first_table;\n");
        CairnProcess.Running migrate = start(database, "migrate");
        awaitServerRuns(database, migrate);

        migrate.terminate();
        Cli.Run run = migrate.await(PROCESS_TIMEOUT);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(143);
        assertThat(run.err())
                .contains("error: migrate was interrupted: ")
                .contains("statements 1-2 of 20260101000000_slow's up section ran and stay, and the tracking table"
                        + " records it as incomplete")
                .contains("Run `cairn migrate` again to go on: it resumes with statement 3.");
        assertServerRunsNothing(database);
        assertThat(database.tables()).contains("first_table").doesNotContain("last_table");
        assertThat(database.query("SELECT name, incomplete, statements_run FROM cairn_migrations"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("incomplete")).isEqualTo("up");
                    assertThat(((Number) row.get("statements_run")).intValue()).isEqualTo(2);
                });

        // As the message says: migrate again resumes after the statements that ran (the sleep ended early).
        Cli.Run again = CairnProcess.java(directory, environment(database), arguments(database, "migrate"));
        again.exits(0);
        assertThat(database.tables()).contains("first_table", "last_table");
    }

    @Test
    void ctrlCDuringSqliteMigrationInterruptsItAndLeavesNoHotJournal() throws Exception {
        TestDatabase database = databases.create(Engine.SQLITE);
        project()
                .migration(
                        "20260101000000_slow",
                        "-- migrate:up\nCREATE TABLE numbers (n integer);\n"
                                + "INSERT INTO numbers WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r"
                                + " WHERE i < 1000000000) SELECT i FROM r;\n-- migrate:down\nDROP TABLE numbers;\n");
        CairnProcess.Running migrate = start(database, "migrate");
        await("the slow migration started", migrate, () -> migrate.outSoFar().contains("20260101000000_slow"));
        Thread.sleep(500); // into the statement, which runs for minutes

        migrate.interrupt();
        Cli.Run run = migrate.await(PROCESS_TIMEOUT);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(130);
        assertThat(run.err())
                .contains("error: migrate was interrupted: statement 2 of 20260101000000_slow's up section"
                        + " (20260101000000_slow.sql line 3) was cancelled on the server. The transaction was rolled"
                        + " back: the database is exactly as it was before this command.");
        assertThat(Path.of(database.url().substring("jdbc:sqlite:".length()) + "-journal"))
                .as("a hot journal, which read-only commands could not roll back")
                .doesNotExist();
        assertThat(database.tables()).isEmpty();
        Cli.Run status = CairnProcess.java(directory, environment(database), arguments(database, "status"));
        status.exits(0);
        assertThat(status.out()).contains("20260101000000_slow");
    }

    @Test
    void ctrlCDuringSeedRunCancelsTheSeedsStatement() throws Exception {
        TestDatabase database = databases.create(Engine.POSTGRESQL);
        project()
                .write(
                        "database/seeds/01_slow.sql",
                        "CREATE TABLE seeded (id integer);\nINSERT INTO seeded VALUES (1);\nSELECT pg_sleep(60);\n");
        CairnProcess.Running seed = start(database, "seed", "run");
        awaitServerRuns(database, seed);

        seed.interrupt();
        Cli.Run run = seed.await(PROCESS_TIMEOUT);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(130);
        assertThat(run.err())
                .contains("error: seed run was interrupted: statement 3 of the seed 01_slow.sql (line 3) was"
                        + " cancelled on the server. The seed's transaction was rolled back.");
        assertServerRunsNothing(database);
        assertThat(database.tables()).doesNotContain("seeded");
    }

    @Test
    void ctrlCWhileWaitingForTheLockStopsTheWaitAndChangesNothing() throws Exception {
        TestDatabase database = databases.create(Engine.POSTGRESQL);
        project()
                .migration(
                        "20260101000000_slow",
                        "-- migrate:up\nCREATE TABLE slow (id integer);\nSELECT pg_sleep(60);\n"
                                + "-- migrate:down\nDROP TABLE slow;\n");
        CairnProcess.Running holder = start(database, "migrate");
        awaitServerRuns(database, holder);
        CairnProcess.Running waiter = start(database, "--json", "migrate");
        await(
                "the second runner waits for the lock",
                waiter,
                () -> waiter.errSoFar().contains("Waiting for the migration lock"));

        long sent = System.nanoTime();
        waiter.interrupt();
        Cli.Run waited = waiter.await(PROCESS_TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - sent);

        assertThat(waited.exitCode()).as(waited.err()).isEqualTo(130);
        assertThat(waited.err())
                .contains("error: migrate was interrupted while waiting for the migration lock. Nothing was changed.");
        assertThat(waited.json().path("error").path("type").asText()).isEqualTo("interrupted");
        assertThat(took).as("the wait ends at once, not after lock-timeout").isLessThan(Duration.ofSeconds(10));
        assertThat(holder.isAlive()).as("the holder runs on").isTrue();

        holder.interrupt();
        assertThat(holder.await(PROCESS_TIMEOUT).exitCode()).isEqualTo(130);
        assertServerRunsNothing(database);
    }

    @Test
    void aSecondCtrlCExitsAtOnceWhileTheFirstWaits() throws Exception {
        // A server that accepts the connection and never answers: the first Ctrl-C waits for the
        // connection attempt, which is bounded only by connect-timeout.
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            new Cli(directory)
                    .write(
                            "cairn.yml",
                            "environments:\n  development:\n    url: jdbc:postgresql://127.0.0.1:"
                                    + silent.getLocalPort() + "/app?user=app\n    connect-timeout: 120s\n")
                    .migration("20260101000000_users", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
            CairnProcess.Running migrate = CairnProcess.start(directory, Map.of(), "migrate");
            await("cairn connects", migrate, () -> !accepted.isEmpty());

            migrate.interrupt();
            Thread.sleep(1000);
            assertThat(migrate.isAlive())
                    .as("the first Ctrl-C waits for the work to end")
                    .isTrue();
            long sent = System.nanoTime();
            migrate.interrupt();
            Cli.Run run = migrate.await(PROCESS_TIMEOUT);

            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(130);
            assertThat(run.err())
                    .contains("cairn: SIGINT: stopping; the statement running is cancelled on the server (press"
                            + " Ctrl-C again to exit at once).")
                    .contains("cairn: SIGINT again: exiting now, without waiting for the database.");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void ctrlCDuringVerifySaysWhatWasInterruptedAndDropsTheScratchDatabase(Engine engine) throws Exception {
        TestDatabase database = databases.create(engine);
        String sleep = engine == Engine.POSTGRESQL ? "SELECT pg_sleep(60);" : "DO SLEEP(60);";
        project()
                .migration(
                        "20260101000000_users",
                        "-- migrate:up\nCREATE TABLE users (id integer);\n-- migrate:down\nDROP TABLE users;\n")
                .migration(
                        "20260102000000_slow_down",
                        "-- migrate:up\nCREATE TABLE slow (id integer);\n-- migrate:down\n" + sleep
                                + "\nDROP TABLE slow;\n");
        CairnProcess.Running verify = start(database, "verify");
        String scratch = awaitScratchSleeping(database, verify);

        verify.interrupt();
        Cli.Run run = verify.await(PROCESS_TIMEOUT);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(130);
        assertThat(run.err())
                .contains("error: verify was interrupted while running the down of 20260102000000_slow_down."
                        + " Its scratch database is dropped; the target database was not touched.")
                .doesNotContain("failed at");
        assertThat(run.out()).contains("  reversible       20260101000000_users");
        assertThat(scratch).startsWith("cairn_verify_");
        assertThat(database.serverHasDatabase(scratch))
                .as("the scratch database " + scratch)
                .isFalse();
        assertThat(database.tables()).isEmpty();
    }

    private Cli project() {
        return new Cli(directory).write("cairn.yml", "environments:\n  development:\n    url: ${DB_URL}\n");
    }

    private CairnProcess.Running start(TestDatabase database, String... command) {
        return CairnProcess.start(directory, environment(database), arguments(database, command));
    }

    private static Map<String, String> environment(TestDatabase database) {
        return Map.of("DB_URL", database.url());
    }

    private static String[] arguments(TestDatabase database, String... command) {
        List<String> args = new ArrayList<>();
        if (database.user() != null) {
            args.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            args.addAll(List.of("--password", database.password()));
        }
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }

    /** Waits until the server runs a statement of Cairn's that sleeps (the slow one of each test). */
    private static void awaitServerRuns(TestDatabase database, CairnProcess.Running process) throws Exception {
        await(
                "the slow statement runs on the server",
                process,
                () -> !sleeping(database).isEmpty());
    }

    /**
     * Waits until a scratch database's session runs the sleep of the slow down (the only statement that
     * sleeps), and returns that database's name.
     */
    private static String awaitScratchSleeping(TestDatabase database, CairnProcess.Running verify)
            throws InterruptedException {
        String sql = database.engine() == Engine.POSTGRESQL
                ? "SELECT datname AS name FROM pg_stat_activity WHERE datname LIKE 'cairn_verify_%'"
                        + " AND query LIKE '%pg_sleep(60)%'"
                : "SELECT db AS name FROM information_schema.processlist WHERE db LIKE 'cairn\\_verify\\_%'"
                        + " AND info LIKE '%SLEEP(60)%'";
        await(
                "the slow down runs on the scratch database",
                verify,
                () -> !database.query(sql).isEmpty());
        return String.valueOf(database.query(sql).get(0).get("name"));
    }

    private static void assertServerRunsNothing(TestDatabase database) throws InterruptedException {
        Instant deadline = Instant.now().plus(SERVER_STOPS_WITHIN);
        while (!sleeping(database).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(sleeping(database))
                .as("statements still running on the server")
                .isEmpty();
    }

    /** The sleeping statements of this test's database on its server. */
    private static List<Map<String, Object>> sleeping(TestDatabase database) {
        return database.engine() == Engine.POSTGRESQL
                ? database.query(
                        "SELECT pid FROM pg_stat_activity WHERE datname = ? AND state = 'active'"
                                + " AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()",
                        database.name())
                : database.query(
                        "SELECT id FROM information_schema.processlist WHERE db = ? AND info LIKE '%SLEEP(60)%'"
                                + " AND id <> CONNECTION_ID()",
                        database.name());
    }

    private static void await(String what, CairnProcess.Running process, BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PROCESS_TIMEOUT);
        while (!condition.getAsBoolean()) {
            assertThat(process.isAlive())
                    .as("cairn still runs, before: " + what)
                    .isTrue();
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
