// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeMigrationTest {

    @TempDir
    Path project;

    private MakeMigration commandsAt(String instant) {
        Settings.Draft draft = new Settings.Draft();
        draft.url = "jdbc:sqlite:" + project.resolve("dev.sqlite3");
        draft.migrationsDirectory = project.resolve("db/migrations");
        return new MakeMigration(Settings.resolve(draft, null), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void makeNamesTheFileWithTheUtcTimeAndASlugAndWritesBothMarkers() throws IOException {
        Path file = commandsAt("2026-11-24T15:30:00Z").make("  Create Users & Roles! ");

        assertThat(file).isEqualTo(project.resolve("db/migrations/20261124153000_create_users_roles.sql"));
        assertThat(Files.readString(file)).isEqualTo("-- migrate:up\n\n\n-- migrate:down\n\n");
        // What make writes is a valid, reversible, empty migration.
        List<Migration> migrations = MigrationDirectory.scan(project.resolve("db/migrations"));
        assertThat(migrations)
                .singleElement()
                .satisfies(m -> assertThat(m.reversible()).isTrue());
    }

    @Test
    void makeNeverReusesAVersionWithinTheSameSecond() throws IOException {
        MakeMigration commands = commandsAt("2026-11-24T15:30:00Z");
        Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(project.resolve("db/migrations/20261124153001_taken.sql"), "-- migrate:up\n");

        Path first = commands.make("a");
        Path second = commands.make("b");

        assertThat(first.getFileName().toString()).isEqualTo("20261124153000_a.sql");
        assertThat(second.getFileName().toString()).isEqualTo("20261124153002_b.sql");
        assertThat(MigrationDirectory.scan(project.resolve("db/migrations"))).hasSize(3);
    }

    @Test
    void makeRefusesANameWithoutLettersOrDigits() {
        assertThatThrownBy(() -> commandsAt("2026-11-24T15:30:00Z").make("--- !"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cairn make create_users");
        assertThat(project.resolve("db/migrations")).doesNotExist();
    }
}
