// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.Engine;
import dev.cairn.testing.JavaBuild;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gradle.api.GradleException;
import org.gradle.api.Project;
import org.gradle.api.Task;
import org.gradle.testfixtures.ProjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plugin in a Gradle project made by Gradle's {@code ProjectBuilder} (Gradle itself cannot be run
 * here): the tasks are executed as Gradle would execute them, against real databases, and what they
 * did is read back from the database.
 */
class CairnPluginIT {

    private static final String CREATE_USERS = "20260101000000_create_users";
    private static final String CREATE_ORDERS = "20260101000001_create_orders";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path projectDir;

    @Test
    void addsTheExtensionAndOneTaskPerCommandInTheCairnGroup() {
        Project project = project();

        assertThat(project.getExtensions().findByType(CairnExtension.class)).isNotNull();
        for (String name : List.of(
                "cairnMigrate", "cairnStatus", "cairnRollback", "cairnValidate", "cairnVerify", "cairnSchema")) {
            Task task = project.getTasks().getByName(name);
            assertThat(task.getGroup()).as(name).isEqualTo("cairn");
            assertThat(task.getDescription()).as(name).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratesRollsBackAndReportsOnEachDatabase(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        writeMigrations();
        Project project = project();
        CairnExtension cairn = connectTo(project, db);
        cairn.getLocations().add("filesystem:database/migrations");

        run(project, "cairnMigrate");
        assertThat(db.tables()).contains("users", "orders", "cairn_migrations");
        assertThat(db.query("SELECT name, batch FROM cairn_migrations ORDER BY name"))
                .extracting(row -> row.get("name") + "@" + row.get("batch"))
                .containsExactly(CREATE_USERS + "@1", CREATE_ORDERS + "@1");

        run(project, "cairnStatus");
        run(project, "cairnValidate");
        run(project, "cairnSchema");

        RollbackTask rollback = (RollbackTask) project.getTasks().getByName("cairnRollback");
        rollback.getTo().set("20260101000000");
        run(project, "cairnRollback");
        assertThat(db.tables()).contains("users").doesNotContain("orders");

        rollback.getTo().set((String) null);
        rollback.getAll().set(true);
        run(project, "cairnRollback");
        assertThat(db.tables()).doesNotContain("users", "orders");
        assertThat(db.query("SELECT name FROM cairn_migrations")).isEmpty();
    }

    @Test
    void readsTheProjectsCairnYmlAndATargetVersion() throws IOException {
        TestDatabase db = databases.create(Engine.SQLITE);
        writeMigrations();
        Files.writeString(
                projectDir.resolve("cairn.yml"),
                "migrations:\n  directory: database/migrations\nenvironments:\n  development:\n    url: " + db.url()
                        + "\n");
        Project project = project();
        ((MigrateTask) project.getTasks().getByName("cairnMigrate")).getTarget().set("20260101000000");

        run(project, "cairnMigrate");

        assertThat(db.tables()).contains("users").doesNotContain("orders");
    }

    @Test
    void aJavaMigrationAndItsDriverComeFromTheClassPath() throws IOException {
        TestDatabase db = databases.create(Engine.SQLITE);
        Path classes = JavaBuild.compile(
                projectDir.resolve("build/classes/java/main"),
                Map.of("db.migrations.V20260101000002__seed_users", """
                        package db.migrations;

                        import dev.cairn.JavaMigration;
                        import java.sql.Connection;
                        import java.sql.Statement;

                        public class V20260101000002__seed_users implements JavaMigration {
                            @Override
                            public void up(Connection connection) throws Exception {
                                try (Statement statement = connection.createStatement()) {
                                    statement.executeUpdate(
                                            "INSERT INTO users (id, email) VALUES (1, 'a@example.com')");
                                }
                            }
                        }
                        """));
        writeMigrations();
        Project project = project();
        CairnExtension cairn = connectTo(project, db);
        cairn.getLocations().addAll("filesystem:database/migrations", "classpath:db/migrations");
        cairn.getClasspath().from(classes.toFile());

        run(project, "cairnMigrate");

        assertThat(db.query("SELECT email FROM users"))
                .extracting(row -> row.get("email"))
                .containsExactly("a@example.com");
        assertThat(db.query("SELECT name FROM cairn_migrations WHERE name LIKE '%seed%'"))
                .hasSize(1);
    }

    @Test
    void aJavaProjectsRuntimeClassPathIsCairnsClassPath() {
        Project project = project();
        project.getPluginManager().apply("java");

        CairnExtension cairn = project.getExtensions().getByType(CairnExtension.class);
        assertThat(cairn.getClasspath().getFiles())
                .extracting(File::toPath)
                .contains(projectDir.resolve("build/classes/java/main"), projectDir.resolve("build/resources/main"));
        Task migrate = project.getTasks().getByName("cairnMigrate");
        assertThat(migrate.getTaskDependencies().getDependencies(migrate))
                .as("the project is built before its migrations run")
                .extracting(Task::getName)
                .contains("classes", "compileJava");
    }

    @Test
    void aFailingMigrationFailsTheBuildWithCairnsMessage() throws IOException {
        TestDatabase db = databases.create(Engine.SQLITE);
        writeMigrations();
        Files.writeString(
                projectDir.resolve("database/migrations/20260101000002_broken.sql"),
                "-- migrate:up\nCREATE TABLE ok (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n"
                        + "-- migrate:down\nDROP TABLE ok;\n");
        Project project = project();
        connectTo(project, db).getLocations().add("filesystem:database/migrations");

        assertThatThrownBy(() -> run(project, "cairnMigrate"))
                .isInstanceOf(GradleException.class)
                .hasMessageContaining("20260101000002_broken")
                .hasMessageContaining("20260101000002_broken.sql:3")
                .hasMessageContaining("no such table");
        assertThat(db.tables()).doesNotContain("ok", "users");
    }

    @Test
    void verifyFailsTheBuildWhenADownDoesNotRestoreTheSchema() throws IOException {
        TestDatabase db = databases.create(Engine.SQLITE);
        writeMigrations();
        Files.writeString(
                projectDir.resolve("database/migrations/20260101000002_add_column.sql"),
                "-- migrate:up\nALTER TABLE users ADD COLUMN nickname VARCHAR(50);\n-- migrate:down\nSELECT 1;\n");
        Project project = project();
        connectTo(project, db).getLocations().add("filesystem:database/migrations");

        assertThatThrownBy(() -> run(project, "cairnVerify"))
                .isInstanceOf(GradleException.class)
                .hasMessageContaining("20260101000002_add_column");
        assertThat(db.tables()).as("verify works on a scratch database").doesNotContain("users");
    }

    @Test
    void verifyTakesItsOptionsAndRefusesFromWithPending() throws IOException {
        TestDatabase db = databases.create(Engine.SQLITE);
        writeMigrations();
        Project project = project();
        connectTo(project, db).getLocations().add("filesystem:database/migrations");
        VerifyTask verify = (VerifyTask) project.getTasks().getByName("cairnVerify");
        verify.getRoundTrip().set(true);

        run(project, "cairnVerify");

        verify.getFrom().set("20260101000001");
        verify.getPending().set(true);
        assertThatThrownBy(() -> run(project, "cairnVerify"))
                .isInstanceOf(GradleException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void rollbackRefusesTwoFormsAtOnce() {
        TestDatabase db = databases.create(Engine.SQLITE);
        Project project = project();
        connectTo(project, db);
        RollbackTask rollback = (RollbackTask) project.getTasks().getByName("cairnRollback");
        rollback.getAll().set(true);
        rollback.getToBatch().set("2");

        assertThatThrownBy(() -> run(project, "cairnRollback"))
                .isInstanceOf(GradleException.class)
                .hasMessage("cairnRollback takes one of --to, --to-batch and --all, not 2.");
    }

    private Project project() {
        Project project = ProjectBuilder.builder()
                .withProjectDir(projectDir.toFile())
                .withGradleUserHomeDir(projectDir.resolve(".gradle-home").toFile())
                .build();
        project.getPluginManager().apply("dev.cairn.migrations");
        return project;
    }

    private static CairnExtension connectTo(Project project, TestDatabase db) {
        CairnExtension cairn = project.getExtensions().getByType(CairnExtension.class);
        cairn.getUrl().set(db.url());
        if (db.user() != null) {
            cairn.getUser().set(db.user());
        }
        if (db.password() != null) {
            cairn.getPassword().set(db.password());
        }
        return cairn;
    }

    /** Executes a task's actions as Gradle does when it runs the task. */
    private static void run(Project project, String name) {
        Task task = project.getTasks().getByName(name);
        task.getActions().forEach(action -> action.execute(task));
    }

    private void writeMigrations() throws IOException {
        Path migrations = Files.createDirectories(projectDir.resolve("database/migrations"));
        Files.writeString(
                migrations.resolve(CREATE_USERS + ".sql"),
                "-- migrate:up\nCREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200));\n"
                        + "-- migrate:down\nDROP TABLE users;\n");
        Files.writeString(
                migrations.resolve(CREATE_ORDERS + ".sql"),
                "-- migrate:up\nCREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER);\n"
                        + "-- migrate:down\nDROP TABLE orders;\n");
    }
}
