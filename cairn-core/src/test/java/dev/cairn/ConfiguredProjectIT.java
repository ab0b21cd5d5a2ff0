// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A project configured the way users configure it: {@code cairn.yml} with variables and a
 * {@code .env} file, the application's pooled data source from the same file, and the guarantees
 * around reading (no file created) and locking (another runner named, then refused).
 */
class ConfiguredProjectIT {

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private void migrations() throws IOException {
        Path dir = Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(
                dir.resolve("1_create_users.sql"),
                "-- migrate:up\nCREATE TABLE users (id integer PRIMARY KEY);\n-- migrate:down\nDROP TABLE users;\n");
    }

    private void config(TestDatabase db) throws IOException {
        // The URL comes through a variable from .env, as a deployment would keep it out of the file.
        Files.writeString(project.resolve(".env"), "APP_DB_URL=" + db.url() + "\n");
        String credentials = db.user() == null ? "" : "    user: " + db.user() + "\n";
        Files.writeString(
                project.resolve("cairn.yml"),
                ""
                        + "migrations:\n"
                        + "  directory: db/migrations\n"
                        + "environments:\n"
                        + "  development:\n"
                        + "    url: jdbc:sqlite:dev.sqlite3\n"
                        + "  staging:\n"
                        + "    url: ${APP_DB_URL}\n"
                        + credentials
                        + "    pool: { min: 1, max: 3 }\n"
                        + "    lock-timeout: 2s\n");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratesFromCairnYmlAndSharesItsConfigurationWithTheApplicationsPool(Engine engine) throws Exception {
        TestDatabase db = databases.create(engine);
        migrations();
        config(db);

        Cairn cairn = Cairn.configure()
                .configFile(project.resolve("cairn.yml"))
                .environment("staging")
                .load();
        assertThat(cairn.environmentName()).isEqualTo("staging");
        assertThat(cairn.migrationsDirectory())
                .isEqualTo(project.resolve("db/migrations").toRealPath());
        assertThat(cairn.migrate().applied()).hasSize(1);

        try (HikariDataSource pool =
                CairnConfig.load(project.resolve("cairn.yml")).dataSource("staging")) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM cairn_migrations")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("1_create_users");
            }
            // The application's own pool can run migrations too; the file still gives the directory.
            Cairn fromPool = Cairn.configure()
                    .configFile(project.resolve("cairn.yml"))
                    .environment("staging")
                    .dataSource(pool)
                    .load();
            assertThat(fromPool.migrationsDirectory()).isEqualTo(cairn.migrationsDirectory());
            assertThat(fromPool.status().applied())
                    .extracting(Status.Migration::name)
                    .containsExactly("1_create_users");
            assertThat(fromPool.rollback().reverted()).hasSize(1);
            assertThat(pool.isClosed()).isFalse();
        }
        assertThat(db.tables()).contains("cairn_migrations").doesNotContain("users");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runnersStartedTogetherApplyEachMigrationOnceAndTheOthersFindNothingLeft(Engine engine) throws Exception {
        TestDatabase db = databases.create(engine);
        Path dir = Files.createDirectories(project.resolve("db/migrations"));
        // Slow enough that the runners overlap: the others must wait for the lock, then re-read history.
        String slow = engine == Engine.POSTGRESQL
                ? "SELECT pg_sleep(0.3);"
                : engine == Engine.MARIADB
                        ? "DO SLEEP(0.3);"
                        : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)"
                                + " SELECT count(*) FROM n;";
        for (int version = 1; version <= 3; version++) {
            Files.writeString(
                    dir.resolve(version + "_t" + version + ".sql"),
                    "-- migrate:up\n" + slow
                            + "\nCREATE TABLE t" + version + " (id integer);\n"
                            + "-- migrate:down\nDROP TABLE t" + version + ";\n");
        }
        int runners = 4;
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MigrateResult>> results = new ArrayList<>();
        for (int i = 0; i < runners; i++) {
            results.add(pool.submit(() -> {
                Cairn.Builder builder = Cairn.configure().url(db.url()).migrationsDirectory(dir);
                if (db.user() != null) {
                    builder.user(db.user());
                }
                Cairn cairn = builder.load();
                start.await();
                return cairn.migrate();
            }));
        }
        start.countDown();
        int applied = 0;
        for (Future<MigrateResult> result : results) {
            applied += result.get(60, TimeUnit.SECONDS).applied().size();
        }
        pool.shutdown();

