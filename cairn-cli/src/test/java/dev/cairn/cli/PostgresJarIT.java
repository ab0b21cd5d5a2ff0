// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar against PostgreSQL, in a fresh database per test that TestDatabases drops after: the
 * driver inside the jar, {@code ${VAR}} in cairn.yml, dollar quotes and {@code transaction:false}.
 */
class PostgresJarIT {

    private static final String FUNCTION = "20260101000000_create_accounts";
    private static final String INDEX = "20260102000000_index_accounts";

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase database;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void createDatabase() {
        database = databases.create(Engine.POSTGRESQL);
        environment.put("PG_URL", database.url());
        new Cli(directory)
                .write(
                        "cairn.yml",
                        String.join(
                                "\n",
                                "environments:",
                                "  development:",
                                "    url: jdbc:sqlite:dev.sqlite3",
                                "  staging:",
                                "    url: ${PG_URL}",
                                "    lock-timeout: 10s",
                                "  hurried:",
                                "    url: ${PG_URL}",
                                "    lock-timeout: 1s",
                                ""))
                .migration(
                        FUNCTION,
                        String.join(
                                "\n",
                                "-- Accounts, and a function whose body has semicolons.",
                                "-- migrate:up",
                                "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);",
                                "CREATE FUNCTION account_count() RETURNS bigint AS $body$",
                                "BEGIN",
                                "    RETURN (SELECT count(*) FROM accounts);",
                                "END;",
                                "$body$ LANGUAGE plpgsql;",
                                "-- migrate:down",
                                "DROP FUNCTION account_count();",
                                "DROP TABLE accounts;",
                                ""))
                .migration(
                        INDEX,
                        String.join(
                                "\n",
                                "-- migrate:up transaction:false",
                                "CREATE INDEX CONCURRENTLY accounts_email ON accounts (email);",
                                "-- migrate:down transaction:false",
                                "DROP INDEX CONCURRENTLY accounts_email;",
                                ""));
    }

    private Cli.Run cairn(String... args) {
        List<String> all = new ArrayList<>(List.of("-e", "staging"));
        if (database.user() != null) {
            all.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            all.addAll(List.of("--password", database.password()));
        }
        all.addAll(List.of(args));
        return CairnProcess.java(directory, environment, all.toArray(String[]::new));
    }

    private List<String> history() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row : database.query("SELECT name, batch FROM cairn_migrations ORDER BY version")) {
            rows.add(row.get("name") + "@" + row.get("batch"));
        }
        return rows;
    }

    @Test
    void migrateStatusRollback() {
        Cli.Run migrate = cairn("migrate").succeeds();

        assertThat(migrate.out())
                .startsWith("Migrating staging (jdbc:postgresql:")
                .contains(
                        "2 pending, batch 1", "up    " + FUNCTION, "up    " + INDEX, "Applied 2 migrations in batch 1");
        assertThat(database.tables()).contains("accounts", "cairn_migrations");
        assertThat(history()).containsExactly(FUNCTION + "@1", INDEX + "@1");
        assertThat(database.query("SELECT account_count() AS n").get(0).get("n"))
                .isEqualTo(0L);
        assertThat(database.query("SELECT indexname FROM pg_indexes WHERE indexname = 'accounts_email'"))
                .hasSize(1);

        JsonNode status = cairn("status", "--json").succeeds().json();
        assertThat(status.get("environment").asText()).isEqualTo("staging");
        assertThat(status.get("currentVersion").asText()).isEqualTo("20260102000000");
        assertThat(status.at("/migrations/0/description").asText())
                .isEqualTo("Accounts, and a function whose body has semicolons.");

        Cli.Run rollback = cairn("rollback").succeeds();

        assertThat(rollback.out())
                .contains("down  " + INDEX, "down  " + FUNCTION, "Rolled back 2 migrations of batch 1");
        assertThat(database.tables()).doesNotContain("accounts");
        assertThat(history()).isEmpty();
    }

    @Test
    void dryRunShowsTheWholeFunctionAsOneStatement() {
        Cli.Run run = cairn("migrate", "--dry-run").succeeds();

        assertThat(run.out())
                .contains(
                        "$body$ LANGUAGE plpgsql;",
                        "transaction:false",
                        "CREATE INDEX CONCURRENTLY accounts_email ON accounts (email);");
        assertThat(database.tables()).doesNotContain("accounts", "cairn_migrations");
    }

    @Test
    void failingStatementRollsBackTheBatchAndNamesFileLineAndSqlState() {
        new Cli(directory)
                .migration(
                        "20260103000000_broken",
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE audit (id bigint);",
                                "INSERT INTO missing_table VALUES (1);",
                                "-- migrate:down",
                                "DROP TABLE audit;",
                                ""));
        new Cli(directory).migration(INDEX, "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");

        Cli.Run run = cairn("--json", "migrate").exits(1);

        JsonNode error = run.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("migration_failed");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("sqlState").asText()).isEqualTo("42P01");
        assertThat(run.err()).contains("20260103000000_broken.sql:3");
        assertThat(database.tables()).doesNotContain("accounts", "audit");
    }

    @Test
    void aRunnerWaitingForTheLockNamesTheHolderThenExits3WithNothingChanged() throws Exception {
        try (Connection holder = database.connect();
                Statement statement = holder.createStatement()) {
            ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()");
            pid.next();
            int holderPid = pid.getInt(1);
            // Cairn's lock for public.cairn_migrations: class "CAIR", key CRC-32 of the name (31 bits).
            CRC32 key = new CRC32();
            key.update("public.cairn_migrations".getBytes(StandardCharsets.UTF_8));
            statement.execute("SELECT pg_advisory_lock(" + 0x43414952L + ", " + (key.getValue() & 0x7FFF_FFFFL) + ")");

            Cli.Run run = cairn("-e", "hurried", "--json", "migrate").exits(3);

            assertThat(run.err())
                    .contains("Waiting for the migration lock: held by PostgreSQL backend pid " + holderPid);
            assertThat(run.json().at("/error/type").asText()).isEqualTo("lock");
            assertThat(run.json().at("/error/message").asText()).contains("pid " + holderPid, "lock-timeout");
            assertThat(database.tables()).doesNotContain("accounts", "cairn_migrations");
        }
    }

    @Test
    void pingNamesTheServer() {
        assertThat(cairn("ping").succeeds().out()).startsWith("Connected to PostgreSQL ");
    }
}
