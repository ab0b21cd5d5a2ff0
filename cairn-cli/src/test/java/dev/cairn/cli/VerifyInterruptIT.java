// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C during {@code cairn verify}, as a real process and a real SIGINT: the command says that it
 * was interrupted and what it was running (not that a migration failed), exits with 130, and leaves
 * no scratch database behind; the target is untouched.
 */
class VerifyInterruptIT {

    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void ctrlCSaysWhatWasInterruptedExits130AndDropsTheScratchDatabase(Engine engine) throws Exception {
        TestDatabase database = databases.create(engine);
        String sleep = engine == Engine.POSTGRESQL ? "SELECT pg_sleep(30);" : "DO SLEEP(30);";
        new Cli(directory)
                .write("cairn.yml", "environments:\n  development:\n    url: ${DB_URL}\n")
                .migration(
                        "20260101000000_users",
                        "-- migrate:up\nCREATE TABLE users (id integer);\n-- migrate:down\nDROP TABLE users;\n")
                .migration(
                        "20260102000000_slow_down",
                        "-- migrate:up\nCREATE TABLE slow (id integer);\n-- migrate:down\n" + sleep
                                + "\nDROP TABLE slow;\n");
        List<String> args = new ArrayList<>(List.of("verify"));
        if (database.user() != null) {
            args.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            args.addAll(List.of("--password", database.password()));
        }

        CairnProcess.Running verify =
                CairnProcess.start(directory, Map.of("DB_URL", database.url()), args.toArray(String[]::new));
        String scratch = awaitSleeping(database, engine, verify);
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

    /**
     * Waits until a scratch database's session runs the sleep of the slow down (the only statement
     * that sleeps 30 s), and returns that database's name.
     */
    private static String awaitSleeping(TestDatabase database, Engine engine, CairnProcess.Running verify)
            throws InterruptedException {
        String sql = engine == Engine.POSTGRESQL
                ? "SELECT datname AS name FROM pg_stat_activity WHERE datname LIKE 'cairn_verify_%'"
                        + " AND query LIKE '%pg_sleep(30)%'"
                : "SELECT db AS name FROM information_schema.processlist WHERE db LIKE 'cairn\\_verify\\_%'"
                        + " AND info LIKE '%SLEEP(30)%'";
        Instant deadline = Instant.now().plus(PROCESS_TIMEOUT);
        List<Map<String, Object>> sleeping;
        while ((sleeping = database.query(sql)).isEmpty()) {
            assertThat(verify.isAlive()).as("verify still runs").isTrue();
            assertThat(Instant.now()).as("the slow down started").isBefore(deadline);
            Thread.sleep(50);
        }
        return String.valueOf(sleeping.get(0).get("name"));
    }
}
