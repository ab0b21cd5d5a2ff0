// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.JavaBuild;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An application that keeps every migration inside its own Spring Boot jar: a Java migration in
 * {@code BOOT-INF/classes}, SQL beside it, and SQL in a library jar nested in {@code BOOT-INF/lib}, all
 * in the package {@code db/migrations}, read through a plain class loader over the jar (as
 * {@code cairn --classpath app.jar} reads it), on every engine.
 */
class FatJarMigrationsIT {

    private static final String V2 = """
            package db.migrations;

            import dev.cairn.JavaMigration;
            import java.sql.Connection;
            import java.sql.PreparedStatement;

            public class V2__add_admin implements JavaMigration {
                @Override
                public void up(Connection connection) throws Exception {
                    String insert = "INSERT INTO users (id, email) VALUES (1, 'boot@example.com')";
                    try (PreparedStatement statement = connection.prepareStatement(insert)) {
                        statement.executeUpdate();
                    }
                }

                @Override
                public void down(Connection connection) throws Exception {
                    try (PreparedStatement statement = connection.prepareStatement("DELETE FROM users")) {
                        statement.executeUpdate();
                    }
                }

                @Override
                public String description() {
                    return "The first administrator, from the application's own jar.";
                }
            }
            """;

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase db;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A Spring Boot style jar: stored entries, the application in BOOT-INF/classes, a library in BOOT-INF/lib. */
    private Path fatJar() {
        Map<String, byte[]> classes =
                new LinkedHashMap<>(JavaBuild.classFiles(Map.of("db.migrations.V2__add_admin", V2)));
        classes.put(
                "db/migrations/3_create_posts.sql",
                utf8("-- migrate:up\nCREATE TABLE posts (id integer PRIMARY KEY);\n"
                        + "-- migrate:down\nDROP TABLE posts;\n"));
        byte[] library = JavaBuild.jarBytes(Map.of(
                "db/migrations/1_create_users.sql",
                utf8("-- Users, from a library the application depends on.\n-- migrate:up\n"
                        + "CREATE TABLE users (id integer PRIMARY KEY, email varchar(100));\n"
                        + "-- migrate:down\nDROP TABLE users;\n")));
        return JavaBuild.bootJar(project.resolve("target/app.jar"), classes, Map.of("lib.jar", library));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migrationsInsideASpringBootJarRunInOrder(Engine engine) throws IOException {
        db = databases.create(engine);
        Path jar = fatJar();

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Cairn cairn = TestCairn.configure(db, project)
                    .locations("classpath:db/migrations")
                    .classLoader(loader)
                    .load();

            MigrateResult result = cairn.migrate();

            assertThat(result.applied())
                    .extracting(MigrationRun::name)
                    .containsExactly("1_create_users", "2_add_admin", "3_create_posts");
            assertThat(db.query("SELECT email FROM users"))
                    .extracting(row -> row.get("email"))
                    .containsExactly("boot@example.com");
            assertThat(db.tableExists("posts")).isTrue();
            assertThat(db.query("SELECT name FROM cairn_migrations ORDER BY id"))
                    .extracting(row -> row.get("name"))
                    .containsExactly("1_create_users", "2_add_admin", "3_create_posts");

            Status status = cairn.status();
            assertThat(status.problems()).isEmpty();
            assertThat(status.migrations())
                    .extracting(m -> m.file().orElseThrow())
                    .containsExactly(
                            Path.of(jar + "!/BOOT-INF/lib/lib.jar!/db/migrations/1_create_users.sql"),
                            Path.of(jar + "!/BOOT-INF/classes/db/migrations/V2__add_admin.class"),
                            Path.of(jar + "!/BOOT-INF/classes/db/migrations/3_create_posts.sql"));
            assertThat(status.migrations())
                    .extracting(Status.Migration::description)
                    .containsExactly(
                            "Users, from a library the application depends on.",
                            "The first administrator, from the application's own jar.",
                            "");
            assertThat(cairn.validate().isValid()).isTrue();
            VerifyResult verified = cairn.verify();
            assertThat(verified.passed(true)).as(verified.toString()).isTrue();
            assertThat(verified.migrations())
                    .extracting(VerifyResult.Checked::name)
                    .containsExactly("1_create_users", "2_add_admin", "3_create_posts");

            assertThat(cairn.rollback().reverted())
                    .extracting(MigrationRun::name)
                    .containsExactly("3_create_posts", "2_add_admin", "1_create_users");
            assertThat(db.tableExists("users")).isFalse();
            assertThat(List.copyOf(db.tables())).doesNotContain("posts");
        }
    }
}
