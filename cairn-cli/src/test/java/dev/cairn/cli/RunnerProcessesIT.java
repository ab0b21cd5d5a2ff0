// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runners as real operating-system processes, each a JVM of its own running the shaded jar against
 * one PostgreSQL or MariaDB database: eight started at once, one killed with SIGKILL in the middle of
 * a migration, one that gives up waiting for the lock. This is what the migration lock promises
 * (DESIGN.md, "Locking"; README, "How changes run"), and only separate processes prove it: threads
 * of one JVM share its driver and connections, and cannot be killed without running their
 * {@code finally} blocks.
 *
 * <p>Each migration here creates one table, {@code t1}, {@code t2}, ..., after a slow statement
 * (statement 1) that keeps the runner inside the migration long enough for others to collide with it.
 */
class RunnerProcessesIT {

    private static final int RUNNERS = 8;
    private static final int MIGRATIONS = 5;
    /**
     * Seconds that migration 2 of the killed runner sleeps. The server does not end a session the
     * moment its client dies: PostgreSQL 15 finishes pg_sleep first (it looks at the socket only when
     * client_connection_check_interval is set), MariaDB 10.11 ended SLEEP about 5 s after the kill. Until
     * then the killed session holds the lock, and the next runner waits for it, as designed; so the
     * sleep is short, and well below the rerun's lock-timeout. The test prints what it measured.
     */
    private static final int LONG_SLEEP = 8;

    private static final String RERUN_LOCK_TIMEOUT = "20s";
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** The test's database, which each test makes first. */
    private TestDatabase database;

    private final Map<String, String> environment = new HashMap<>();

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void eightRunnersStartedTogetherApplyEachMigrationExactlyOnce(Engine engine) {
        database = databases.create(engine);
        for (int n = 1; n <= MIGRATIONS; n++) {
            migration(n, slow(engine, "0.2"));
        }
        List<String> args = new ArrayList<>(List.of("--url", database.url()));
        args.addAll(credentials());
        args.add("migrate");

        List<Cli.Run> runs = runTogether(RUNNERS, args.toArray(String[]::new));

        String all = runs.stream().map(RunnerProcessesIT::describe).collect(Collectors.joining("\n"));
        assertThat(runs).as("exit codes\n%s", all).allMatch(run -> run.exitCode() == 0);
        // The notice names the holder, or says it just let go if it did so between two questions.
        assertThat(runs.stream().flatMap(run -> run.err().lines()))
                .as("stderr of every runner: at most the notice that it waits\n%s", all)
                .allMatch(line -> line.startsWith("Waiting for the migration lock: "));
        assertThat(runs)
                .as("runners that applied the migrations\n%s", all)
                .filteredOn(run -> run.out().contains("Applied 5 migrations in batch 1"))
                .hasSize(1);
        assertThat(runs)
                .as("runners that found nothing left\n%s", all)
                .filteredOn(run -> run.out().contains("Nothing to migrate: the database is up to date."))
                .hasSize(RUNNERS - 1);
        // The first runner holds the lock for over a second (five sleeps), while the others start.
        long waited = runs.stream()
                .filter(run -> run.err().contains("Waiting for the migration lock: "))
                .count();
        System.out.printf("%s: %d of %d runners waited for the lock%n", engine, waited, RUNNERS);
        assertThat(waited).as("runners that waited for the lock\n%s", all).isPositive();
        assertThat(history())
                .containsExactly(applied(1, 1), applied(2, 1), applied(3, 1), applied(4, 1), applied(5, 1));
        assertThat(database.tables()).containsExactlyInAnyOrder("cairn_migrations", "t1", "t2", "t3", "t4", "t5");
    }

