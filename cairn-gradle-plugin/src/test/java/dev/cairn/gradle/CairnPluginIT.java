// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Cairn;
import dev.cairn.LintOptions;
import dev.cairn.LintResult;
import dev.cairn.testing.Engine;
import dev.cairn.testing.JavaBuild;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.gradle.api.GradleException;
import org.gradle.api.Project;
import org.gradle.api.Task;
import org.gradle.api.internal.tasks.options.OptionDescriptor;
import org.gradle.api.internal.tasks.options.OptionReader;
import org.gradle.api.logging.Logger;
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
                "cairnMigrate",
                "cairnStatus",
                "cairnRollback",
                "cairnValidate",
                "cairnVerify",
                "cairnLint",
                "cairnSchema")) {
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
    void lintLogsEachFindingAtItsLevelAndFailsTheBuildOnAnError() throws IOException {
        TestDatabase db = databases.create(Engine.SQLITE);
        writeMigrations();
        String drop = "database/migrations/20260101000002_drop_orders.sql";
        Files.writeString(projectDir.resolve(drop), "-- migrate:up\nDROP TABLE orders;\n\n-- migrate:down\n");
        Project project = project();
        connectTo(project, db).getLocations().add("filesystem:database/migrations");
        LintTask lint = (LintTask) project.getTasks().getByName("cairnLint");
        lint.getAll().set(true);

        assertThatThrownBy(() -> run(project, "cairnLint"))
                .isInstanceOf(GradleException.class)
                .hasMessageContaining("lint found 1 error in the SQLite migrations")
                .hasMessageContaining("20260101000002_drop_orders.sql:2 empty-down: table orders is destroyed by the"
                        + " up, and the down is empty");
        assertThat(db.tables()).as("lint runs nothing").doesNotContain("users", "orders");

        // What the task logged, through a logger that keeps each line with its level.
        List<String> logged = new ArrayList<>();
        LintResult result = Cairn.configure()
                .workingDirectory(projectDir)
                .url(db.url())
                .locations("filesystem:database/migrations")
                .load()
                .lint(LintOptions.everyMigration());
        LintTask.log(result, projectDir, recording(logged));
        String file = Path.of(drop).toString();
        assertThat(logged)
                .containsExactly(
                        "warn " + file + ":2: warning drop-table",
                        "warn   drops table orders",
                        "warn   why: Its data is gone for good, and the application version that is still running"
                                + " fails on every query of it.",
                        "warn   fix: Stop using the table in a release first; drop it in a later migration, after a"
                                + " backup, and say so with -- cairn:lint-ignore drop-table above the statement.",
                        "error " + file + ":2: error empty-down",
                        "error   table orders is destroyed by the up, and the down is empty",
                        "error   why: Rolling back runs nothing and reports success: the schema and the history"
                                + " disagree, and the data is gone.",
                        "error   fix: Write the down (restore from a backup table the up keeps), or remove the --"
                                + " migrate:down marker so that the migration is irreversible and rolling it back"
                                + " refuses.",
                        "lifecycle Linted 3 migrations with the SQLite rules: 1 error, 1 warning (a rule's why and"
                                + " fix show at its first finding; -- cairn:lint-ignore RULE on the line above a"
                                + " statement silences one).");

        lint.getAll().set(false);
        lint.getFiles().add("database/migrations/" + CREATE_ORDERS + ".sql");
        run(project, "cairnLint");

        lint.getAll().set(true);
        assertThatThrownBy(() -> run(project, "cairnLint"))
                .isInstanceOf(GradleException.class)
                .hasMessage("cairnLint takes either --file or --all, not both.");
    }

    @Test
    void lintsCommandLineOptionsAreOnesGradleCanSet() {
        Project project = project();
        LintTask lint = (LintTask) project.getTasks().getByName("cairnLint");

        // Gradle's own reader of @Option, as `gradle cairnLint --file A --file B --all` uses it: it refuses a
        // property type it cannot set, which nothing else here would notice before a real build.
        Map<String, OptionDescriptor> options = new OptionReader().getOptions(lint);
        options.get("file").apply(lint, List.of("a.sql", "b.sql"));
        options.get("all").apply(lint, List.of());

        assertThat(lint.getFiles().get()).containsExactly("a.sql", "b.sql");
        assertThat(lint.getAll().get()).isTrue();
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

    /**
     * A Gradle logger that adds each line of error, warn and lifecycle to {@code lines} as {@code level
     * text}, its {@code {}} filled in; Gradle's own logger under ProjectBuilder cannot be read back.
     */
    private static Logger recording(List<String> lines) {
        return (Logger) Proxy.newProxyInstance(
                Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (List.of("error", "warn", "lifecycle").contains(name)
                            && args != null
                            && args[0] instanceof String message) {
                        if (args.length > 1 && args[1] instanceof Object[] values) {
                            for (Object value : values) {
                                message = message.replaceFirst("\\{}", Matcher.quoteReplacement(String.valueOf(value)));
                            }
                        }
                        lines.add(name + " " + message);
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
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
