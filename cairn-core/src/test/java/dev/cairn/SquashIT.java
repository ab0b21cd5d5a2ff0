// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code squash}: years of migrations become one, proven on scratch databases; a new database gets
 * the same schema from it, and a database that applied the old ones carries on as if it had applied
 * the new one.
 */
class SquashIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Path migrations() throws IOException {
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        write(dir, "1_users", """
                CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL);
                CREATE UNIQUE INDEX users_email ON users (email)""", "DROP TABLE users");
        write(dir, "2_posts", """
                CREATE TABLE posts (id integer PRIMARY KEY, author integer NOT NULL REFERENCES users (id),
                  title varchar(200) DEFAULT 'untitled')""", "DROP TABLE posts");
        write(dir, "3_titles", "CREATE VIEW titles AS SELECT id, title FROM posts", "DROP VIEW titles");
        write(
                dir,
                "4_drafts",
                "ALTER TABLE posts ADD COLUMN draft integer DEFAULT 0",
                "ALTER TABLE posts DROP COLUMN draft");
        write(dir, "5_tags", "CREATE TABLE tags (name varchar(50) PRIMARY KEY)", "DROP TABLE tags");
        return dir;
    }

    private static void write(Path dir, String name, String up, String down) throws IOException {
        Files.writeString(dir.resolve(name + ".sql"), "-- migrate:up\n" + up + ";\n-- migrate:down\n" + down + ";\n");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void squashedMigrationsBuildTheSameSchemaAndAnOldDatabaseCarriesOn(Engine engine) throws IOException {
        Path dir = migrations();
        TestDatabase old = databases.create(engine);
        Cairn onOld = TestCairn.configure(old, dir).load();
        onOld.migrate("2");
        onOld.migrate("4");
        SchemaSnapshot before = onOld.schema();

        SquashResult dryRun = onOld.squash("4", true);
        assertThat(dryRun.replaced()).containsExactly("1_users", "2_posts", "3_titles", "4_drafts");
        assertThat(dryRun.text()).contains("-- migrate:up squashed\n").contains("-- migrate:down\n");
        assertThat(files(dir)).hasSize(5);

        SquashResult squashed = onOld.squash("4", false);
        assertThat(squashed.file()).isEqualTo(dir.resolve("4_squashed.sql"));
        assertThat(files(dir)).containsExactly("4_squashed.sql", "5_tags.sql");
        assertThat(Files.readString(squashed.file())).isEqualTo(dryRun.text());
        assertThat(onOld.schema().text()).isEqualTo(before.text()); // the target was not touched

        // The database that applied the old ones reads the squashed one as applied, with no problems.
        Cairn carryOn = TestCairn.configure(old, dir).load();
        assertThat(carryOn.status().migrations())
                .extracting(m -> m.name() + " " + m.stateLabel())
                .containsExactly("4_squashed applied", "5_tags pending");
        assertThat(carryOn.status().problems()).isEmpty();
        assertThat(carryOn.validate().problems()).isEmpty();
        assertThat(TestCairn.tracked(old)).hasSize(4); // nothing written by reading
        assertThat(carryOn.migrate().applied()).extracting(MigrationRun::name).containsExactly("5_tags");
        assertThat(TestCairn.tracked(old)).containsExactly("4_squashed@2:squash", "5_tags@3:null");

        // A new database gets the same schema from the squashed migration.
        TestDatabase fresh = databases.create(engine);
        Cairn onFresh = TestCairn.configure(fresh, dir).load();
        onFresh.migrate();
        assertThat(onFresh.schema().text()).isEqualTo(carryOn.schema().text());
        assertThat(onFresh.rollbackAll().reverted())
                .extracting(MigrationRun::name)
                .containsExactly("5_tags", "4_squashed");
        assertThat(fresh.tableExists("users")).isFalse();
        assertThat(fresh.tableExists("posts")).isFalse();
    }

    @Test
    void aMigrationThatChangesDataOrAFleetOrTheFirstAloneIsRefusedWritingNothing() throws IOException {
        Path dir = migrations();
        Files.writeString(
                dir.resolve("3_titles.sql"),
                "-- migrate:up\nINSERT INTO users VALUES (1, 'root@example.com');\n"
                        + "-- migrate:down\nDELETE FROM users;\n");
        Cairn cairn = TestCairn.configure(databases.create(Engine.SQLITE), dir).load();

        assertThatThrownBy(() -> cairn.squash("4", false))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(
                        "Cannot squash up to 4: 1 migration cannot be replaced by a schema. Nothing was" + " written.")
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsExactly("3_titles changes data (INSERT INTO users VALUES (1, 'root@example.com')); a"
                                + " squash keeps the schema only, so a new database would lack that data: move it to a"
                                + " seed or to a migration after 4"));
        assertThat(files(dir)).hasSize(5);
        assertThatThrownBy(() -> cairn.squash("1", false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("it is the first migration");
        assertThatThrownBy(() -> cairn.squash("9", false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no migration has that version or name");
    }
}
