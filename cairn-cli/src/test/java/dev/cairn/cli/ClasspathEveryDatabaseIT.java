// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.ClasspathCliIT.ADMINS;
import static dev.cairn.cli.ClasspathCliIT.ADMINS_CLASS;
import static dev.cairn.cli.ClasspathCliIT.ADMINS_SOURCE;
import static dev.cairn.cli.ClasspathCliIT.POSTS;
import static dev.cairn.cli.ClasspathCliIT.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.JavaBuild;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code cairn --classpath} on the server databases and H2 (SQLite: {@link ClasspathCliIT}): a Java
 * migration compiled at test time, between two SQL files, applied, listed, verified and rolled back
 * through the shaded jar, each test in a database of its own.
 */
class ClasspathEveryDatabaseIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path directory;

    private TestDatabase database;

    /** {@code --classpath classes}, the test database's URL and credentials, then {@code command}. */
    private Cli.Run cairn(String... command) {
        List<String> args = new ArrayList<>(List.of("--classpath", "classes", "--url", database.url()));
        if (database.user() != null) {
            args.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            args.addAll(List.of("--password", database.password()));
        }
        args.addAll(List.of(command));
        Cli.Run run = CairnProcess.java(directory, Map.of(), args.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s%n%s", run.out(), run.err()).isZero();
        return run;
    }

    /** As {@link #cairn}, but expecting {@code exitCode}. */
    private Cli.Run cairnExits(int exitCode, String... command) {
        List<String> args = new ArrayList<>(List.of("--classpath", "classes", "--url", database.url()));
        if (database.user() != null) {
            args.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            args.addAll(List.of("--password", database.password()));
        }
        args.addAll(List.of(command));
        return CairnProcess.java(directory, Map.of(), args.toArray(String[]::new))
                .exits(exitCode);
    }

    private List<String> history() {
        return database.query("SELECT name, batch FROM cairn_migrations ORDER BY version").stream()
                .map(row -> row.get("name") + "@" + row.get("batch"))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB", "H2"})
    void aJavaMigrationFromTheClassPathRunsInOrderIsVerifiedAndRollsBack(Engine engine) throws IOException {
        database = databases.create(engine);
        ClasspathCliIT.project(directory);
        JavaBuild.compile(Files.createDirectories(directory.resolve("classes")), Map.of(ADMINS_CLASS, ADMINS_SOURCE));

        Cli.Run migrate = cairn("migrate");
        assertThat(migrate.out()).contains("up    " + ADMINS, "Applied 3 migrations in batch 1");
        assertThat(history()).containsExactly(USERS + "@1", ADMINS + "@1", POSTS + "@1");
        assertThat(database.tables()).contains("users", "admins", "posts");
        assertThat(database.query("SELECT user_id FROM admins"))
                .singleElement()
                .satisfies(row ->
                        assertThat(((Number) row.get("user_id")).intValue()).isEqualTo(1));

        Cli.Run status = cairn("status", "-v");
        assertThat(status.out())
                .containsPattern(ADMINS + " +applied\n +Adds the admins table, with the first admin.\n")
                .contains("Version 20260103000000, batch 1: 3 applied, 0 pending");

        Cli.Run verify = cairn("verify");
        assertThat(verify.out()).containsPattern("reversible +" + ADMINS).contains("Verified 3 migrations");
        assertThat(database.tables()).contains("users", "admins", "posts");

        Cli.Run rollback = cairn("rollback");
        assertThat(rollback.out()).contains("down  " + ADMINS, "Rolled back 3 migrations of batch 1");
        assertThat(database.tables()).doesNotContain("users", "admins", "posts");
        assertThat(history()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aJavaMigrationThatThrowsIsReportedWithWhatStaysApplied(Engine engine) throws IOException {
        database = databases.create(engine);
        ClasspathCliIT.project(directory);
        JavaBuild.compile(
                Files.createDirectories(directory.resolve("classes")),
                Map.of(
                        ADMINS_CLASS,
                        ADMINS_SOURCE.replace(
                                "statement.execute(\"INSERT INTO admins (user_id) VALUES (1)\");",
                                "throw new IllegalStateException(\"no admin to copy\");")));

        Cli.Run migrate = cairnExits(1, "migrate");

        assertThat(migrate.err())
                .contains("error: Migration " + ADMINS + " (up) failed in "
                        + directory.resolve("classes/db/migrations/V20260102000000__add_admins.class")
                        + ": java.lang.IllegalStateException: no admin to copy")
                .doesNotContain(".class:0");
        if (engine == Engine.POSTGRESQL) {
            // Transactional DDL: the batch is undone, the table the code made too.
            assertThat(migrate.err()).contains("The transaction was rolled back");
            assertThat(database.tables()).doesNotContain("users", "admins");
        } else {
            // DDL commits at once: the migration before stays applied and recorded, and the message says so.
            assertThat(migrate.err()).contains(USERS);
            assertThat(history()).containsExactly(USERS + "@1");
            assertThat(database.tables()).contains("users");
        }
    }
}
