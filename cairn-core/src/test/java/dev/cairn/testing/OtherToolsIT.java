// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link OtherTools} runs the real tools: their history tables, as each tool spells and fills them on
 * each database, are what {@code cairn import} will read. One scenario per tool, on every engine the
 * tool supports.
 */
class OtherToolsIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void flywayMigratesKeepsAFailedRowWhereDdlIsNotTransactionalRepairsAndBaselines(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        Path dir = Files.createDirectories(directory.resolve("flyway"));
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id integer PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V2__posts.sql"), "CREATE TABLE posts (id integer PRIMARY KEY);\n");

        OtherTools.flywayMigrate(db, dir);

        // On H2 alone, Flyway records the making of its table as a row of its own, ranked -1.
        List<String> made = engine == Engine.H2
                ? List.of("-1 null << Flyway Schema History table created >> TABLE  true")
                : List.of();
        List<String> applied = List.of("1 1 users SQL V1__users.sql true", "2 2 posts SQL V2__posts.sql true");
        assertThat(flywayRows(db)).containsExactlyElementsOf(concat(made, applied));

        Files.writeString(
                dir.resolve("V3__broken.sql"),
                "CREATE TABLE broken (id integer PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n");
        assertThatThrownBy(() -> OtherTools.flywayMigrate(db, dir))
                .isInstanceOfSatisfying(
                        OtherTools.RunFailedException.class,
                        e -> assertThat(e.tool()).isEqualTo("Flyway"))
                .hasMessageContaining("V3__broken.sql");
        // Where DDL commits by itself (MariaDB, and H2 as Flyway sees it), the failed migration keeps a row.
        boolean keepsFailed = engine == Engine.MARIADB || engine == Engine.H2;
        List<String> failed = keepsFailed ? List.of("3 3 broken SQL V3__broken.sql false") : List.of();
        assertThat(flywayRows(db)).containsExactlyElementsOf(concat(made, concat(applied, failed)));

        OtherTools.flywayRepair(db, dir);
        assertThat(flywayRows(db)).containsExactlyElementsOf(concat(made, applied));

        TestDatabase baselined = databases.create(engine);
        OtherTools.flywayBaseline(baselined, "5");
        assertThat(flywayRows(baselined))
                .containsExactlyElementsOf(
                        concat(made, List.of("1 5 << Flyway Baseline >> BASELINE << Flyway Baseline >> true")));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void liquibaseUpdatesWritingDatabaseChangeLog(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        Path searchPath = directory.resolve("liquibase");
        // YAML, so that Liquibase reads it with the SnakeYAML that Cairn's own version wins for.
        Files.writeString(Files.createDirectories(searchPath.resolve("db")).resolve("changelog.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: cairn
                      changes:
                        - sql:
                            sql: CREATE TABLE users (id integer PRIMARY KEY)
                      rollback:
                        - sql:
                            sql: DROP TABLE users
                  - changeSet:
                      id: 2
                      author: cairn
                      changes:
                        - createTable:
                            tableName: posts
                            columns:
                              - column:
                                  name: id
                                  type: int
                """);

        OtherTools.liquibaseUpdate(db, searchPath, "db/changelog.yaml");

        // Unquoted, as Liquibase writes it: PostgreSQL folds it to lower case; MariaDB keeps it as written.
        String table = engine == Engine.POSTGRESQL ? "databasechangelog" : "DATABASECHANGELOG";
        assertThat(storedName(db, "databasechangelog")).isEqualTo(table);
        List<Map<String, Object>> rows = db.query("SELECT id, author, filename, orderexecuted, exectype, liquibase,"
                + " deployment_id FROM " + quoted(engine, table) + " ORDER BY orderexecuted");
        assertThat(rows)
                .extracting(row -> row.get("id") + " " + row.get("author") + " " + row.get("filename") + " "
                        + row.get("orderexecuted") + " " + row.get("exectype") + " " + row.get("liquibase"))
                .containsExactly(
                        "1 cairn db/changelog.yaml 1 EXECUTED 4.33.0", "2 cairn db/changelog.yaml 2 EXECUTED 4.33.0");
        // One deployment id for the run, on each of its rows.
        assertThat(rows.stream().map(row -> row.get("deployment_id")).collect(Collectors.toSet()))
                .singleElement()
                .asString()
                .hasSize(10);
        assertThat(db.tables()).contains("users", "posts", "databasechangeloglock");
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE", "POSTGRESQL", "MARIADB"})
    void knexMigratesInOneBatchPerRun(Engine engine) {
        TestDatabase db = databases.create(engine);
        Path dir = directory.resolve("knex");
        OtherTools.knexMigration(
                dir, "20240101000000_users", "CREATE TABLE users (id integer PRIMARY KEY)", "DROP TABLE users");
        OtherTools.knexMigrate(db, dir);
        OtherTools.knexMigration(
                dir,
                "20240102000000_posts",
                List.of("CREATE TABLE posts (id integer PRIMARY KEY)", "CREATE TABLE tags (name varchar(20))"),
                List.of("DROP TABLE tags", "DROP TABLE posts"));
        OtherTools.knexMigrate(db, dir);

        List<Map<String, Object>> rows =
                db.query("SELECT name, batch, migration_time FROM knex_migrations ORDER BY id");
        assertThat(rows)
                .extracting(row -> row.get("name") + "@" + row.get("batch"))
                .containsExactly("20240101000000_users.js@1", "20240102000000_posts.js@2");
        // better-sqlite3 stores a JavaScript Date as milliseconds since 1970, in a column declared datetime.
        assertThat(rows.get(0).get("migration_time"))
                .isInstanceOf(engine == Engine.SQLITE ? Long.class : Timestamp.class);
        assertThat(db.tables()).contains("users", "posts", "tags", "knex_migrations_lock");
    }

    /** Flyway's rows, in rank order: rank, version, description, type, script, success. */
    private static List<String> flywayRows(TestDatabase db) {
        List<String> columns = List.of("installed_rank", "version", "description", "type", "script", "success");
        return db
                .query("SELECT "
                        + columns.stream().map(c -> quoted(db.engine(), c)).collect(Collectors.joining(", ")) + " FROM "
                        + quoted(db.engine(), "flyway_schema_history") + " ORDER BY 1")
                .stream()
                .map(row -> row.get("installed_rank") + " " + row.get("version") + " " + row.get("description") + " "
                        + row.get("type") + " " + row.get("script") + " " + flag(row.get("success")))
                .toList();
    }

    /** A boolean as the driver answers it: Boolean, or SQLite's 0 and 1. */
    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /** The name as written, quoted: Flyway quotes its lower-case names, which H2 would fold to upper case. */
    private static String quoted(Engine engine, String name) {
        return engine == Engine.MARIADB ? "`" + name + "`" : "\"" + name + "\"";
    }

    /** The table's name as the database stores it, found without regard to case. */
    private static String storedName(TestDatabase db, String table) {
        List<String> found = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    found.add(rs.getString("TABLE_NAME"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(found).as("tables named %s in %s", table, db).hasSize(1);
        return found.get(0);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
