// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code migrations.locations} written in {@code cairn.yml}, as a project configures it, on every
 * engine: a directory and a package of Java migrations merged into one ordered set; the builder's
 * locations replace the file's.
 */
class ConfiguredLocationsIT {

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase db;

    private Cairn.Builder configured() throws IOException {
        Path directory = Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(directory.resolve("1_create_users.sql"), """
                -- migrate:up
                CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL);
                -- migrate:down
                DROP TABLE users;
                """);
        Files.writeString(project.resolve("cairn.yml"), """
                migrations:
                  locations:
                    - filesystem:db/migrations
                    - classpath:dev/cairn/javamigrations/ok
                environments:
                  development:
                    url: ${APP_DB_URL}
                """);
        Cairn.Builder builder =
                Cairn.configure().configFile(project.resolve("cairn.yml")).variables(Map.of("APP_DB_URL", db.url()));
        if (db.user() != null) {
            builder.user(db.user());
        }
        if (db.password() != null && !db.password().isEmpty()) {
            builder.password(db.password());
        }
        return builder;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void locationsFromCairnYmlAreMergedInVersionOrder(Engine engine) throws IOException {
        db = databases.create(engine);

        MigrateResult result = configured().load().migrate();

        assertThat(result.applied()).extracting(MigrationRun::name).containsExactly("1_create_users", "2_add_admins");
        assertThat(db.query("SELECT email FROM users ORDER BY id"))
                .extracting(row -> row.get("email"))
                .containsExactly("admin1@example.com", "admin2@example.com", "admin3@example.com");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theBuildersLocationsReplaceTheFiles(Engine engine) throws IOException {
        db = databases.create(engine);

        Status status = configured()
                .locations("filesystem:" + project.resolve("db/migrations"))
                .load()
                .status();

        assertThat(status.migrations()).extracting(Status.Migration::name).containsExactly("1_create_users");
    }
}
