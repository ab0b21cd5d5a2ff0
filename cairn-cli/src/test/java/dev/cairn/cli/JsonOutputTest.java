// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.Direction;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationFailedException;
import dev.cairn.ServerInfo;
import dev.cairn.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON formats, fed with values as the core returns them. */
class JsonOutputTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private JsonOutput output(String command) {
        Invocation invocation =
                new Invocation(directory, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        invocation.command(command);
        return new JsonOutput(invocation);
    }

    private JsonNode document() throws IOException {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void migrate() throws IOException {
        output("migrate")
                .migrated(new MigrateResult(
                        OptionalInt.of(3),
                        List.of(Samples.run(Samples.USERS, Direction.UP, 3, 12)),
                        Duration.ofMillis(41)));

        assertThat(document().toString())
                .isEqualTo("{\"ok\":true,\"command\":\"migrate\",\"batch\":3,"
                        + "\"migrations\":[{\"name\":\"20261124153000_create_users\",\"version\":\"20261124153000\","
                        + "\"direction\":\"up\",\"batch\":3,\"durationMs\":12}],\"durationMs\":41}");
    }

    @Test
    void nothingToMigrateHasANullBatch() throws IOException {
        output("migrate").migrated(new MigrateResult(OptionalInt.empty(), List.of(), Duration.ofMillis(4)));

        JsonNode json = document();
        assertThat(json.get("batch").isNull()).isTrue();
        assertThat(json.get("migrations").size()).isZero();
    }

    @Test
    void statusHasEveryKeyWithNullsWhereAbsent() throws IOException {
        output("status").status(Samples.status(directory));

        JsonNode json = document();
        assertThat(json.get("currentVersion").asText()).isEqualTo("20261124153000");
        assertThat(json.get("currentBatch").asInt()).isEqualTo(1);
        JsonNode applied = json.get("migrations").get(0);
        assertThat(applied.get("state").asText()).isEqualTo("applied");
        assertThat(applied.get("appliedAt").asText()).isEqualTo("2026-11-24T15:31:02Z");
        assertThat(applied.get("durationMs").asLong()).isEqualTo(12);
        assertThat(applied.get("reversible").asBoolean()).isFalse();
        assertThat(applied.get("description").asText()).isEqualTo("Creates users.\nBreaking: drops nothing.");
        assertThat(applied.get("file").asText())
                .isEqualTo(Path.of("database", "migrations", Samples.USERS + ".sql")
                        .toString());
        assertThat(json.get("migrations").get(1).get("state").asText()).isEqualTo("missing");
        assertThat(json.get("migrations").get(1).get("file").isNull()).isTrue();
        JsonNode pending = json.get("migrations").get(2);
        assertThat(pending.get("state").asText()).isEqualTo("pending");
        for (String key : List.of("batch", "appliedAt", "durationMs", "description")) {
            assertThat(pending.has(key)).as(key).isTrue();
            assertThat(pending.get(key).isNull()).as(key).isTrue();
        }
        assertThat(json.at("/problems/0/kind").asText()).isEqualTo("missing_file");
        assertThat(json.at("/problems/0/migration").asText()).isEqualTo("20261120000000_gone");
    }

    @Test
    void dryRunHasEveryStatementWithItsLine() throws IOException {
        output("migrate").dryRun(Samples.migratePlan(directory));

        JsonNode json = document();
        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.get("batch").asInt()).isEqualTo(3);
        assertThat(json.at("/migrations/1/transactional").asBoolean()).isFalse();
        assertThat(json.at("/migrations/0/statements/1/line").asInt()).isEqualTo(3);
        assertThat(json.at("/migrations/0/statements/0/sql").asText())
                .isEqualTo("CREATE TABLE users (id bigint PRIMARY KEY)");
    }

    @Test
    void migrationFailureCarriesWhereAndWhat() throws IOException {
        MigrationFailedException error = new MigrationFailedException(
                Samples.USERS,
                Direction.UP,
                Path.of("database/migrations/x.sql"),
                7,
                2,
                "42P07",
                "relation exists",
                List.of("1_a"),
                "Nothing was changed.",
                new SQLException("relation exists"));

        output("migrate").failed(Failure.of(error));

        JsonNode json = document();
        assertThat(json.get("ok").asBoolean()).isFalse();
        JsonNode detail = json.get("error");
        assertThat(detail.get("type").asText()).isEqualTo("migration_failed");
        assertThat(detail.get("exitCode").asInt()).isEqualTo(1);
        assertThat(detail.get("message").asText()).isEqualTo(error.getMessage());
        assertThat(detail.get("migration").asText()).isEqualTo(Samples.USERS);
        assertThat(detail.get("file").asText())
                .isEqualTo(Path.of("database/migrations/x.sql").toString());
        assertThat(detail.get("line").asInt()).isEqualTo(7);
        assertThat(detail.get("statement").asInt()).isEqualTo(2);
        assertThat(detail.get("sqlState").asText()).isEqualTo("42P07");
        assertThat(detail.get("stillApplied").get(0).asText()).isEqualTo("1_a");
    }

    @Test
    void validationFailureListsTheProblems() throws IOException {
        output("rollback").failed(Failure.of(new ValidationException("Refused.", List.of("a is irreversible"))));

        assertThat(document().at("/error/problems/0").asText()).isEqualTo("a is irreversible");
    }

    @Test
    void onlyOneDocumentEvenIfAFailureFollowsAResult() {
        JsonOutput output = output("ping");
        output.pinged(new ServerInfo("SQLite", "3", "jdbc:sqlite:x", Duration.ZERO, ""));
        output.failed(Failure.usage("late"));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"note\":null")
                .doesNotContain("late");
    }
}