    @Test
    void aRunnerKilledInsideAMigrationOnPostgresqlLeavesNothingAndTheNextRunNeedsNoUnlock() throws Exception {
        database = databases.create(Engine.POSTGRESQL);
        Killed killed = killInsideTheLongStatement(Engine.POSTGRESQL);

        // The batch is one transaction, with the tracking table's creation: none of it was committed.
        assertThat(database.tables()).as("tables after the kill").isEmpty();
        assertThat(cairn("status").exits(0).out()).contains("Version (none), batch 0: 0 applied, 3 pending");
        // Migration 2 is pending, so its file may change: the rerun need not sleep for long.
        migration(2, slow(Engine.POSTGRESQL, "0.1"));

        Cli.Run rerun = rerunAtOnce(Engine.POSTGRESQL, killed, "held by PostgreSQL backend pid " + killed.session());

        assertThat(rerun.out()).contains("Applied 3 migrations in batch 1");
        assertThat(history()).containsExactly(applied(1, 1), applied(2, 1), applied(3, 1));
        assertThat(database.tables()).containsExactlyInAnyOrder("cairn_migrations", "t1", "t2", "t3");
    }

    @Test
    void aRunnerKilledInsideAMigrationOnMariaDbLeavesItIncompleteAndTheNextRunResumesIt() throws Exception {
        database = databases.create(Engine.MARIADB);
        Killed killed = killInsideTheLongStatement(Engine.MARIADB);

        // Statement by statement: migration 1 stays, migration 2's row says that none of it ran.
        assertThat(history()).containsExactly(applied(1, 1), name(2) + "@1 incomplete up after 0");
        assertThat(database.tables()).containsExactlyInAnyOrder("cairn_migrations", "t1");
        // What a user sees; status reads without the lock, which the dead session may still hold: while the
        // server still runs the killed runner's statement, status says so, and only then how to get out.
        Cli.Run status = cairn("status").exits(0);
        if (status.out().contains("A runner holds the migration lock")) {
            assertThat(status.out())
                    .contains("(held by connection " + killed.session() + " ")
                    .containsPattern(name(2) + " +RUNNING: up, 0 statements done\n")
                    .contains("1 applied, 1 running, 1 pending", "so it is most likely running now")
                    .doesNotContain("run `cairn repair`");
        } else {
            assertThat(status.out())
                    .containsPattern(name(2) + " +INCOMPLETE: up stopped after 0 statements\n")
                    .contains(
                            "1 applied, 1 incomplete, 1 pending",
                            "stopped before the first statement of its up section finished",
                            "after a runner was stopped, just run `cairn migrate`");
        }
        // No statement of migration 2 ran, so the sleeping one (statement 1) may change before the resume.
        migration(2, slow(Engine.MARIADB, "0.1"));

        Cli.Run rerun = rerunAtOnce(Engine.MARIADB, killed, "held by connection " + killed.session() + " ");

        // A resumed migration goes into the new batch, with the ones after it.
        assertThat(rerun.out()).contains("Applied 2 migrations in batch 2");
        assertThat(history()).containsExactly(applied(1, 1), applied(2, 2), applied(3, 2));
        assertThat(database.tables()).containsExactlyInAnyOrder("cairn_migrations", "t1", "t2", "t3");
    }

