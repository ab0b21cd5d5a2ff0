// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static dev.cairn.VerifyProject.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code verify()} for a Cairn configured with the application's pool, as Spring Boot apps are: the
 * scratch database goes beside the URL the pool's connections report, reached as the pool's user,
 * and the target is not touched.
 */
class DataSourceVerifyIT {

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void verifiesBesideTheDataSourcesDatabase(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(
                migrations.resolve("1_notes.sql"),
                "-- migrate:up\nCREATE TABLE notes (id integer PRIMARY KEY);\n-- migrate:down\nDROP TABLE notes;\n");
        Files.writeString(
                migrations.resolve("2_tags.sql"),
                "-- migrate:up\nCREATE TABLE tags (id integer PRIMARY KEY);\n-- migrate:down\nDROP TABLE gone;\n");

        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            pool.setMaximumPoolSize(2);
            Cairn cairn = Cairn.configure()
                    .dataSource(pool)
                    .migrationsDirectory(migrations)
                    .load();

            VerifyResult result = cairn.verify();

            assertThat(verdicts(result)).containsExactly("1_notes reversible", "2_tags down-failed");
            assertThat(result.passed(false)).isFalse();
            assertThat(cairn.status().applied()).isEmpty();
        }
        assertThat(db.tableExists("notes")).isFalse();
    }
}
