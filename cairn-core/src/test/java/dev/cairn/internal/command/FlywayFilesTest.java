// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.ConfigurationException;
import dev.cairn.FileImportResult;
import dev.cairn.FileImportResult.Converted;
import dev.cairn.ValidationException;
import dev.cairn.internal.source.FlywayName;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayFilesTest {

    @TempDir
    Path project;

    private Path flyway() {
        return project.resolve("flyway");
    }

    private Path migrations() {
        return project.resolve("db/migrations");
    }

    private void flywayFile(String path, String content) throws IOException {
        flywayFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private void flywayFile(String path, byte[] content) throws IOException {
        Path file = flyway().resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private FileImportResult convert() {
        return FlywayFiles.convert(flyway(), migrations(), false);
    }

    /** What Cairn's own reader makes of the converted directory. */
    private List<Migration> readBack() {
        return MigrationDirectory.scan(migrations());
    }

    private static List<String> statements(Section section) {
        return section.statements(SplitRules.POSTGRESQL).stream()
                .map(Statement::sql)
                .toList();
    }

    private List<String> migrationFiles() throws IOException {
        if (!Files.exists(migrations())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void integerVersionsKeepTheirTextAndAnUndoFileBecomesTheDownSection() throws IOException {
        flywayFile("V001__init.sql", "CREATE TABLE users (id int);\n");
        flywayFile("V2__add_posts.sql", "CREATE TABLE posts (id int);\nCREATE INDEX posts_id ON posts (id);\n");
        flywayFile("U2__add_posts.sql", "DROP TABLE posts;\n");
        flywayFile("V20240101120000__Add_Tags.sql", "CREATE TABLE tags (id int);\n");

        FileImportResult result = convert();

        assertThat(result.converted())
                .containsExactly(
                        new Converted("V001__init.sql", Optional.empty(), "001_init.sql", false),
                        new Converted("V2__add_posts.sql", Optional.of("U2__add_posts.sql"), "2_add_posts.sql", true),
                        new Converted(
                                "V20240101120000__Add_Tags.sql",
                                Optional.empty(),
                                "20240101120000_Add_Tags.sql",
                                false));
        assertThat(result.skipped()).isEmpty();
        assertThat(result.notes()).isEmpty();
        assertThat(result.dryRun()).isFalse();
        assertThat(Files.readString(migrations().resolve("2_add_posts.sql")))
                .isEqualTo("-- Converted from Flyway's V2__add_posts.sql (undo: U2__add_posts.sql)\n"
                        + "-- migrate:up\n"
                        + "CREATE TABLE posts (id int);\nCREATE INDEX posts_id ON posts (id);\n"
                        + "-- migrate:down\n"
                        + "DROP TABLE posts;\n");

        List<Migration> migrations = readBack();
        assertThat(migrations)
                .extracting(Migration::name)
                .containsExactly("001_init", "2_add_posts", "20240101120000_Add_Tags");
        assertThat(migrations).extracting(m -> m.version().text()).containsExactly("001", "2", "20240101120000");
        assertThat(migrations).extracting(Migration::reversible).containsExactly(false, true, false);
        Migration posts = migrations.get(1);
        assertThat(posts.description())
                .isEqualTo("Converted from Flyway's V2__add_posts.sql (undo: U2__add_posts.sql)");
        assertThat(statements(posts.up()))
                .containsExactly("CREATE TABLE posts (id int)", "CREATE INDEX posts_id ON posts (id)");
        assertThat(statements(posts.down())).containsExactly("DROP TABLE posts");
        assertThat(posts.up().transactional()).isTrue();
        assertThat(migrations.get(0).down()).isNull();
        assertThat(statements(migrations.get(0).up())).containsExactly("CREATE TABLE users (id int)");
    }

    @Test
    void versionsWithSeveralPartsAreRenumberedInTheirOrder() throws IOException {
        flywayFile("V2__d.sql", "SELECT 4;\n");
        flywayFile("V1_10__c.sql", "SELECT 3;\n"); // Flyway reads 1_10 as 1.10
        flywayFile("V1.1__b.sql", "SELECT 2;\n");
        flywayFile("V1__a.sql", "SELECT 1;\n");
        flywayFile("U1.10__c.sql", "SELECT -3;\n"); // undoes 1_10: one version to Flyway

        FileImportResult result = convert();

        assertThat(result.converted())
                .extracting(Converted::from, Converted::to)
                .containsExactly(
                        tuple("V1__a.sql", "100_a.sql"),
                        tuple("V1.1__b.sql", "101_b.sql"),
                        tuple("V1_10__c.sql", "110_c.sql"),
                        tuple("V2__d.sql", "200_d.sql"));
        assertThat(result.converted().get(2).undo()).contains("U1.10__c.sql");
        assertThat(result.notes())
                .singleElement()
                .asString()
                .contains(
                        "renumbered", "(V1.1__b.sql is 101_b.sql)", "`cairn import flyway`", "name after the version");

        List<Migration> migrations = readBack();
        assertThat(migrations).extracting(Migration::name).containsExactly("100_a", "101_b", "110_c", "200_d");
        assertThat(migrations)
                .extracting(m -> statements(m.up()).get(0))
                .containsExactly("SELECT 1", "SELECT 2", "SELECT 3", "SELECT 4");
        assertThat(migrations).extracting(Migration::reversible).containsExactly(false, false, true, false);
        assertThat(statements(migrations.get(2).down())).containsExactly("SELECT -3");
    }

    @Test
    void renumberedMigrationsOfOneNameAreNamedInTheNote() throws IOException {
        flywayFile("V1.1__update.sql", "SELECT 1;\n");
        flywayFile("V1.2__update.sql", "SELECT 2;\n");

        FileImportResult result = convert();

        assertThat(result.notes())
                .singleElement()
                .asString()
                .endsWith(" 11_update.sql and 12_update.sql have one name after the version (update): rename all"
                        + " but one (keeping the version) before importing the history.");
        assertThat(readBack()).extracting(Migration::name).containsExactly("11_update", "12_update");
    }

    @Test
    void eachPositionIsPaddedToItsOwnWidestNumber() throws IOException {
        flywayFile("V3__c.sql", "SELECT 3;\n");
        flywayFile("V1.2.3__a.sql", "SELECT 1;\n");
        flywayFile("V1.10__b.sql", "SELECT 2;\n");

        convert();

        assertThat(readBack()).extracting(Migration::name).containsExactly("1023_a", "1100_b", "3000_c");
    }

    @Test
    void executeInTransactionFalseInAConfFilePutsTransactionFalseOnThatScriptsMarker() throws IOException {
        flywayFile("V1__index.sql", "CREATE INDEX CONCURRENTLY i ON t (x);\n");
        flywayFile("V1__index.sql.conf", "executeInTransaction=false\nencoding=UTF-8\n");
        flywayFile("U1__index.sql", "DROP INDEX CONCURRENTLY i;\n");
        flywayFile("U1__index.sql.conf", "executeInTransaction = FALSE\n");
        flywayFile("V2__plain.sql", "SELECT 1;\n");
        flywayFile("U2__plain.sql", "SELECT 2;\n");
        flywayFile("U2__plain.sql.conf", "executeInTransaction=false\n");

        FileImportResult result = convert();

        assertThat(Files.readString(migrations().resolve("1_index.sql")))
                .contains("-- migrate:up transaction:false\n", "-- migrate:down transaction:false\n");
        assertThat(result.notes())
                .containsExactly("V1__index.sql.conf sets encoding, which the conversion does not carry over: check"
                        + " 1_index.sql.");
        List<Migration> migrations = readBack();
        assertThat(migrations.get(0).up().transactional()).isFalse();
        assertThat(migrations.get(0).down().transactional()).isFalse();
        assertThat(migrations.get(1).up().transactional()).isTrue();
        assertThat(migrations.get(1).down().transactional()).isFalse();
    }

    @Test
    void repeatablesCallbacksJavaAndOtherFilesAreListedNotConverted() throws IOException {
        flywayFile("V1__init.sql", "CREATE TABLE t (id int);\n");
        flywayFile("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
        flywayFile("beforeMigrate.sql", "SELECT 1;\n");
        flywayFile("afterMigrate__grants.sql", "GRANT SELECT ON t TO app;\n");
        flywayFile("java/V3__Backfill.java", "class V3__Backfill {}\n");
        flywayFile("notes.sql", "-- scratch\n");
        flywayFile("V1a__bad_version.sql", "SELECT 1;\n");
        flywayFile("U9__orphan.sql", "SELECT 1;\n");
        flywayFile("README.md", "ignored without a word\n");

        FileImportResult result = convert();

        assertThat(result.converted()).extracting(Converted::to).containsExactly("1_init.sql");
        assertThat(result.skipped())
                .containsExactlyInAnyOrder(
                        "R__views.sql was not converted: it is a repeatable migration, which Cairn does not have;"
                                + " when its SQL changes, write the change as a new migration (`cairn make NAME`).",
                        "beforeMigrate.sql was not converted: it is a Flyway callback, which Cairn does not run;"
                                + " move what it does into a migration, or into the script that runs `cairn migrate`.",
                        "afterMigrate__grants.sql was not converted: it is a Flyway callback, which Cairn does not"
                                + " run; move what it does into a migration, or into the script that runs"
                                + " `cairn migrate`.",
                        "java/V3__Backfill.java was not converted: it is a Java migration; port it to"
                                + " dev.cairn.JavaMigration.",
                        "notes.sql was not converted: its name is not a Flyway migration's"
                                + " (V<version>__<description>.sql, U... or R__...).",
                        "V1a__bad_version.sql was not converted: its name is not V<version>__<description>.sql (nor"
                                + " U...), with a version of numbers separated by . or _, such as V1.1__add_posts.sql;"
                                + " rename it and convert again.",
                        "U9__orphan.sql was not converted: it undoes version 9, and no V file has that version.");
        assertThat(migrationFiles()).containsExactly("1_init.sql");
        assertThat(readBack()).extracting(Migration::name).containsExactly("1_init");
    }

    @Test
    void twoMigrationsOfOneVersionRefuseEverythingAndWriteNothing() throws IOException {
        flywayFile("V1__a.sql", "SELECT 1;\n");
        flywayFile("sub/V1.0__b.sql", "SELECT 2;\n"); // 1.0 is 1 to Flyway
        flywayFile("V2__c.sql", "SELECT 3;\n");
        flywayFile("U2__c.sql", "SELECT 4;\n");
        flywayFile("U02__c_again.sql", "SELECT 5;\n");

        assertThatThrownBy(this::convert)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "V1__a.sql and sub/V1.0__b.sql have the same version (1 and 1.0 are one"
                                                + " version to Flyway); each migration needs its own: give each"
                                                + " another version, or delete all but one",
                                        "U02__c_again.sql and U2__c.sql undo the same version (02 and 2 are one"
                                                + " version to Flyway); delete all but one"))
                .hasMessageContaining("2 conflicts. Nothing was written.");
        assertThat(migrations()).doesNotExist();

        // A dry run refuses as well.
        assertThatThrownBy(() -> FlywayFiles.convert(flyway(), migrations(), true))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aTargetWithOtherContentOrVersionRefusesButOneAlreadyConvertedIsAccepted() throws IOException {
        flywayFile("V1__init.sql", "CREATE TABLE t (id int);\n");
        flywayFile("V2__more.sql", "CREATE TABLE u (id int);\n");

        FileImportResult first = convert();
        assertThat(first.converted()).hasSize(2);

        // Again: both files are there as the conversion writes them, which is not a conflict.
        FileImportResult again = convert();
        assertThat(again.converted()).isEqualTo(first.converted());
        assertThat(again.notes())
                .containsExactly(
                        "1_init.sql was already in " + migrations() + " as converted from V1__init.sql: left as it is.",
                        "2_more.sql was already in " + migrations()
                                + " as converted from V2__more.sql: left as it is.");

        // Edited since, and another file of version 2: both refused, nothing else written.
        Files.writeString(migrations().resolve("1_init.sql"), "-- migrate:up\nCREATE TABLE t (id bigint);\n");
        Files.delete(migrations().resolve("2_more.sql"));
        Files.writeString(migrations().resolve("2_other.sql"), "-- migrate:up\nSELECT 1;\n");
        flywayFile("V3__new.sql", "SELECT 3;\n");

        assertThatThrownBy(this::convert)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "V1__init.sql would be 1_init.sql, which is already in " + migrations()
                                                + " with other content: move that file away, or convert into another"
                                                + " directory",
                                        "V2__more.sql would be 2_more.sql, of version 2, which 2_other.sql in "
                                                + migrations()
                                                + " has already: move that file away, or convert into another"
                                                + " directory"))
                .hasMessageContaining("Nothing was written.");
        assertThat(migrationFiles()).containsExactly("1_init.sql", "2_other.sql");
    }

    @Test
    void aFileThatCannotBeWrittenLeavesNoneBehind() throws IOException {
        flywayFile("V1__a.sql", "SELECT 1;\n");
        flywayFile("V2__b.sql", "SELECT 2;\n");
        flywayFile("V3__c.sql", "SELECT 3;\n");
        // A directory where the second file goes (permissions would not stop root, which runs CI).
        Files.createDirectories(migrations().resolve("2_b.sql"));

        assertThatThrownBy(this::convert)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Cannot write the converted migrations in " + migrations() + ": something named 2_b.sql"
                        + " is there already. Nothing was written. Check that the directory can be created and"
                        + " written to, or set another one as migrations.directory in cairn.yml.");
        // The first file was written, and removed again; no temporary file is left.
        assertThat(migrationFiles()).containsExactly("2_b.sql");
        assertThat(migrations().resolve("2_b.sql")).isEmptyDirectory();
    }

    @Test
    void aDryRunReportsEverythingAndWritesNothing() throws IOException {
        flywayFile("V1__init.sql", "CREATE TABLE t (id int);\n");
        flywayFile("U1__init.sql", "DROP TABLE t;\n");
        flywayFile("R__views.sql", "SELECT 1;\n");

        FileImportResult result = FlywayFiles.convert(flyway(), migrations(), true);

        assertThat(result.dryRun()).isTrue();
        assertThat(result.converted())
                .containsExactly(new Converted("V1__init.sql", Optional.of("U1__init.sql"), "1_init.sql", true));
        assertThat(result.skipped()).hasSize(1);
        assertThat(migrations()).doesNotExist();
    }

    @Test
    void lineEndingsAndBytesAreKeptAsTheyAre() throws IOException {
        flywayFile("V1__crlf.sql", "CREATE TABLE t (id int);\r\n\r\nINSERT INTO t VALUES (1);\r\n");
        flywayFile("U1__crlf.sql", "DROP TABLE t;\r\n");
        // Not UTF-8's ASCII, a byte order mark, and no line break at the end.
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] sql = "INSERT INTO t VALUES ('Grüße, 表');".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + sql.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(sql, 0, withBom, bom.length, sql.length);
        flywayFile("V2__unicode.sql", withBom);
        flywayFile("U2__unicode.sql", "DELETE FROM t;");

        convert();

        assertThat(Files.readString(migrations().resolve("1_crlf.sql")))
                .isEqualTo("-- Converted from Flyway's V1__crlf.sql (undo: U1__crlf.sql)\r\n"
                        + "-- migrate:up\r\n"
                        + "CREATE TABLE t (id int);\r\n\r\nINSERT INTO t VALUES (1);\r\n"
                        + "-- migrate:down\r\n"
                        + "DROP TABLE t;\r\n");
        assertThat(Files.readAllBytes(migrations().resolve("2_unicode.sql")))
                .isEqualTo(("-- Converted from Flyway's V2__unicode.sql (undo: U2__unicode.sql)\n-- migrate:up\n"
                                + "INSERT INTO t VALUES ('Grüße, 表');\n-- migrate:down\nDELETE FROM t;")
                        .getBytes(StandardCharsets.UTF_8));

        List<Migration> migrations = readBack();
        assertThat(migrations.get(0).up().text())
                .isEqualTo("CREATE TABLE t (id int);\r\n\r\nINSERT INTO t VALUES (1);\r\n");
        assertThat(statements(migrations.get(0).up()))
                .containsExactly("CREATE TABLE t (id int)", "INSERT INTO t VALUES (1)");
        assertThat(statements(migrations.get(0).down())).containsExactly("DROP TABLE t");
        assertThat(statements(migrations.get(1).up())).containsExactly("INSERT INTO t VALUES ('Grüße, 表')");
        assertThat(statements(migrations.get(1).down())).containsExactly("DELETE FROM t");
    }

    @Test
    void subdirectoriesAreScannedAsFlywayScansThem() throws IOException {
        flywayFile("V1__root.sql", "SELECT 1;\n");
        flywayFile("release/2/V2__nested.sql", "SELECT 2;\n");
        flywayFile("undo/U2__nested.sql", "SELECT -2;\n");

        FileImportResult result = convert();

        assertThat(result.converted())
                .containsExactly(
                        new Converted("V1__root.sql", Optional.empty(), "1_root.sql", false),
                        new Converted(
                                "release/2/V2__nested.sql", Optional.of("undo/U2__nested.sql"), "2_nested.sql", true));
        List<Migration> migrations = readBack();
        assertThat(migrations).extracting(Migration::name).containsExactly("1_root", "2_nested");
        assertThat(migrations.get(1).description())
                .isEqualTo("Converted from Flyway's release/2/V2__nested.sql (undo: undo/U2__nested.sql)");
    }

    @Test
    void descriptionsKeepTheirCaseAndUnderscoresAndLoseUnsafeCharacters() throws IOException {
        flywayFile("V1__Add_Users.sql", "SELECT 1;\n");
        flywayFile("V2__add-tags.v2.sql", "SELECT 2;\n");
        flywayFile("V3__x.up.sql", "SELECT 3;\n"); // not read as a paired .up.sql file by Cairn
        flywayFile("V4__.sql", "SELECT 4;\n");
        flywayFile("V5__ünï cødé.sql", "SELECT 5;\n");

        convert();

        assertThat(migrationFiles())
                .containsExactly("1_Add_Users.sql", "2_add_tags_v2.sql", "3_x_up.sql", "4.sql", "5_ünï_cødé.sql");
        assertThat(readBack())
                .extracting(Migration::name)
                .containsExactly("1_Add_Users", "2_add_tags_v2", "3_x_up", "4", "5_ünï_cødé");
        assertThat(FlywayName.cairnName("add_posts")).isEqualTo("add_posts");
        assertThat(FlywayName.cairnName("a  b")).isEqualTo("a_b");
        assertThat(FlywayName.cairnName("--")).isEmpty();
    }

    @Test
    void placeholdersAreNamedInANote() throws IOException {
        flywayFile("V1__grants.sql", "GRANT SELECT ON t TO ${app_user};\nCREATE SCHEMA ${flyway:defaultSchema};\n");
        flywayFile("U1__grants.sql", "REVOKE SELECT ON t FROM ${app_user};\nSELECT '${reader}';\n");

        FileImportResult result = convert();

        assertThat(result.notes())
                .containsExactly("V1__grants.sql or U1__grants.sql uses Flyway placeholders ${app_user}, ${reader}:"
                        + " define them under migrations.placeholders in cairn.yml. V1__grants.sql or U1__grants.sql"
                        + " uses Flyway's own ${flyway:defaultSchema}, which Cairn does not fill in: write the values"
                        + " instead.");
        assertThat(readBack()).hasSize(1);
    }

    @Test
    void aFileCairnCannotReadIsSkippedWithItsUndo() throws IOException {
        flywayFile("V1__latin1.sql", new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';'});
        flywayFile("U1__latin1.sql", "SELECT 1;\n");
        flywayFile("V2__marker.sql", "SELECT 1;\n-- migrate:down\n");
        flywayFile("V3__ok.sql", "SELECT 3;\n");
        flywayFile("V4__bad_conf.sql", "SELECT 4;\n");
        flywayFile("V4__bad_conf.sql.conf", "executeInTransaction=sometimes\n");

        FileImportResult result = convert();

        assertThat(result.converted()).extracting(Converted::to).containsExactly("3_ok.sql");
        assertThat(result.skipped())
                .containsExactly(
                        "V1__latin1.sql was not converted: it is not UTF-8 (Flyway's default encoding, and the one"
                                + " Cairn reads); save it as UTF-8 and convert again.",
                        "U1__latin1.sql was not converted: it undoes V1__latin1.sql, which was not.",
                        "V2__marker.sql was not converted: it has a line (2) that Cairn would read as a marker"
                                + " (-- migrate:...); change that comment and convert again.",
                        "V4__bad_conf.sql was not converted: V4__bad_conf.sql.conf sets executeInTransaction to"
                                + " 'sometimes', which is neither true nor false; correct it and convert again.");
        assertThat(readBack()).extracting(Migration::name).containsExactly("3_ok");
    }

    @Test
    void aNameTooLongForAFileSystemRefusesTheConversion() throws IOException {
        String description = "a".repeat(240);
        flywayFile("V1.1__" + description + ".sql", "SELECT 1;\n"); // 250 bytes: fine for Flyway
        flywayFile("V2.1000000000000000__b.sql", "SELECT 2;\n");

        assertThatThrownBy(this::convert)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "V1.1__" + description + ".sql would be 10000000000000001_" + description
                                                + ".sql, 262 bytes, and file systems allow 255 per name: shorten"
                                                + " its description"));
        assertThat(migrations()).doesNotExist();
    }

    @Test
    void aMissingFlywayDirectoryIsAConfigurationError() {
        assertThatThrownBy(this::convert)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The Flyway directory " + flyway() + " does not exist. Give the directory that holds the"
                        + " Flyway migrations (the V<version>__<description>.sql files), such as"
                        + " src/main/resources/db/migration.");
        assertThat(migrations()).doesNotExist();
    }

    @Test
    void anEmptyFlywayDirectoryConvertsNothing() throws IOException {
        Files.createDirectories(flyway());

        FileImportResult result = convert();

        assertThat(result.converted()).isEmpty();
        assertThat(migrationFiles()).isEmpty();
        assertThat(readBack()).isEmpty();
    }
}
