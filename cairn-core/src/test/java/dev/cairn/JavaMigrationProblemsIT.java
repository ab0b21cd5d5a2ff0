// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.testing.Engine;
import dev.cairn.testing.JavaBuild;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Java migrations that cannot be used, on every engine: {@code validate} and {@code status} list every
 * one of them (not only the first), {@code migrate} refuses before creating anything; and one version in
 * a jar on a {@code classpath:} location and in a {@code filesystem:} directory is refused naming both.
 */
class JavaMigrationProblemsIT {

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase db;

    private Path migrations() throws IOException {
        Path directory = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(directory.resolve("1_create_users.sql"), """
                -- migrate:up
                CREATE TABLE users (id integer PRIMARY KEY, email varchar(100));
                -- migrate:down
                DROP TABLE users;
                """);
        return directory;
    }

    private Cairn withProblems() throws IOException {
        return TestCairn.configure(db, project)
                .locations("filesystem:" + migrations(), "classpath:dev/cairn/javamigrations/problems")
                .load();
    }

    private static final Map<String, Problem.Kind> EVERY_PROBLEM = new LinkedHashMap<>();

    static {
        EVERY_PROBLEM.put("BackfillEmails.class", Problem.Kind.UNPARSEABLE);
        EVERY_PROBLEM.put("V5__declares_a_bad_name.class", Problem.Kind.UNPARSEABLE);
        EVERY_PROBLEM.put("V6__needs_a_service.class", Problem.Kind.UNPARSEABLE);
        EVERY_PROBLEM.put("V7__not_public.class", Problem.Kind.UNPARSEABLE);
        EVERY_PROBLEM.put("Holder$V8__inner.class", Problem.Kind.UNPARSEABLE);
        EVERY_PROBLEM.put("V9__throws_in_constructor.class", Problem.Kind.UNPARSEABLE);
        EVERY_PROBLEM.put("V11__not_public_with_constructor.class", Problem.Kind.UNPARSEABLE);
        EVERY_PROBLEM.put("V1__same_version_as_sql.class", Problem.Kind.DUPLICATE_VERSION);
    }

