// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn import} as users run it: what it prints, its JSON document, its refusals and their exit
 * codes, and the Flyway file converter. The history tables that the real tools write are read in
 * cairn-core's ImportIT; here a Knex table is made in Knex's shape.
 */
class ImportCommandTest {

    @TempDir
    Path directory;

    private Cli project() throws SQLException {
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration(
                        "20260101000000_users",
                        "-- migrate:up\nCREATE TABLE users (id INTEGER);\n-- migrate:down\nDROP TABLE users;\n")
                .migration(
                        "20260102000000_posts",
                        "-- migrate:up\nCREATE TABLE posts (id INTEGER);\n-- migrate:down\nDROP TABLE posts;\n")
                .migration(
                        "20260103000000_tags",
                        "-- migrate:up\nCREATE TABLE tags (id INTEGER);\n-- migrate:down\nDROP TABLE tags;\n");
        sql(
                "CREATE TABLE users (id INTEGER)",
                "CREATE TABLE posts (id INTEGER)",
                "CREATE TABLE knex_migrations (id integer PRIMARY KEY AUTOINCREMENT, name varchar(255), batch integer,"
                        + " migration_time datetime)",
                "INSERT INTO knex_migrations (name, batch, migration_time) VALUES"
                        + " ('20260101000000_users.js', 1, 1767236645000),"
                        + " ('20260102000000_posts.js', 2, 1767323045000)");
        return cli;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("dev.sqlite3"));
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("dev.sqlite3"));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.add(result.getString(i));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }

    @Test
    void importRecordsKnexHistoryWithItsBatchesThenMigrateAndRollbackCarryOn() throws SQLException {
        Cli cli = project();
        List<String> knexBefore = rows("SELECT * FROM knex_migrations ORDER BY id");

        Cli.Run dryRun = cli.run("import", "knex", "--dry-run").succeeds();
        assertThat(dryRun.out())
                .contains("  knex  batch 1  2026-01-01 03:04:05  20260101000000_users  <- 20260101000000_users.js\n")
                .contains("Would record 2 migrations from knex's knex_migrations as applied, running none. Nothing"
                        + " was written (dry run).");
        assertThat(rows("SELECT name FROM sqlite_master WHERE name = 'cairn_migrations'"))
                .isEmpty();

        Cli.Run imported = cli.run("import", "knex").succeeds();
        assertThat(imported.out())
                .contains("  knex  batch 2  2026-01-02 03:04:05  20260102000000_posts  <- 20260102000000_posts.js\n")
                .contains("Recorded 2 migrations from knex's knex_migrations as applied, running none (")
                .contains("`cairn migrate` applies what knex never did.");
        assertThat(rows("SELECT name, batch, origin, applied_at FROM cairn_migrations ORDER BY id"))
                .containsExactly(
                        "20260101000000_users|1|knex|2026-01-01T03:04:05.000Z",
                        "20260102000000_posts|2|knex|2026-01-02T03:04:05.000Z");
        assertThat(rows("SELECT * FROM knex_migrations ORDER BY id")).isEqualTo(knexBefore);

        assertThat(cli.run("migrate").succeeds().out())
                .contains("20260103000000_tags")
                .doesNotContain("_users");
        cli.run("rollback").succeeds();
        Cli.Run knexBatch = cli.run("rollback").succeeds();
        assertThat(knexBatch.out()).contains("20260102000000_posts").contains("of batch 2");
        assertThat(rows("SELECT name FROM sqlite_master WHERE name IN ('posts', 'tags')"))
                .isEmpty();
        assertThat(cli.run("status").succeeds().out()).containsPattern("20260101000000_users +applied");
    }

    @Test
    void anUnmatchedEntryIsRefusedWithNothingWrittenUnlessAllowed() throws SQLException {
        Cli cli = project();
        sql("INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('20251231000000_gone.js', 2, 0)");

        Cli.Run refused = cli.run("import", "knex").exits(1);
        assertThat(refused.err())
                .contains("Cannot import the knex history (knex_migrations): 1 mismatch between it and Cairn's"
                        + " migrations. Fix the files, or add --allow-unmatched to leave it out. Nothing was written.")
                .contains("20251231000000_gone.js (knex_migrations row 3) matches no migration");
        assertThat(rows("SELECT name FROM sqlite_master WHERE name = 'cairn_migrations'"))
                .isEmpty();

        Cli.Run json = cli.run("--json", "import", "knex", "--allow-unmatched").succeeds();
        assertThat(json.json().get("tool").asText()).isEqualTo("knex");
        assertThat(json.json().get("recorded")).hasSize(2);
        assertThat(json.json().get("recorded").get(1).get("batch").asInt()).isEqualTo(2);
        assertThat(json.json().get("recorded").get(1).get("from").get(0).asText())
                .isEqualTo("20260102000000_posts.js");
        assertThat(json.json().get("leftOut").get(0).asText()).startsWith("20251231000000_gone.js");
        assertThat(rows("SELECT count(*) FROM cairn_migrations")).containsExactly("2");

        Cli.Run again = cli.run("import", "knex").exits(1);
        assertThat(again.err()).contains("Cannot import: the tracking table has 2 rows already");
    }

    @Test
    void aMissingTableOrAnUnknownToolIsAConfigurationError() throws SQLException {
        Cli cli = project();

        assertThat(cli.run("import", "liquibase").exits(2).err())
                .contains("No liquibase history in ")
                .contains("it has no table databasechangelog (in any letter case). If liquibase kept its history"
                        + " elsewhere, name the table with --table and its schema with --schema. Nothing was written.");
        assertThat(cli.run("import", "rails").exits(2).err())
                .contains("Cannot import from 'rails': Cairn reads the history of knex, flyway and liquibase.");
        assertThat(cli.run("import", "knex", "--files", "x").exits(2).err()).contains("--files converts Flyway's");
        assertThat(cli.run("import", "knex", "--table", "KNEX_MIGRATIONS")
                        .succeeds()
                        .out())
                .contains("Recorded 2 migrations");
    }

    @Test
    void flywayFilesBecomeCairnMigrationsThatMigrateAndRollBack() throws IOException {
        Cli cli = new Cli(directory).withSqliteConfig();
        Path flyway = Files.createDirectories(directory.resolve("flyway/sql"));
        Files.writeString(flyway.resolve("V1__create_users.sql"), "CREATE TABLE users (id INTEGER);\n");
        Files.writeString(flyway.resolve("V2__add_posts.sql"), "CREATE TABLE posts (id INTEGER);\n");
        Files.writeString(flyway.resolve("U2__add_posts.sql"), "DROP TABLE posts;\n");
        Files.writeString(flyway.resolve("R__views.sql"), "CREATE VIEW v AS SELECT 1;\n");

        // No history to import: nothing is made, not even the embedded database's file.
        assertThat(cli.run("import", "flyway").exits(2).err()).contains("No flyway history in ");
        assertThat(directory.resolve("dev.sqlite3")).doesNotExist();

        Cli.Run dryRun = cli.run("import", "flyway", "--files", "flyway/sql", "--dry-run")
                .succeeds();
        assertThat(dryRun.out())
                .contains("  V1__create_users.sql  ->  1_create_users.sql  (no undo file: irreversible)\n")
                .contains("  V2__add_posts.sql + U2__add_posts.sql  ->  2_add_posts.sql\n")
                .contains("  skipped: R__views.sql")
                .contains("Would write 2 migration files; nothing was written (dry run).");
        assertThat(directory.resolve("database/migrations/1_create_users.sql")).doesNotExist();

        assertThat(cli.run("import", "flyway", "--files", "flyway/sql")
                        .succeeds()
                        .out())
                .contains("Wrote 2 migration files.");
        assertThat(cli.run("migrate").succeeds().out())
                .contains("1_create_users")
                .contains("2_add_posts");
        cli.run("rollback", "--to", "1").succeeds();
        assertThat(cli.run("status").succeeds().out()).containsPattern("2_add_posts +pending");
        assertThat(cli.run("rollback", "--all").exits(1).err())
                .contains("1_create_users: it is irreversible (1_create_users.sql has no `-- migrate:down` section)");
    }
}