    @Test
    void aRunnerThatCannotGetTheLockOnMariaDbNamesTheHolderAndExits3WithNothingChanged() throws SQLException {
        database = databases.create(Engine.MARIADB);
        config("1s");
        migration(1, slow(Engine.MARIADB, "0.1"));
        try (Connection holder = database.connect();
                PreparedStatement lock = holder.prepareStatement("SELECT CONNECTION_ID(), GET_LOCK(?, 0)")) {
            lock.setString(1, "cairn:" + database.name() + ".cairn_migrations");
            long holderId;
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                holderId = result.getLong(1);
                assertThat(result.getInt(2)).as("GET_LOCK by the test").isEqualTo(1);
            }

            Cli.Run run = cairn("migrate").exits(3);

            assertThat(run.err())
                    .contains("Waiting for the migration lock: held by connection " + holderId + " ")
                    .contains("(held by connection " + holderId + " ", "gave up after 1s (lock-timeout)");
            assertThat(run.out()).doesNotContain("Applied");
            assertThat(database.tables()).isEmpty();
        }
    }

    // --- the killed runner -------------------------------------------------------------------------

    /**
     * Writes three migrations, the second sleeping {@value #LONG_SLEEP} s, starts {@code cairn migrate},
     * waits until the database runs that sleep, and kills the process with SIGKILL. Returns the
     * server's id of the killed runner's session (PostgreSQL backend pid, MariaDB connection id), and when.
     */
    private Killed killInsideTheLongStatement(Engine engine) throws InterruptedException {
        config(RERUN_LOCK_TIMEOUT);
        migration(1, slow(engine, "0.2"));
        migration(2, slow(engine, String.valueOf(LONG_SLEEP)));
        migration(3, slow(engine, "0.2"));

        CairnProcess.Running runner = CairnProcess.start(directory, environment, cairnArgs("migrate"));
        long session;
        try {
            session = awaitLongStatement(engine, runner);
        } catch (RuntimeException | Error | InterruptedException e) {
            runner.killHard();
            throw e;
        }
        long seen = System.nanoTime();
        assertThat(runner.killHard())
                .as("exit code of a process ended by SIGKILL: 128 + 9")
                .isEqualTo(137);
        return new Killed(session, seen, System.nanoTime());
    }

    /**
     * The killed runner: its server session, when the test saw it run the long statement, and when the
     * process was dead ({@link System#nanoTime()}).
     */
    private record Killed(long session, long seenSleeping, long killed) {}

    /** Polls the server until a session runs the long sleep; returns its id. */
    private long awaitLongStatement(Engine engine, CairnProcess.Running runner) throws InterruptedException {
        String sql = engine == Engine.POSTGRESQL
                ? "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND state = 'active' AND query LIKE ?"
                : "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()"
                        + " AND info LIKE ?";
        String statement = "%" + slow(engine, String.valueOf(LONG_SLEEP)).replace(";", "") + "%";
        long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
        while (true) {
            List<Map<String, Object>> sessions = database.query(sql, statement);
            if (!sessions.isEmpty()) {
                return ((Number) sessions.get(0).values().iterator().next()).longValue();
            }
            if (!runner.isAlive()) {
                throw new AssertionError("the runner ended before migration 2's long statement:\n"
                        + describe(runner.await(Duration.ZERO)));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no session ran " + statement + " within " + PROCESS_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Runs {@code cairn migrate} right after the kill, as a restarted deploy would, and asserts it
     * succeeds with nothing unlocked by hand. If it has to wait, the lock's holder it names must be the
     * killed runner's session ({@code holder}). Reports how long the server kept that session and
     * how long the rerun took.
     */
    private Cli.Run rerunAtOnce(Engine engine, Killed killed, String holder) throws InterruptedException {
        long started = System.nanoTime();
        CairnProcess.Running rerun = CairnProcess.start(directory, environment, cairnArgs("migrate"));
        long sessionGone = -1;
        try {
            while (rerun.isAlive() && sessionGone < 0) {
                if (sessionAlive(engine, killed.session())) {
                    Thread.sleep(POLL.toMillis());
                } else {
                    sessionGone = System.nanoTime();
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            rerun.killHard();
            throw e;
        }
        Cli.Run run = rerun.await(PROCESS_TIMEOUT);
        long ended = System.nanoTime();
        boolean waited = run.err().contains("Waiting for the migration lock");
        System.out.printf(
                "%s: long statement seen running, killed %d ms later; the server ended the killed"
                        + " session %s after the kill; the rerun started %d ms after the kill, took %d ms and %s"
                        + " for the lock%n",
                engine,
                millis(killed.seenSleeping(), killed.killed()),
                sessionGone < 0 ? "(not seen)" : millis(killed.killed(), sessionGone) + " ms",
                millis(killed.killed(), started),
                millis(started, ended),
                waited ? "waited" : "did not wait");
        run.exits(0);
        if (waited) {
            assertThat(run.err()).contains("Waiting for the migration lock: " + holder);
        }
        return run;
    }

    private static long millis(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }

    private boolean sessionAlive(Engine engine, long session) {
        String sql = engine == Engine.POSTGRESQL
                ? "SELECT 1 FROM pg_stat_activity WHERE pid = ?"
                : "SELECT 1 FROM information_schema.processlist WHERE id = ?";
        return !database.query(sql, session).isEmpty();
    }

    // --- processes ---------------------------------------------------------------------------------

    /**
     * Starts {@code count} processes of {@code cairn args...} back to back, then waits for them all
     * within one deadline; any still running when the test fails is killed.
     */
    private List<Cli.Run> runTogether(int count, String... args) {
        List<CairnProcess.Running> processes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                processes.add(CairnProcess.start(directory, environment, args));
            }
            long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
            List<Cli.Run> runs = new ArrayList<>();
            for (CairnProcess.Running process : processes) {
                runs.add(process.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
            }
            return runs;
        } finally {
            for (CairnProcess.Running process : processes) {
                if (process.isAlive()) {
                    process.killHard();
                }
            }
        }
    }

    /** Runs {@code cairn} with the test's cairn.yml and credentials, and waits for it. */
    private Cli.Run cairn(String... args) {
        return CairnProcess.java(directory, environment, cairnArgs(args));
    }

    private String[] cairnArgs(String... args) {
        List<String> all = new ArrayList<>(List.of("-e", "development"));
        all.addAll(credentials());
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private List<String> credentials() {
        List<String> options = new ArrayList<>();
        if (database.user() != null) {
            options.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            options.addAll(List.of("--password", database.password()));
        }
        return options;
    }

    private static String describe(Cli.Run run) {
        return "exit " + run.exitCode() + "\n  stdout: " + run.out().strip().replace("\n", "\n          ")
                + "\n  stderr: " + run.err().strip().replace("\n", "\n          ");
    }

    // --- the project and the database --------------------------------------------------------------

    /** cairn.yml: the test database from {@code DB_URL}, and {@code lock-timeout}. */
    private void config(String lockTimeout) {
        environment.put("DB_URL", database.url());
        new Cli(directory)
                .write(
                        "cairn.yml",
                        String.join(
                                "\n",
                                "environments:",
                                "  development:",
                                "    url: ${DB_URL}",
                                "    lock-timeout: " + lockTimeout,
                                ""));
    }

    /** A statement that sleeps {@code seconds}, and nothing else. */
    private static String slow(Engine engine, String seconds) {
        return engine == Engine.POSTGRESQL ? "SELECT pg_sleep(" + seconds + ");" : "DO SLEEP(" + seconds + ");";
    }

    private static String name(int n) {
        return "2026010100000" + n + "_create_t" + n;
    }

    /** Migration {@code n}: {@code slowStatement}, then it creates table {@code tn}. */
    private void migration(int n, String slowStatement) {
        new Cli(directory)
                .migration(
                        name(n),
                        String.join(
                                "\n",
                                "-- migrate:up",
                                slowStatement,
                                "CREATE TABLE t" + n + " (id integer PRIMARY KEY);",
                                "-- migrate:down",
                                "DROP TABLE t" + n + ";",
                                ""));
    }

    private static String applied(int n, int batch) {
        return name(n) + "@" + batch;
    }

    /** The tracking table, in order of application: {@code name@batch}, and where a row stopped part-way. */
    private List<String> history() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row :
                database.query("SELECT name, batch, incomplete, statements_run FROM cairn_migrations ORDER BY id")) {
            String text = row.get("name") + "@" + row.get("batch");
            if (row.get("incomplete") != null) {
                text += " incomplete " + row.get("incomplete") + " after " + row.get("statements_run");
            }
            rows.add(text);
        }
        return rows;
    }
}
