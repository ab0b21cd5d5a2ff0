// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.Engine;
import dev.cairn.testing.OtherTools;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Adopting the histories that Knex, Flyway and Liquibase really wrote ({@link OtherTools} runs each
 * tool on the test database): {@code import} records what they applied, with their batches and times,
 * leaves their tables as they were, and {@code migrate}, {@code status} and {@code rollback} carry on
 * from there; a mismatch or a failed entry writes nothing.
 */
class ImportIT {

    private static final String USERS = "CREATE TABLE users (id integer PRIMARY KEY)";
    private static final String POSTS = "CREATE TABLE posts (id integer PRIMARY KEY)";
    private static final String TAGS = "CREATE TABLE tags (id integer PRIMARY KEY)";
    private static final String COMMENTS = "CREATE TABLE comments (id integer PRIMARY KEY)";

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Path cairnFile(String name, String up, String down) throws IOException {
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        return Files.writeString(
                dir.resolve(name + ".sql"), "-- migrate:up\n" + up + ";\n-- migrate:down\n" + down + ";\n");
    }

    /** Every row of a table, in a stable order, as text: to prove the other tool's table is untouched. */
    private static List<Map<String, Object>> rows(TestDatabase db, String table) {
        String quoted = db.engine() == Engine.MARIADB ? "`" + table + "`" : "\"" + table + "\"";
        return db.query("SELECT * FROM " + quoted + " ORDER BY 1");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE", "POSTGRESQL", "MARIADB"}) // Knex has no H2 client
    void knexHistoryIsImportedWithItsBatchesAndTimesAndCairnCarriesOn(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        Path knex = directory.resolve("knex");
        OtherTools.knexMigration(knex, "20240101000000_users", USERS, "DROP TABLE users");
        OtherTools.knexMigration(knex, "20240102000000_posts", POSTS, "DROP TABLE posts");
        OtherTools.knexMigrate(db, knex);
        OtherTools.knexMigration(knex, "20240103000000_tags", TAGS, "DROP TABLE tags");
        OtherTools.knexMigrate(db, knex);
        // A time Knex could have written long ago, to tell a kept time from the import's own.
        db.execute("UPDATE knex_migrations SET migration_time = "
                + (engine == Engine.SQLITE ? "1704164645000" : "'2024-01-02 03:04:05'") + " WHERE id = 1");
        List<Map<String, Object>> knexRows = rows(db, "knex_migrations");
        cairnFile("20240101000000_users", USERS, "DROP TABLE users");
        cairnFile("20240102000000_posts", POSTS, "DROP TABLE posts");
        Cairn cairn = TestCairn.configure(db, directory.resolve("migrations")).load();

        // Knex applied a migration that Cairn has no file for: refused, nothing written.
        assertThatThrownBy(() -> cairn.importHistory(ImportOptions.of(ImportOptions.Tool.KNEX)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 mismatch")
                .hasMessageContaining("20240103000000_tags.js (knex_migrations row 3) matches no migration");
        assertThat(db.tableExists("cairn_migrations")).isFalse();

        cairnFile("20240103000000_tags", TAGS, "DROP TABLE tags");
        cairnFile("20240104000000_comments", COMMENTS, "DROP TABLE comments");
        Cairn complete =
                TestCairn.configure(db, directory.resolve("migrations")).load();
        ImportResult dryRun =
                complete.importHistory(ImportOptions.of(ImportOptions.Tool.KNEX).asDryRun());
        assertThat(dryRun.recorded()).hasSize(3);
        assertThat(db.tableExists("cairn_migrations")).isFalse();

        ImportResult imported = complete.importHistory(ImportOptions.of(ImportOptions.Tool.KNEX));

        assertThat(imported.table()).isEqualTo("knex_migrations");
        assertThat(TestCairn.tracked(db))
                .containsExactly(
                        "20240101000000_users@1:knex", "20240102000000_posts@1:knex", "20240103000000_tags@2:knex");
        assertThat(rows(db, "knex_migrations")).isEqualTo(knexRows);
        Status status = complete.status();
        assertThat(status.migrations())
                .extracting(m -> m.name() + " " + m.stateLabel())
                .containsExactly(
                        "20240101000000_users applied",
                        "20240102000000_posts applied",
                        "20240103000000_tags applied",
                        "20240104000000_comments pending");
        assertThat(status.migrations().get(0).appliedAt()).contains(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(complete.validate().problems()).isEmpty();

        assertThat(complete.migrate().applied())
                .extracting(MigrationRun::name)
                .containsExactly("20240104000000_comments");
        assertThat(complete.rollback().reverted())
                .extracting(MigrationRun::name)
                .containsExactly("20240104000000_comments");
        // Knex's last batch, undone by Cairn's downs.
        assertThat(complete.rollback().reverted())
                .extracting(MigrationRun::name)
                .containsExactly("20240103000000_tags");
        assertThat(db.tableExists("tags")).isFalse();
        assertThat(db.tableExists("posts")).isTrue();
        assertThat(TestCairn.tracked(db)).containsExactly("20240101000000_users@1:knex", "20240102000000_posts@1:knex");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void flywayFilesAndHistoryAreAdoptedEachVersionABatch(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        Path flyway = Files.createDirectories(directory.resolve("flyway"));
        Files.writeString(flyway.resolve("V1__users.sql"), USERS + ";\n");
        Files.writeString(flyway.resolve("V1.1__posts.sql"), POSTS + ";\n");
        OtherTools.flywayMigrate(db, flyway);
        List<Map<String, Object>> flywayRows = rows(db, "flyway_schema_history");
        // The undo files Flyway's free edition does not run, and a version Flyway never applied.
        Files.writeString(flyway.resolve("U1.1__posts.sql"), "DROP TABLE posts;\n");
        Files.writeString(flyway.resolve("V2__tags.sql"), TAGS + ";\n");
        Files.writeString(flyway.resolve("U2__tags.sql"), "DROP TABLE tags;\n");
        Cairn cairn = TestCairn.configure(db, directory.resolve("migrations")).load();

        FileImportResult files = cairn.importFlywayFiles(flyway, false);
        assertThat(files.converted())
                .extracting(FileImportResult.Converted::to)
                .containsExactly("10_users.sql", "11_posts.sql", "20_tags.sql"); // 1, 1.1, 2: renumbered
        ImportResult imported = cairn.importHistory(ImportOptions.of(ImportOptions.Tool.FLYWAY));

        assertThat(imported.recorded())
                .extracting(r -> r.name() + "@" + r.batch() + " " + r.from())
                .containsExactly("10_users@1 [V1__users.sql]", "11_posts@2 [V1.1__posts.sql]");
        assertThat(TestCairn.tracked(db)).containsExactly("10_users@1:flyway", "11_posts@2:flyway");
        assertThat(rows(db, "flyway_schema_history")).isEqualTo(flywayRows);

        assertThat(cairn.migrate().applied()).extracting(MigrationRun::name).containsExactly("20_tags");
        cairn.rollback();
        assertThat(cairn.rollback().reverted()).extracting(MigrationRun::name).containsExactly("11_posts");
        assertThat(db.tableExists("posts")).isFalse();
        assertThat(db.tableExists("users")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"MARIADB", "H2"}) // where DDL commits by itself, Flyway keeps the failed row
    void aFailedFlywayMigrationRefusesTheImportUntilLeftOutOrRepaired(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        Path flyway = Files.createDirectories(directory.resolve("flyway"));
        Files.writeString(flyway.resolve("V1__users.sql"), USERS + ";\n");
        Files.writeString(flyway.resolve("V2__posts.sql"), POSTS + ";\nINSERT INTO no_such_table VALUES (1);\n");
        assertThatThrownBy(() -> OtherTools.flywayMigrate(db, flyway))
                .isInstanceOf(OtherTools.RunFailedException.class);
        cairnFile("1_users", USERS, "DROP TABLE users");
        cairnFile("2_posts", POSTS, "DROP TABLE posts");
        Cairn cairn = TestCairn.configure(db, directory.resolve("migrations")).load();

        assertThatThrownBy(() -> cairn.importHistory(ImportOptions.of(ImportOptions.Tool.FLYWAY)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__posts.sql (flyway_schema_history row 2) failed")
                .hasMessageContaining("(flyway repair)");
        assertThat(db.tableExists("cairn_migrations")).isFalse();

        // Left out on purpose: the table its first statement made is dropped by hand, and Cairn runs it.
        ImportResult leftOut =
                cairn.importHistory(ImportOptions.of(ImportOptions.Tool.FLYWAY).allowingUnmatched());
        assertThat(leftOut.leftOut()).singleElement().asString().startsWith("V2__posts.sql");
        assertThat(TestCairn.tracked(db)).containsExactly("1_users@1:flyway");
        db.execute("DROP TABLE posts");
        assertThat(cairn.migrate().applied()).extracting(MigrationRun::name).containsExactly("2_posts");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE", "POSTGRESQL"})
    void aFlywayBaselineIsImportedAsABaseline(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        db.execute(USERS);
        OtherTools.flywayBaseline(db, "1");
        Path flyway = Files.createDirectories(directory.resolve("flyway"));
        Files.writeString(flyway.resolve("V2__posts.sql"), POSTS + ";\n");
        OtherTools.flywayMigrate(db, flyway);
        cairnFile("1_users", USERS, "DROP TABLE users");
        cairnFile("2_posts", POSTS, "DROP TABLE posts");
        Cairn cairn = TestCairn.configure(db, directory.resolve("migrations")).load();

        cairn.importHistory(ImportOptions.of(ImportOptions.Tool.FLYWAY));

        assertThat(TestCairn.tracked(db)).containsExactly("1_users@1:baseline", "2_posts@2:flyway");
        assertThat(cairn.status().migrations())
                .extracting(m -> m.name() + " " + m.stateLabel())
                .containsExactly("1_users baseline", "2_posts applied");
        cairn.rollback();
        assertThatThrownBy(cairn::rollback).hasMessageContaining("it was recorded by `cairn baseline`");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void liquibaseChangeSetsAreImportedByFileEachUpdateABatch(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        Path searchPath = directory.resolve("liquibase");
        Path changes = Files.createDirectories(searchPath.resolve("db/changes"));
        Files.writeString(
                changes.resolve("1_users.sql"),
                "--liquibase formatted sql\n--changeset ann:create-users\n" + USERS
                        + ";\n--changeset ann:users-index\nCREATE INDEX users_id ON users (id);\n");
        Files.writeString(
                changes.resolve("2_posts.sql"), "--liquibase formatted sql\n--changeset bob:posts\n" + POSTS + ";\n");
        Path master = searchPath.resolve("db/changelog.yaml");
        Files.writeString(master, "databaseChangeLog:\n  - include:\n      file: db/changes/1_users.sql\n");
        OtherTools.liquibaseUpdate(db, searchPath, "db/changelog.yaml");
        Files.writeString(master, Files.readString(master) + "  - include:\n      file: db/changes/2_posts.sql\n");
        OtherTools.liquibaseUpdate(db, searchPath, "db/changelog.yaml");
        String table = engine == Engine.POSTGRESQL ? "databasechangelog" : "DATABASECHANGELOG";
        List<Map<String, Object>> liquibaseRows = rows(db, table);
        cairnFile("1_users", USERS + ";\nCREATE INDEX users_id ON users (id)", "DROP TABLE users");
        cairnFile("2_posts", POSTS, "DROP TABLE posts");
        cairnFile("3_tags", TAGS, "DROP TABLE tags");
        Cairn cairn = TestCairn.configure(db, directory.resolve("migrations")).load();

        ImportResult imported = cairn.importHistory(ImportOptions.of(ImportOptions.Tool.LIQUIBASE));

        assertThat(imported.table()).isEqualTo(table);
        assertThat(imported.recorded())
                .extracting(r -> r.name() + "@" + r.batch() + " " + r.from())
                .containsExactly(
                        "1_users@1 [create-users::ann::db/changes/1_users.sql,"
                                + " users-index::ann::db/changes/1_users.sql]",
                        "2_posts@2 [posts::bob::db/changes/2_posts.sql]");
        assertThat(TestCairn.tracked(db)).containsExactly("1_users@1:liquibase", "2_posts@2:liquibase");
        assertThat(rows(db, table)).isEqualTo(liquibaseRows);

        assertThat(cairn.migrate().applied()).extracting(MigrationRun::name).containsExactly("3_tags");
        cairn.rollback();
        assertThat(cairn.rollback().reverted()).extracting(MigrationRun::name).containsExactly("2_posts");
        assertThat(db.tableExists("posts")).isFalse();
    }
}