        assertThat(applied).isEqualTo(3);
        assertThat(db.query("SELECT name, batch FROM cairn_migrations ORDER BY id"))
                .extracting(row -> row.get("name") + "@" + ((Number) row.get("batch")).intValue())
                .containsExactly("1_t1@1", "2_t2@1", "3_t3@1");
    }

    @Test
    void readOnlyCommandsOnAMissingSqliteFileCreateNothing() throws IOException {
        migrations();
        Files.writeString(
                project.resolve("cairn.yml"),
                "migrations:\n  directory: db/migrations\n"
                        + "environments:\n  development:\n    url: jdbc:sqlite:dev.sqlite3\n");
        Cairn cairn = Cairn.configure().configFile(project.resolve("cairn.yml")).load();

        Status status = cairn.status();
        Plan plan = cairn.plan(Operation.migrate());
        ServerInfo ping = cairn.ping();

        assertThat(status.pending()).hasSize(1);
        assertThat(plan.batch()).hasValue(1);
        assertThat(ping.product()).isEqualTo("SQLite");
        assertThat(ping.note()).contains("does not exist yet");
        assertThat(project.resolve("dev.sqlite3")).doesNotExist();

        cairn.migrate();
        assertThat(project.resolve("dev.sqlite3")).exists();
        assertThat(cairn.ping().version()).matches("3\\.\\d+.*");
    }

    @Test
    void aRunnerWaitsForThePostgresLockNamesItsHolderAndGivesUp() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        TestDatabase elsewhere = databases.create(Engine.POSTGRESQL);
        try (Connection holder = db.connect();
                Connection otherHolder = elsewhere.connect()) {
            migrations();
            // A runner on another database of the server holds the same key: it is not the holder named.
            try (Statement statement = otherHolder.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + lockClass() + ", " + lockKey() + ")");
            }
            List<String> waits = new ArrayList<>();
            MigrationListener listener = new MigrationListener() {
                @Override
                public void waitingForLock(String who) {
                    waits.add(who);
                }
            };
            Cairn cairn = Cairn.configure()
                    .url(db.url())
                    .user(db.user())
                    .migrationsDirectory(project.resolve("db/migrations"))
                    .lockTimeout(Duration.ofMillis(600))
                    .listener(listener)
                    .load();
            int holderPid = pid(holder);
            // Another session takes the lock a runner takes (its key is documented: class "CAIR", then the
            // CRC-32 of schema.table), as a second runner in the middle of its batch would hold it.
            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + lockClass() + ", " + lockKey() + ")");
            }

            assertThatThrownBy(cairn::migrate)
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("pid " + holderPid)
                    .hasMessageContaining("lock-timeout");
            assertThat(waits).singleElement().asString().contains("pid " + holderPid);
            assertThat(db.tables()).isEmpty();
            assertThatThrownBy(cairn::unlock)
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("pid " + holderPid)
                    .hasMessageContaining("still alive")
                    .hasMessageContaining("pg_terminate_backend");

            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock_all()");
            }
            assertThat(cairn.unlock()).contains("is free: nothing was left behind");
            assertThat(cairn.migrate().applied()).hasSize(1);
            List<Map<String, Object>> locks = db.query(
                    "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = " + lockClass()
                            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
            assertThat(((Number) locks.get(0).get("n")).intValue()).isZero();
        }
    }

    @Test
    void aRunnerWaitsForTheMysqlNamedLockNamesItsHolderAndGivesUp() throws Exception {
        TestDatabase db = databases.create(Engine.MARIADB);
        try (Connection holder = db.connect()) {
            migrations();
            List<String> waits = new ArrayList<>();
            Cairn cairn = Cairn.configure()
                    .url(db.url())
                    .user(db.user())
                    .migrationsDirectory(project.resolve("db/migrations"))
                    .lockTimeout(Duration.ofMillis(1500))
                    .listener(waitsInto(waits))
                    .load();
            long holderId;
            // Another session takes the lock a runner takes (its name is documented), as a second runner
            // in the middle of its batch would hold it.
            try (Statement statement = holder.createStatement();
                    ResultSet result = statement.executeQuery(
                            "SELECT CONNECTION_ID(), GET_LOCK('cairn:" + db.name() + ".cairn_migrations', 0)")) {
                result.next();
                holderId = result.getLong(1);
                assertThat(result.getInt(2)).isEqualTo(1);
            }

            assertThatThrownBy(cairn::migrate)
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("connection " + holderId)
                    .hasMessageContaining("lock-timeout");
            assertThat(waits).singleElement().asString().contains("connection " + holderId);
            assertThat(db.tables()).isEmpty();

            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT RELEASE_LOCK('cairn:" + db.name() + ".cairn_migrations')");
            }
            assertThat(cairn.migrate().applied()).hasSize(1);
        }
    }

    @Test
    void aRunnerWaitsForTheH2LockRowAndGivesUpThenTheLockDiesWithItsConnection() throws Exception {
        TestDatabase db = databases.create(Engine.H2);
        migrations();
        List<String> waits = new ArrayList<>();
        Cairn cairn = Cairn.configure()
                .url(db.url())
                .user(db.user())
                .migrationsDirectory(project.resolve("db/migrations"))
                .lockTimeout(Duration.ofMillis(800))
                .listener(waitsInto(waits))
                .load();
        assertThat(cairn.migrate().applied()).hasSize(1); // creates the lock table
        Files.writeString(
                project.resolve("db/migrations/2_create_posts.sql"),
                "-- migrate:up\nCREATE TABLE posts (id integer);\n-- migrate:down\nDROP TABLE posts;\n");

        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement
                        .executeQuery("SELECT id FROM cairn_migrations_lock WHERE id = 1 FOR UPDATE")
                        .close();
            }
            assertThatThrownBy(cairn::migrate)
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("held by H2 session")
                    .hasMessageContaining("lock-timeout");
            assertThat(waits).hasSize(1);
            assertThat(db.tables()).doesNotContain("posts");
        }
        // The holder's connection is gone, and its lock with it: no unlock needed.
        assertThat(cairn.migrate().applied()).extracting(MigrationRun::name).containsExactly("2_create_posts");
    }

    @Test
    void aRunnerWaitsForTheSqliteLockFileNamesItsHolderAndGivesUp() throws Exception {
        migrations();
        List<String> waits = new ArrayList<>();
        Cairn cairn = sqliteRunner(Duration.ofMillis(600), waits);
        Path lockFile = sqliteLockFile();
        // Another process's runner holds the lock file and wrote who it is, as Cairn does.
        try (FileChannel holder = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = holder.lock()) {
            assertThat(held.isValid()).isTrue();
            holder.write(ByteBuffer.wrap(
                    "pid 4242 on build-7, since 2026-11-24T05:00:00Z\n".getBytes(StandardCharsets.UTF_8)));

            assertThatThrownBy(cairn::migrate)
                    .isInstanceOf(LockException.class)
                    .hasMessageContaining("held by pid 4242 on build-7")
                    .hasMessageContaining("lock-timeout");
            assertThat(waits).singleElement().asString().contains("pid 4242");
        }
        // The operating system released it with the holder; the next runner names itself in the file.
        assertThat(cairn.migrate().applied()).hasSize(1);
        assertThat(Files.readString(lockFile))
                .startsWith("pid " + ProcessHandle.current().pid() + " on ");
    }

    @Test
    void aBadFileFailsAChangeBeforeItWaitsForTheLock() throws Exception {
        migrations();
        Files.writeString(project.resolve("db/migrations/2_broken.sql"), "DROP TABLE users;\n");
        List<String> waits = new ArrayList<>();
        // A lock-timeout longer than the test should take: the command must not wait for it.
        Cairn cairn = sqliteRunner(Duration.ofSeconds(20), waits);
        try (FileChannel holder =
                        FileChannel.open(sqliteLockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = holder.lock()) {
            assertThat(held.isValid()).isTrue();

            assertThatThrownBy(cairn::migrate)
                    .isInstanceOf(MigrationFileException.class)
                    .hasMessageContaining("2_broken.sql");
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void aBadFileIsReportedRatherThanAServerThatCannotBeReached() throws Exception {
        migrations();
        Files.writeString(project.resolve("db/migrations/2_broken.sql"), "DROP TABLE users;\n");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cairn cairn = Cairn.configure()
                .url("jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere")
                .migrationsDirectory(project.resolve("db/migrations"))
                .load();

        assertThatThrownBy(cairn::status)
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("2_broken.sql");
        assertThatThrownBy(cairn::migrate)
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("2_broken.sql");
        // With the files in order, the connection's failure is what is left to report.
        Files.delete(project.resolve("db/migrations/2_broken.sql"));
        assertThatThrownBy(cairn::status).isInstanceOf(ConnectionException.class);
    }

    /** A runner on the project's SQLite file, reporting its lock waits into {@code waits}. */
    private Cairn sqliteRunner(Duration lockTimeout, List<String> waits) {
        return Cairn.configure()
                .url("jdbc:sqlite:" + project.resolve("dev.sqlite3"))
                .migrationsDirectory(project.resolve("db/migrations"))
                .lockTimeout(lockTimeout)
                .listener(waitsInto(waits))
                .load();
    }

    /** The lock file that Cairn's runners hold beside the project's SQLite file. */
    private Path sqliteLockFile() {
        return project.resolve("dev.sqlite3.cairn_migrations.lock");
    }

    private static MigrationListener waitsInto(List<String> waits) {
        return new MigrationListener() {
            @Override
            public void waitingForLock(String who) {
                waits.add(who);
            }
        };
    }

    private static int pid(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** "CAIR", the lock class Cairn uses. */
    private static long lockClass() {
        return 0x43414952L;
    }

    /** Cairn's key for cairn_migrations in the public schema: CRC-32 of "public.cairn_migrations", 31 bits. */
    private static long lockKey() {
        CRC32 crc = new CRC32();
        crc.update("public.cairn_migrations".getBytes(StandardCharsets.UTF_8));
        return crc.getValue() & 0x7FFF_FFFFL;
    }
}
