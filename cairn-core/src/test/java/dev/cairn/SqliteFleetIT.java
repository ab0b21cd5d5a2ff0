// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * A fleet of SQLite databases: one file per tenant in one directory, chosen by a pattern over the
 * file names, a list, or a query on the environment's own file; each with its own tracking table and
 * lock file, a failing one exactly as it was (SQLite's DDL is transactional), a run again finishing it.
 */
class SqliteFleetIT {

    @TempDir
    Path directory;

    private Path tenants;

    private Path migrations() throws IOException {
        return FleetMigrations.write(directory, "'${target}'");
    }

    /** {@code count} empty tenant databases (an empty file is an empty SQLite database). */
    private List<String> tenantFiles(int count) throws IOException {
        tenants = Files.createDirectories(directory.resolve("tenants"));
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("tenant_%02d.db", i);
            Files.createFile(tenants.resolve(name));
            names.add(name);
        }
        return names;
    }

    private Cairn.Builder builder(String file) throws IOException {
        return Cairn.configure()
                .workingDirectory(directory)
                .url("jdbc:sqlite:" + tenants.resolve(file))
                .migrationsDirectory(migrations());
    }

    private Connection open(String file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + tenants.resolve(file));
    }

    private List<String> tables(String file) throws SQLException {
        try (Connection connection = open(file)) {
            return column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private void execute(String file, String sql) throws SQLException {
        try (Connection connection = open(file);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void thirtyFilesByPatternEachMigrateOnTheirOwnAndAFailingOneIsExactlyAsBefore() throws Exception {
        List<String> names = tenantFiles(30);
        Files.createFile(tenants.resolve("other.db"));
        Files.writeString(tenants.resolve("tenant_notes.txt"), "not a database");
        execute("tenant_13.db", "CREATE TABLE blocker (id integer)"); // 2_blocker cannot be made there
        // The environment's own file need not exist: its directory is the fleet's catalog.
        Fleet fleet = builder("fleet.db")
                .targets(Targets.like(Targets.Kind.DATABASES, "tenant\\_%.db"))
                .parallel(4)
                .load()
                .fleet()
                .orElseThrow();

        assertThat(fleet.names()).isEqualTo(names);
        FleetResult<MigrateResult> first = fleet.migrate();

        assertThat(first.failed()).extracting(FleetResult.Outcome::target).containsExactly("tenant_13.db");
        assertThat(first.failed().get(0).failure().orElseThrow())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("2_blocker");
        for (String name : names) {
            if (name.equals("tenant_13.db")) {
                assertThat(tables(name)).as(name).containsExactly("blocker");
            } else {
                assertThat(tables(name)).as(name).containsExactly("blocker", "cairn_migrations", "things");
                try (Connection connection = open(name)) {
                    assertThat(column(connection, "SELECT name || '@' || batch FROM cairn_migrations ORDER BY id"))
                            .containsExactly("1_things@1", "2_blocker@1", "3_more@1");
                    // ${target} is the file's name.
                    assertThat(column(connection, "SELECT name FROM things")).containsExactly(name);
                }
            }
        }
        assertThat(tables("other.db")).isEmpty();
        assertThat(tenants.resolve("fleet.db")).doesNotExist();

        execute("tenant_13.db", "DROP TABLE blocker");
        FleetResult<MigrateResult> again = fleet.migrate();
        assertThat(again.failed()).isEmpty();
        assertThat(again.targets())
                .filteredOn(outcome -> !outcome.result().orElseThrow().applied().isEmpty())
                .extracting(FleetResult.Outcome::target)
                .containsExactly("tenant_13.db");
        assertThat(tables("tenant_13.db")).containsExactly("blocker", "cairn_migrations", "things");

        FleetResult<Status> status = fleet.status();
        assertThat(status.failed()).isEmpty();
        assertThat(status.targets())
                .allSatisfy(outcome ->
                        assertThat(outcome.result().orElseThrow().pending()).isEmpty());
    }

    @Test
    void aListAQueryOnTheEnvironmentsOwnFileAndWhatIsNotAFileName() throws Exception {
        tenantFiles(3);
        execute("registry.db", "CREATE TABLE tenants (file varchar(50))");
        execute("registry.db", "INSERT INTO tenants VALUES ('tenant_03.db'), ('tenant_01.db')");

        FleetResult<MigrateResult> listed = builder("registry.db")
                .targets(Targets.named(Targets.Kind.DATABASES, List.of("tenant_02.db")))
                .load()
                .fleet()
                .orElseThrow()
                .migrate();
        assertThat(listed.targets()).extracting(FleetResult.Outcome::target).containsExactly("tenant_02.db");
        assertThat(listed.failed()).isEmpty();

        FleetResult<MigrateResult> queried = builder("registry.db")
                .targets(Targets.fromQuery(Targets.Kind.DATABASES, "SELECT file FROM tenants"))
                .load()
                .fleet()
                .orElseThrow()
                .migrate();
        assertThat(queried.targets())
                .extracting(FleetResult.Outcome::target)
                .containsExactly("tenant_03.db", "tenant_01.db");
        assertThat(queried.failed()).isEmpty();
        for (String name : List.of("tenant_01.db", "tenant_02.db", "tenant_03.db")) {
            assertThat(tables(name)).as(name).containsExactly("blocker", "cairn_migrations", "things");
        }
        assertThat(tables("registry.db")).containsExactly("tenants");

        assertThatThrownBy(() -> builder("registry.db")
                        .targets(Targets.named(Targets.Kind.DATABASES, List.of("tenant_01.db", "tenant_09.db")))
                        .load()
                        .fleet()
                        .orElseThrow()
                        .names())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("targets.databases names tenant_09.db, which is not a database file in "
                        + tenants.toAbsolutePath());
        assertThat(tenants.resolve("tenant_09.db")).doesNotExist();

        execute("registry.db", "INSERT INTO tenants VALUES ('../escape.db')");
        FleetResult<MigrateResult> escaping = builder("registry.db")
                .targets(Targets.fromQuery(Targets.Kind.DATABASES, "SELECT file FROM tenants"))
                .load()
                .fleet()
                .orElseThrow()
                .migrate();
        assertThat(escaping.failed()).extracting(FleetResult.Outcome::target).containsExactly("../escape.db");
        assertThat(escaping.failed().get(0).failure().orElseThrow())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("A fleet's SQLite target is a file name in " + tenants.toAbsolutePath()
                        + ", not a path: '../escape.db'");
        assertThat(directory.resolve("escape.db")).doesNotExist();
    }

    @Test
    void schemasAreRefusedOnSqlite() throws Exception {
        tenantFiles(1);
        assertThatThrownBy(() -> builder("tenant_01.db")
                        .targets(Targets.like(Targets.Kind.SCHEMAS, "%"))
                        .load()
                        .fleet()
                        .orElseThrow()
                        .names())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("name its databases under targets.databases instead");
    }
}
