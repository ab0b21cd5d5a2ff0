// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.javamigrations.bean.V2__greet_users;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Java migration between two SQL ones, found in a {@code classpath:} location (the test classes'
 * directory) beside a {@code filesystem:} one, on every engine: applied in order in one batch, tracked,
 * listed by status, rolled back, verified; and one that throws leaves nothing behind.
 */
class JavaMigrationIT {

    private static final String PACKAGE = "classpath:dev/cairn/javamigrations/";

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase db;

    private Cairn cairn(String javaPackage) {
        return TestCairn.configure(db, project)
                .locations("filesystem:" + migrations(), PACKAGE + javaPackage)
                .load();
    }

    private Path migrations() {
        return project.resolve("migrations");
    }

    private void writeSql() throws IOException {
        Files.createDirectories(migrations());
        Files.writeString(migrations().resolve("1_create_users.sql"), """
                -- migrate:up
                CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL);
                -- migrate:down
                DROP TABLE users;
                """);
        Files.writeString(migrations().resolve("3_create_posts.sql"), """
                -- migrate:up
                CREATE TABLE posts (id integer PRIMARY KEY, author integer);
                -- migrate:down
                DROP TABLE posts;
                """);
    }

    private List<String> emails() {
        return db.query("SELECT email FROM users ORDER BY id").stream()
                .map(row -> (String) row.get("email"))
                .toList();
    }

    private List<String> trackedNames() {
        return db.query("SELECT name FROM cairn_migrations ORDER BY id").stream()
                .map(row -> (String) row.get("name"))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runsInOrderWithTheSqlMigrationsAndRollsBack(Engine engine) throws IOException {
        db = databases.create(engine);
        writeSql();
        Cairn cairn = cairn("ok");

        MigrateResult result = cairn.migrate();

        assertThat(result.applied())
                .extracting(MigrationRun::name)
                .containsExactly("1_create_users", "2_add_admins", "3_create_posts");
        assertThat(result.applied()).extracting(MigrationRun::batch).containsOnly(1);
        assertThat(emails()).containsExactly("admin1@example.com", "admin2@example.com", "admin3@example.com");
        assertThat(trackedNames()).containsExactly("1_create_users", "2_add_admins", "3_create_posts");
        Status status = cairn.status();
        assertThat(status.migrations())
                .filteredOn(m -> m.name().equals("2_add_admins"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.state()).isEqualTo(Status.State.APPLIED);
                    assertThat(m.description()).isEqualTo("Three administrators, written by Java.");
                    assertThat(m.reversible()).isTrue();
                });
        assertThat(status.problems()).isEmpty();
        assertThat(cairn.validate().isValid()).isTrue();

        RollbackResult rolledBack = cairn.rollback();

        assertThat(rolledBack.reverted())
                .extracting(MigrationRun::name)
                .containsExactly("3_create_posts", "2_add_admins", "1_create_users");
        assertThat(db.tables()).noneMatch(table -> table.equals("users") || table.equals("posts"));
        assertThat(trackedNames()).isEmpty();
    }

    @Test
    void aClassGivenAsAnInstanceIsNotMadeAgainWhereAScanFindsIt() throws IOException {
        db = databases.create(Engine.SQLITE);
        writeSql();

        assertThatThrownBy(() -> cairn("bean").migrate())
                .as("scanned alone, the class cannot be made")
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("has no public constructor without parameters");
        MigrateResult result = TestCairn.configure(db, project)
                .locations("filesystem:" + migrations(), PACKAGE + "bean")
                .javaMigrations(new V2__greet_users(() -> "hello@example.com"))
                .load()
                .migrate();

        assertThat(result.applied())
                .extracting(MigrationRun::name)
                .containsExactly("1_create_users", "2_greet_users", "3_create_posts");
        assertThat(emails()).containsExactly("hello@example.com");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void verifyRunsTheJavaMigrationsDownAndUpAgain(Engine engine) throws IOException {
        db = databases.create(engine);
        writeSql();

        VerifyResult result = cairn("ok").verify();

        assertThat(result.passed(false)).as(result.toString()).isTrue();
        assertThat(result.migrations())
                .extracting(VerifyResult.Checked::name)
                .containsExactly("1_create_users", "2_add_admins", "3_create_posts");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aJavaMigrationThatThrowsLeavesNoDataChangeBehind(Engine engine) throws IOException {
        db = databases.create(engine);
        writeSql();

        assertThatThrownBy(() -> cairn("throwing").migrate())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Migration 2_fails_half_way (up) failed in ")
                .hasMessageContaining(
                        "V2__fails_half_way.class: java.lang.IllegalStateException: the mail service is down");

        if (engine == Engine.POSTGRESQL || engine == Engine.SQLITE) {
            // Transactional DDL: the batch, its SQL migration too, rolled back as a whole.
            assertThat(db.tableExists("users")).isFalse();
            assertThat(db.tableExists("cairn_migrations")).isFalse();
        } else {
            // DDL commits as it runs: the SQL migration before stays, the Java one's insert rolled back.
            assertThat(emails()).isEmpty();
            assertThat(trackedNames()).containsExactly("1_create_users");
        }
    }
}
