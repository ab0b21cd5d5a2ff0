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

    @Test
    void makeKeepsLettersAndDigitsOfEveryScript() {
        MakeMigration commands = commandsAt("2026-11-24T15:30:00Z");

        assertThat(commands.make("表").getFileName().toString()).isEqualTo("20261124153000_表.sql");
        assertThat(commands.make("ünï cødé").getFileName().toString()).isEqualTo("20261124153001_ünï_cødé.sql");
        // A decomposed ü (u and a combining diaeresis, as macOS spells file names) is the same name.
        assertThat(commands.make("Mu\u0308ller Ölçü").getFileName().toString())
                .isEqualTo("20261124153002_m\u00fcller_\u00f6l\u00e7\u00fc.sql");
        assertThat(MigrationDirectory.scan(project.resolve("db/migrations")))
                .extracting(Migration::name)
                .containsExactly("20261124153000_表", "20261124153001_ünï_cødé", "20261124153002_müller_ölçü");
    }

    @Test
    void makeRefusesANameTooLongForAFileSystemAndSaysHowLongItMayBe() {
        MakeMigration commands = commandsAt("2026-11-24T15:30:00Z");

        assertThatThrownBy(() -> commands.make("a".repeat(300)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("file name would be 319 bytes")
                .hasMessageContaining("at most 236 bytes")
                .hasMessageContaining("Nothing was written");
        // 80 CJK letters are 240 bytes in UTF-8: too long, though only 80 characters.
        assertThatThrownBy(() -> commands.make("表".repeat(80)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("would be 259 bytes");
        assertThat(project.resolve("db/migrations")).doesNotExist();

        // The longest name that fits is written, and read back as a migration.
        Path longest = commands.make("a".repeat(236));
        assertThat(longest.getFileName().toString()).hasSize(255);
        assertThat(MigrationDirectory.scan(project.resolve("db/migrations"))).hasSize(1);
    }

    @Test
    void makeSaysWhyTheDirectoryCannotBeWritten() throws IOException {
        // A file where the migrations directory should be (permissions would not stop root, which runs CI).
        Files.writeString(project.resolve("db"), "not a directory");

        assertThatThrownBy(() -> commandsAt("2026-11-24T15:30:00Z").make("x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Cannot write a migration in " + project.resolve("db/migrations"))
                .hasMessageContaining("migrations.directory in cairn.yml");
    }
}