    private static void assertEveryProblem(List<Problem> problems) {
        Map<String, Problem.Kind> found = new LinkedHashMap<>();
        for (Problem problem : problems) {
            found.put(problem.migration(), problem.kind());
        }
        assertThat(found).containsExactlyInAnyOrderEntriesOf(EVERY_PROBLEM);
        assertThat(problems).hasSize(EVERY_PROBLEM.size());
        assertThat(problems)
                .filteredOn(p -> p.migration().equals("V9__throws_in_constructor.class"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).endsWith(" threw IllegalStateException: no settings file"));
        assertThat(problems)
                .filteredOn(p -> p.migration().equals("V1__same_version_as_sql.class"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has version 1, like ", "1_create_users.sql"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void validateListsEveryUnusableJavaMigration(Engine engine) throws IOException {
        db = databases.create(engine);

        ValidateResult result = withProblems().validate();

        assertThat(result.isValid()).isFalse();
        assertEveryProblem(result.problems());
        assertThat(db.tableExists("cairn_migrations")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusListsEveryUnusableJavaMigrationBesideTheGoodOnes(Engine engine) throws IOException {
        db = databases.create(engine);

        Status status = withProblems().status();

        assertEveryProblem(status.problems());
        assertThat(status.pending()).extracting(Status.Migration::name).containsExactly("1_create_users");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migrateRefusesBeforeChangingAnything(Engine engine) throws IOException {
        db = databases.create(engine);

        MigrationFileException e = catchThrowableOfType(
                MigrationFileException.class, () -> withProblems().migrate());

        assertThat(e).isNotNull();
        assertThat(EVERY_PROBLEM).containsKey(e.file().getFileName().toString());
        assertThat(db.tableExists("users")).isFalse();
        assertThat(db.tableExists("cairn_migrations")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aVersionInAJarAndInADirectoryIsRefusedNamingBoth(Engine engine) throws IOException {
        db = databases.create(engine);
        Path directory = migrations();
        Map<String, byte[]> classes = JavaBuild.classFiles(Map.of("jarmigrations.V1__from_jar", """
                package jarmigrations;

                public class V1__from_jar implements dev.cairn.JavaMigration {
                    @Override
                    public void up(java.sql.Connection connection) {}

                    @Override
                    public void down(java.sql.Connection connection) {}
                }
                """));
        Path jar = JavaBuild.jar(project.resolve("lib/app.jar"), classes);

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Cairn cairn = TestCairn.configure(db, project)
                    .locations("filesystem:" + directory, "classpath:jarmigrations")
                    .classLoader(loader)
                    .load();

            MigrationFileException e = catchThrowableOfType(MigrationFileException.class, cairn::migrate);

            assertThat(e).isNotNull();
            assertThat(e.file()).isEqualTo(Path.of(jar + "!/jarmigrations/V1__from_jar.class"));
            assertThat(e)
                    .hasMessage(jar + "!/jarmigrations/V1__from_jar.class: has version 1, like "
                            + directory.resolve("1_create_users.sql")
                            + "; each migration needs its own version: rename one of them");
            assertThat(db.tableExists("cairn_migrations")).isFalse();
            assertThat(cairn.validate().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(Problem.Kind.DUPLICATE_VERSION);
                assertThat(problem.message()).isEqualTo(e.getMessage());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPlainJarsSqlAndClassesRunInOrderWithTheDirectorys(Engine engine) throws IOException {
        db = databases.create(engine);
        Path directory = migrations();
        Map<String, byte[]> entries =
                new LinkedHashMap<>(JavaBuild.classFiles(Map.of("app.migrations.V2__add_admin", """
                        package app.migrations;

                        import java.sql.Connection;
                        import java.sql.Statement;

                        public class V2__add_admin implements dev.cairn.JavaMigration {
                            @Override
                            public void up(Connection connection) throws Exception {
                                try (Statement statement = connection.createStatement()) {
                                    statement.executeUpdate(
                                            "INSERT INTO users (id, email) VALUES (1, 'jar@example.com')");
                                }
                            }

                            @Override
                            public void down(Connection connection) throws Exception {
                                try (Statement statement = connection.createStatement()) {
                                    statement.executeUpdate("DELETE FROM users");
                                }
                            }

                            @Override
                            public String description() {
                                return "An administrator, from a jar.";
                            }
                        }
                        """)));
        entries.put(
                "app/migrations/3_create_posts.sql",
                "-- migrate:up\nCREATE TABLE posts (id integer PRIMARY KEY);\n-- migrate:down\nDROP TABLE posts;\n"
                        .getBytes(StandardCharsets.UTF_8));
        Path jar = JavaBuild.jar(project.resolve("lib/app.jar"), entries);

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Cairn cairn = TestCairn.configure(db, project)
                    .locations("filesystem:" + directory, "classpath:app/migrations")
                    .classLoader(loader)
                    .load();

            MigrateResult result = cairn.migrate();

            assertThat(result.applied())
                    .extracting(MigrationRun::name)
                    .containsExactly("1_create_users", "2_add_admin", "3_create_posts");
            assertThat(db.query("SELECT email FROM users"))
                    .extracting(row -> row.get("email"))
                    .containsExactly("jar@example.com");
            assertThat(db.tableExists("posts")).isTrue();
            assertThat(cairn.status().migrations())
                    .extracting(m -> m.file().orElseThrow())
                    .containsExactly(
                            directory.resolve("1_create_users.sql"),
                            Path.of(jar + "!/app/migrations/V2__add_admin.class"),
                            Path.of(jar + "!/app/migrations/3_create_posts.sql"));
            assertThat(cairn.status().migrations().get(1).description()).isEqualTo("An administrator, from a jar.");

            assertThat(cairn.rollback().reverted())
                    .extracting(MigrationRun::name)
                    .containsExactly("3_create_posts", "2_add_admin", "1_create_users");
            assertThat(db.tableExists("users")).isFalse();
        }
    }
}
