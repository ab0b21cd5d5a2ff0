// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import static dev.cairn.internal.config.TestFiles.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ${VAR} replacement, on its own and through cairn.yml and .env. */
class VariablesTest {

    private static final SourceFile SOURCE = new SourceFile("cairn.yml", Path.of("/app/cairn.yml"));

    @TempDir
    Path directory;

    private TestFiles files;

    @BeforeEach
    void setUp() {
        files = new TestFiles(directory);
    }

    private static String expand(String raw, Map<String, String> values) {
        Variables variables = new Variables(values, Map.of(), Path.of("/app/.env"));
        return variables.expand(new Scalar("environments.staging.host", raw, 12), SOURCE, false);
    }

    private static String expandError(String raw, Map<String, String> values, boolean secret) {
        Variables variables = new Variables(values, Map.of(), Path.of("/app/.env"));
        return error(() -> variables.expand(new Scalar("environments.staging.password", raw, 7), SOURCE, secret));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "${HOST}|db.internal",
                "jdbc:postgresql://${HOST}:${PORT}/app|jdbc:postgresql://db.internal:6543/app",
                "${MISSING:-fallback}|fallback",
                "${EMPTY:-fallback}|fallback",
                "${HOST:-fallback}|db.internal",
                "${MISSING:-}|''",
                "${EMPTY}|''",
                "${MISSING:-${HOST}}|db.internal",
                "${HOST:-${MISSING}}|db.internal",
                "${MISSING:-a-${PORT}-b}|a-6543-b",
                "$${HOST}|${HOST}",
                "pa$word|pa$word",
                "$$|$$",
                "$|$",
                "cost: $5 {x}|cost: $5 {x}",
                "a$${b}${HOST}|a${b}db.internal",
                "${MISSING:-x:-y}|x:-y",
                "}${HOST}}|}db.internal}",
            })
    void replacesReferences(String raw, String expected) {
        Map<String, String> values = Map.of("HOST", "db.internal", "PORT", "6543", "EMPTY", "");

        assertThat(expand(raw, values)).isEqualTo(expected);
    }

    @Test
    void replacedValuesAreNotScannedAgain() {
        assertThat(expand("${A}", Map.of("A", "${B}", "B", "no"))).isEqualTo("${B}");
    }

    @Test
    void unsetVariableNamesItTheSettingAndTheWaysToSetIt() {
        String message = error(() -> expand("${DB_HOST}", Map.of()));

        assertThat(message)
                .isEqualTo("cairn.yml:12: variable DB_HOST is not set (used by environments.staging.host)."
                        + " Set it in the environment or in /app/.env, or give a default: ${DB_HOST:-…}");
    }

    @Test
    void unsetVariableInsideAUsedDefaultIsAnError() {
        assertThat(error(() -> expand("${A:-${B}}", Map.of()))).contains("variable B is not set");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "${|${",
                "${}|${}",
                "${A B}|${A B}",
                "${1A}|${1A}",
                "${A-b}|${A-b}",
                "x${HOST|${HOST",
                "${A:-b|${A:-b",
                "${A:-${B}|${A:-${B}",
            })
    void malformedReferencesAreErrorsWithTheirLine(String raw, String shown) {
        String message = expandError(raw, Map.of("HOST", "h", "A", "a"), false);

        assertThat(message)
                .startsWith(
                        "cairn.yml:7: malformed variable reference " + shown + " in environments.staging.password: ")
                .endsWith(". Write ${NAME} or ${NAME:-default}; write $${ for a literal ${.");
    }

    @Test
    void malformedReferenceInASecretIsNotQuoted() {
        String message = expandError("hunter${2", Map.of(), true);

        assertThat(message)
                .isEqualTo("cairn.yml:7: malformed variable reference in environments.staging.password:"
                        + " it has no closing }. Write ${NAME} or ${NAME:-default}; write $${ for a literal ${.")
                .doesNotContain("hunter");
    }

    @Test
    void givenVariablesWinOverDotEnv() {
        Map<String, String> given = new HashMap<>();
        given.put("A", "given");
        given.put("B", "");
        given.put(null, "ignored");
        Variables variables =
                new Variables(given, Map.of("A", "dotenv", "B", "dotenv", "C", "dotenv"), Path.of(".env"));

        assertThat(variables.get("A")).contains("given");
        assertThat(variables.get("B")).contains("");
        assertThat(variables.get("C")).contains("dotenv");
        assertThat(variables.get("D")).isEmpty();
    }

    @Test
    void onlyTheChosenEnvironmentIsReplaced() {
        files.yaml(
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.db",
                "  staging:",
                "    client: postgresql",
                "    host: ${DB_HOST}",
                "    database: app");

        assertThat(files.read(Map.of())
                        .environment("development", "development")
                        .url())
                .endsWith("dev.db");
        assertThat(error(() -> files.read(Map.of()).environment("staging", "development")))
                .isEqualTo(directory.resolve("cairn.yml") + ":6: variable DB_HOST is not set (used by"
                        + " environments.staging.host). Set it in the environment or in " + directory.resolve(".env")
                        + ", or give a default: ${DB_HOST:-…}");
    }

    @Test
    void topLevelSectionsAreReplacedWhenUsed() {
        files.yaml(
                "migrations:",
                "  directory: ${MIGRATIONS:-db/migrations}",
                "  schema: ${SCHEMA:-}",
                "  table: ${TABLE}",
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.db",
                "  test:",
                "    url: jdbc:sqlite:test.db",
                "    migrations: { table: test_history }");

        assertThat(error(() -> files.read(Map.of()).environment("development", "development")))
                .contains("cairn.yml:4: variable TABLE is not set (used by migrations.table)");
        // The environment's own table wins, so ${TABLE} is never needed.
        var test = files.read(Map.of("MIGRATIONS", "sql")).environment("test", "development");
        assertThat(test.table()).isEqualTo("test_history");
        assertThat(test.migrationsDirectory()).isEqualTo(directory.resolve("sql"));
        assertThat(test.schema()).isEmpty();
    }

    @Test
    void keysAreNotReplaced() {
        files.yaml("environments:", "  ${ENV}:", "    url: jdbc:sqlite:dev.db");

        assertThat(files.read(Map.of("ENV", "development")).environmentNames()).containsExactly("${ENV}");
    }

    @Test
    void dotEnvBesideTheFileFillsInVariables() {
        files.yaml(
                "environments:",
                "  staging:",
                "    client: postgresql",
                "    host: ${DB_HOST}",
                "    database: ${DB_NAME}",
                "    user: ${DB_USER}",
                "    password: ${DB_PASSWORD}");
        files.dotEnv(
                "# staging credentials",
                "DB_HOST=from-dotenv",
                "export DB_NAME=app",
                "DB_USER='deploy'",
                "DB_PASSWORD=\"pa$$ \\\"word\\\"\" # a comment");

        var staging = files.read(Map.of("DB_HOST", "from-environment")).environment("staging", "development");

        assertThat(staging.url()).isEqualTo("jdbc:postgresql://from-environment:5432/app");
        assertThat(staging.user()).contains("deploy");
        assertThat(staging.password()).contains("pa$$ \"word\"");
    }

    @Test
    void passwordsKeepTheirDollarSigns() {
        files.yaml(
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.db",
                "    password: 'p$a$$w{o}rd$$${HOST}'");

        assertThat(files.read(Map.of("HOST", "h"))
                        .environment(null, "development")
                        .password())
                .contains("p$a$$w{o}rd$${HOST}");
    }
}
