// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lock-timeout-ddl} against a real application session that holds a table: the migration's
 * statement gives up waiting, is tried again, and goes through once the session lets go; one that never
 * gets the lock fails after its retries with nothing applied. Also what a failed CREATE INDEX
 * CONCURRENTLY leaves behind, and lint's lock-timeout rule falling silent once Cairn sets the timeout.
 */
class DdlLockTimeoutIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** Records each retry, and can act on the first. */
    private static final class Retries implements MigrationListener {
        final List<Integer> attempts = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> first = new CompletableFuture<>();

        @Override
        public void lockTimedOut(
                Plan.Migration migration, int statement, Duration timeout, int attempt, int attempts, Duration pause) {
            this.attempts.add(attempt);
            first.complete(null);
        }
    }

    private Path migrations(String alter) throws IOException {
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(
                dir.resolve("1_users.sql"),
                "-- migrate:up\nCREATE TABLE users (id integer PRIMARY KEY, email varchar(100));\n"
                        + "-- migrate:down\nDROP TABLE users;\n");
        Files.writeString(dir.resolve("2_age.sql"), "-- migrate:up\n" + alter + ";\n-- migrate:down\n");
        return dir;
    }

    /**
     * Cairn on {@code db} with users migrated and a pending migration that adds a column to it, each
     * statement waiting at most {@code timeout} for a lock, telling {@code retries}.
     */
    private Cairn addingAColumn(TestDatabase db, Duration timeout, Retries retries) throws IOException {
        Path dir = migrations("ALTER TABLE users ADD COLUMN age integer");
        TestCairn.configure(db, dir).load().migrate("1");
        return TestCairn.configure(db, dir)
                .lockTimeoutDdl(timeout)
                .listener(retries)
                .load();
    }

    @Test
    void postgresTriesAStatementAgainUntilTheApplicationLetsGoOfTheTable() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        Retries retries = new Retries();
        Cairn cairn = addingAColumn(db, Duration.ofMillis(200), retries);
        try (Connection application = db.connect();
                Statement reader = application.createStatement()) {
            application.setAutoCommit(false);
            reader.execute("SELECT count(*) FROM users"); // a reader's ACCESS SHARE lock, held until it commits
            CompletableFuture<MigrateResult> migrate = CompletableFuture.supplyAsync(cairn::migrate);
            retries.first.get(30, TimeUnit.SECONDS);
            assertThat(db.columns("users")).doesNotContain("age");
            application.commit();
            assertThat(migrate.get(30, TimeUnit.SECONDS).applied()).hasSize(1);
        }
        assertThat(retries.attempts).startsWith(1);
        assertThat(db.columns("users")).contains("age");
        assertThat(db.query("SELECT name FROM cairn_migrations ORDER BY id")).hasSize(2);
    }

    @Test
    void postgresGivesUpAfterItsRetriesWithNothingApplied() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        Retries retries = new Retries();
        Cairn cairn = addingAColumn(db, Duration.ofMillis(100), retries);
        try (Connection application = db.connect();
                Statement reader = application.createStatement()) {
            application.setAutoCommit(false);
            reader.execute("SELECT count(*) FROM users");
            assertThatThrownBy(cairn::migrate)
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("lock timeout")
                    .hasMessageContaining("the database is exactly as it was before this command");
            application.rollback();
        }
        assertThat(retries.attempts).containsExactly(1, 2, 3);
        assertThat(db.columns("users")).doesNotContain("age");
        assertThat(db.query("SELECT name FROM cairn_migrations")).hasSize(1);
    }

    @Test
    void aPooledConnectionGoesBackWithTheServersLockTimeout() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        Path dir = migrations("ALTER TABLE users ADD COLUMN age integer");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Cairn.configure()
                    .dataSource(pool)
                    .url(db.url())
                    .migrationsDirectory(dir)
                    .lockTimeoutDdl(Duration.ofSeconds(3))
                    .load()
                    .migrate();
            try (Connection first = pool.getConnection();
                    Connection second = pool.getConnection()) {
                for (Connection connection : List.of(first, second)) {
                    try (Statement show = connection.createStatement();
                            java.sql.ResultSet value = show.executeQuery("SHOW lock_timeout")) {
                        value.next();
                        assertThat(value.getString(1))
                                .as("the session's lock_timeout after migrate")
                                .isEqualTo("0");
                    }
                }
            }
        }
        assertThat(db.columns("users")).contains("age");
    }

    @Test
    void mariadbTriesTheAlterAgainOnceTheMetadataLockIsFree() throws Exception {
        TestDatabase db = databases.create(Engine.MARIADB);
        Retries retries = new Retries();
        Cairn cairn = addingAColumn(db, Duration.ofSeconds(1), retries);
        try (Connection application = db.connect();
                Statement reader = application.createStatement()) {
            application.setAutoCommit(false);
            reader.execute("SELECT count(*) FROM users"); // holds a shared metadata lock until it commits
            CompletableFuture<MigrateResult> migrate = CompletableFuture.supplyAsync(cairn::migrate);
            retries.first.get(30, TimeUnit.SECONDS);
            application.commit();
            assertThat(migrate.get(30, TimeUnit.SECONDS).applied()).hasSize(1);
        }
        assertThat(db.columns("users")).contains("age");
    }

    @Test
    void aFailedConcurrentIndexSaysWhatItLeftBehind() throws IOException, SQLException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(
                dir.resolve("1_users.sql"),
                "-- migrate:up\nCREATE TABLE users (id integer PRIMARY KEY, email varchar(100));\n"
                        + "INSERT INTO users VALUES (1, 'a'), (2, 'a');\n-- migrate:down\nDROP TABLE users;\n");
        Files.writeString(
                dir.resolve("2_email.sql"),
                "-- migrate:up transaction:false\nCREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email);\n"
                        + "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY users_email;\n");
        Cairn cairn = TestCairn.configure(db, dir).load();
        assertThatThrownBy(cairn::migrate)
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("A failed CREATE INDEX CONCURRENTLY can leave its index behind, marked invalid")
                .hasMessageContaining("DROP INDEX CONCURRENTLY IF EXISTS users_email");
        assertThat(db.query("SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'users_email'::regclass"))
                .as("what the hint says is there")
                .singleElement()
                .satisfies(row -> assertThat(row.get("valid")).isEqualTo(false));
    }

    @Test
    void lintsLockTimeoutRuleFallsSilentOnceCairnSetsTheTimeout() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        Path dir = migrations("ALTER TABLE users ADD COLUMN age integer");
        assertThat(TestCairn.configure(db, dir)
                        .load()
                        .lint(LintOptions.everyMigration())
                        .findings())
                .extracting(finding -> finding.rule().id())
                .contains("lock-timeout");
        assertThat(TestCairn.configure(db, dir)
                        .lockTimeoutDdl(Duration.ofSeconds(5))
                        .load()
                        .lint(LintOptions.everyMigration())
                        .findings())
                .extracting(finding -> finding.rule().id())
                .doesNotContain("lock-timeout");
    }
}
