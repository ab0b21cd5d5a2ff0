// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import dev.cairn.MigrationFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void readsASingleFileMigrationWithDescriptionSectionsAndTheirLines() throws IOException {
        write("20261124153000_create_users.sql", """
                -- Creates the users table.
                -- Breaking: none.

                -- migrate:up
                CREATE TABLE users (id bigint PRIMARY KEY);
                -- migrate:down
                DROP TABLE users;
                """);

        Migration migration = single();

        assertThat(migration.name()).isEqualTo("20261124153000_create_users");
        assertThat(migration.version().text()).isEqualTo("20261124153000");
        assertThat(migration.description()).isEqualTo("Creates the users table.\nBreaking: none.");
        assertThat(migration.up().text()).isEqualTo("CREATE TABLE users (id bigint PRIMARY KEY);\n");
        assertThat(migration.up().firstLine()).isEqualTo(5);
        assertThat(migration.up().transactional()).isTrue();
        assertThat(migration.down().text()).isEqualTo("DROP TABLE users;\n");
        assertThat(migration.down().firstLine()).isEqualTo(7);
        assertThat(migration.reversible()).isTrue();
    }

    @Test
    void aMarkerCanRunItsSectionOutsideATransaction() throws IOException {
        write("2_index.sql", """
                -- migrate:up transaction:false
                CREATE INDEX CONCURRENTLY users_email ON users (email);
                -- migrate:down   transaction:false
                DROP INDEX CONCURRENTLY users_email;
                """);

        Migration migration = single();

        assertThat(migration.up().transactional()).isFalse();
        assertThat(migration.down().transactional()).isFalse();
    }

    @Test
    void withoutADownMarkerTheMigrationIsIrreversibleAndAnEmptyDownIsANoOp() throws IOException {
        write("1_irreversible.sql", "-- migrate:up\nDROP TABLE old;\n");
        write("2_noop_down.sql", "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\n");

        List<Migration> migrations = MigrationDirectory.scan(dir);

        assertThat(migrations.get(0).reversible()).isFalse();
        assertThat(migrations.get(0).section(dev.cairn.Direction.DOWN)).isEmpty();
        assertThat(migrations.get(1).reversible()).isTrue();
        assertThat(migrations.get(1).down().text()).isEmpty();
    }

    @Test
    void ordersByNumericVersionNotByText() throws IOException {
        write("100_c.sql", "-- migrate:up\n");
        write("9_a.sql", "-- migrate:up\n");
        write("10_b.sql", "-- migrate:up\n");
        write("20261124153000_d.sql", "-- migrate:up\n");

        assertThat(MigrationDirectory.scan(dir))
                .extracting(Migration::name)
                .containsExactly("9_a", "10_b", "100_c", "20261124153000_d");
    }

    @Test
    void readsThePairedLayoutWithAnOptionalDownFile() throws IOException {
        write("001_users.up.sql", "-- Users.\nCREATE TABLE users (id int);\n");
        write("001_users.down.sql", "DROP TABLE users;\n");
        write("002_seed.up.sql", "-- migrate:up transaction:false\nVACUUM;\n");

        List<Migration> migrations = MigrationDirectory.scan(dir);

        Migration users = migrations.get(0);
        assertThat(users.name()).isEqualTo("001_users");
        assertThat(users.description()).isEqualTo("Users.");
        assertThat(users.up().text()).contains("CREATE TABLE users");
        assertThat(users.up().firstLine()).isEqualTo(1);
        assertThat(users.down().file().getFileName().toString()).isEqualTo("001_users.down.sql");
        assertThat(users.down().text()).isEqualTo("DROP TABLE users;\n");
        Migration seed = migrations.get(1);
        assertThat(seed.reversible()).isFalse();
        assertThat(seed.up().transactional()).isFalse();
        assertThat(seed.up().firstLine()).isEqualTo(2);
    }

    @Test
    void ignoresHiddenFilesOtherExtensionsAndSubdirectories() throws IOException {
        write("1_a.sql", "-- migrate:up\n");
        write(".#1_a.sql", "garbage");
        write("README.md", "notes");
        Files.createDirectories(dir.resolve("2_archive.sql"));

        assertThat(MigrationDirectory.scan(dir)).extracting(Migration::name).containsExactly("1_a");
    }

    @Test
    void checksumIgnoresBomAndWindowsLineEndingsButNotContent() throws IOException {
        write("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n");
        String lf = single().checksum();
        Files.delete(dir.resolve("1_a.sql"));

        byte[] crlfWithBom = ("\uFEFF-- migrate:up\r\nCREATE TABLE a (id int);\r\n").getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("1_a.sql"), crlfWithBom);
        Migration windows = single();
        assertThat(windows.checksum()).isEqualTo(lf).hasSize(64);
        assertThat(windows.up().text()).isEqualTo("CREATE TABLE a (id int);\r\n");

        write("1_a.sql", "-- migrate:up\nCREATE TABLE a (id bigint);\n");
        assertThat(single().checksum()).isNotEqualTo(lf);
    }

    @Test
    void refusesTwoFilesWithTheSameNumericVersion() throws IOException {
        write("001_a.sql", "-- migrate:up\n");
        write("1_b.sql", "-- migrate:up\n");

        assertThatThrownBy(() -> MigrationDirectory.scan(dir))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("1_b.sql")
                .hasMessageContaining("001_a.sql")
                .hasMessageContaining("version 1");
    }

    @Test
    void refusesAFileWhoseNameHasNoVersion() throws IOException {
        write("create_users.sql", "-- migrate:up\n");

        assertThatThrownBy(() -> MigrationDirectory.scan(dir))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("create_users.sql: does not start with a version")
                .hasMessageContaining("cairn make");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        write("1_empty.sql", "  \n\n");

        assertThatThrownBy(() -> MigrationDirectory.scan(dir))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("1_empty.sql: is empty");
    }

    @Test
    void refusesAFileWithoutAnUpMarker() throws IOException {
        write("1_plain.sql", "CREATE TABLE t (id int);\n");

        assertThatThrownBy(() -> MigrationDirectory.scan(dir))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("1_plain.sql:1: SQL before the `-- migrate:up` marker");

        write("1_plain.sql", "-- just a comment\n");
        assertThatThrownBy(() -> MigrationDirectory.scan(dir))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("1_plain.sql: has no `-- migrate:up` marker");
    }

    @Test
    void refusesMisplacedAndRepeatedMarkersWithTheirLine() throws IOException {
        write("1_a.sql", "-- migrate:down\nDROP TABLE t;\n-- migrate:up\n");
        assertFileError("1_a.sql:1: `-- migrate:down` comes before `-- migrate:up`");

        write("1_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:up\n");
        assertFileError("1_a.sql:3: a second `-- migrate:up` marker (the first is on line 1)");

        write("1_a.sql", "-- migrate:up\n-- migrate:down\n-- migrate:down\n");
        assertFileError("1_a.sql:3: a second `-- migrate:down` marker");

        write("1_a.sql", "-- migrate:up transactions:false\n");
        assertFileError("1_a.sql:1: unknown option `transactions:false`");

        write("1_a.sql", "-- migrate:sideways\n");
        assertFileError("1_a.sql:1: unknown marker `-- migrate:sideways`");
    }

    @Test
    void markersWrittenOtherwiseThanUsualReadAsThePatternSays() throws IOException {
        // The usual form is read without the pattern; each of these is not that form.
        write("1_a.sql", "-- Migrate:UP\nSELECT 1;\n--migrate:down\ttransaction:false\nSELECT 2;\n");
        Migration migration = single();
        assertThat(migration.up().text()).isEqualTo("SELECT 1;\n");
        assertThat(migration.down().text()).isEqualTo("SELECT 2;\n");
        assertThat(migration.down().transactional()).isFalse();

        write("1_a.sql", "-- migrate:upper\n");
        assertFileError("1_a.sql:1: unknown marker `-- migrate:upper`");

        // No word boundary after the word, or a line break character the pattern's "." refuses:
        // comment lines, so the SQL below them comes before any marker.
        for (String notAMarker : List.of("-- migrate:up2", "-- migrate:up_x", "-- migrate:up x\u2028y")) {
            write("1_a.sql", notAMarker + "\nSELECT 1;\n");
            assertFileError("1_a.sql:2: SQL before the `-- migrate:up` marker");
        }
    }

    @Test
    void refusesPairedFilesThatDoNotPair() throws IOException {
        write("1_a.down.sql", "DROP TABLE a;\n");
        assertFileError("1_a.down.sql: has no 1_a.up.sql beside it");
        Files.delete(dir.resolve("1_a.down.sql"));

        write("1_a.up.sql", "CREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");
        assertFileError("1_a.up.sql:2: a `-- migrate:down` marker in a .up.sql file");

        write("1_a.up.sql", "CREATE TABLE a (id int);\n");
        write("1_a.sql", "-- migrate:up\n");
        assertFileError("the migration 1_a is also in 1_a.up.sql");
    }

    @Test
    void refusesAFileThatIsNotUtf8NamingTheLine() throws IOException {
        byte[] latin1 = "-- migrate:up\nINSERT INTO t VALUES ('caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("1_latin1.sql"), latin1);

        assertFileError("1_latin1.sql:2: is not valid UTF-8");
    }

    @Test
    void readsAReplacementCharacterWrittenInTheFileAsValidUtf8() throws IOException {
        // U+FFFD is what lenient decoding puts for a bad byte; written in the file, it is valid text.
        Files.writeString(dir.resolve("1_odd.sql"), "-- migrate:up\nINSERT INTO t VALUES ('\uFFFD');\n");
        Files.write(
                dir.resolve("2_bad.sql"),
                "-- migrate:up\nINSERT INTO t VALUES ('\uFFFD', 'caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1));

        MigrationDirectory.Scan scan = MigrationDirectory.scanAll(dir);

        assertThat(scan.migrations())
                .singleElement()
                .satisfies(m -> assertThat(m.up().text()).contains("'\uFFFD'"));
        assertThat(scan.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.error().getMessage()).contains("2_bad.sql:2: is not valid UTF-8"));
    }

    @Test
    void aMissingDirectoryIsAConfigurationErrorThatSaysWhatToDo() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> MigrationDirectory.scan(missing))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("cairn make");
    }

    @Test
    void versionsCompareAsNumbersOfAnySize() {
        assertThat(new Version("9")).isLessThan(new Version("10"));
        assertThat(new Version("0009").sameAs(new Version("9"))).isTrue();
        assertThat(new Version("99999999999999999999")).isLessThan(new Version("100000000000000000000"));
        assertThat(Version.leadingDigitsOf("20261124_x")).isEqualTo(new Version("20261124"));
        assertThat(Version.leadingDigitsOf("x_1")).isNull();
    }

    @Test
    void manyFilesComeOutInOrderWithEveryErrorInOrder() throws IOException {
        for (int i = 1; i <= 600; i++) {
            String name = String.format("%04d_t%04d", i, i);
            if (i % 3 == 0) {
                write(name + ".up.sql", "CREATE TABLE t" + i + " (id int);\n");
                write(name + ".down.sql", "DROP TABLE t" + i + ";\n");
            } else if (i == 100 || i == 451) {
                write(name + ".sql", "CREATE TABLE broken (id int);\n"); // no marker
            } else {
                write(
                        name + ".sql",
                        "-- migrate:up\nCREATE TABLE t" + i + " (id int);\n-- migrate:down\nDROP TABLE t" + i + ";\n");
            }
        }
        write("0300_t0300.sql", "-- migrate:up\nSELECT 1;\n"); // 0300 is paired too: both layouts
        write("0601_orphan.down.sql", "DROP TABLE nothing;\n");
        write("0602_empty.up.sql", "");

        MigrationDirectory.Scan scan = MigrationDirectory.scanAll(dir);

        assertThat(scan.migrations()).hasSize(600 - 2);
        assertThat(scan.migrations())
                .extracting(migration -> migration.version().text())
                .isSorted()
                .doesNotContain("0100", "0451")
                .contains("0300");
        assertThat(scan.migrations().get(1).up().text()).isEqualTo("CREATE TABLE t2 (id int);\n");
        assertThat(scan.migrations().get(1).checksum())
                .isEqualTo(Checksum.of(Files.readAllBytes(dir.resolve("0002_t0002.sql"))));
        // Single files first, in name order, then a down file without its up, then the paired files.
        assertThat(scan.errors())
                .extracting(error -> error.error().file().getFileName().toString())
                .containsExactly(
                        "0100_t0100.sql",
                        "0300_t0300.sql",
                        "0451_t0451.sql",
                        "0601_orphan.down.sql",
                        "0602_empty.up.sql");
        // scan() reports the first of them.
        assertFileError("0100_t0100.sql");
    }

    private void assertFileError(String expected) {
        assertThatThrownBy(() -> MigrationDirectory.scan(dir))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining(expected);
    }

    private Migration single() {
        List<Migration> migrations = MigrationDirectory.scan(dir);
        assertThat(migrations).hasSize(1);
        return migrations.get(0);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
