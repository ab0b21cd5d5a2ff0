// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import static dev.cairn.internal.config.TestFiles.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.EnvironmentConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading cairn.yml: the file, its YAML, its structure, and choosing an environment. */
class ConfigFileTest {

    @TempDir
    Path directory;

    private TestFiles files;

    @BeforeEach
    void setUp() {
        files = new TestFiles(directory);
    }

    @Test
    void readsAMinimalFile() {
        ConfigFile config = files.read("environments:", "  development:", "    url: 'jdbc:sqlite::memory:'");

        assertThat(config.path())
                .isEqualTo(directory.resolve("cairn.yml").toAbsolutePath().normalize());
        assertThat(config.environmentNames()).containsExactly("development");
        EnvironmentConfig development = config.environment(null, "development");
        assertThat(development.name()).isEqualTo("development");
        assertThat(development.url()).isEqualTo("jdbc:sqlite::memory:");
    }

    @Test
    void missingFileSaysToRunInit() {
        Path missing = directory.resolve("nested/cairn.yml");

        String message = error(() -> ConfigFile.read(missing, Map.of()));

        assertThat(message)
                .isEqualTo(missing.toAbsolutePath() + " does not exist. Create it (`cairn init` writes one), or name"
                        + " your file (Cairn.Builder.configFile; in the cairn tool, -c/--config).");
    }

    @Test
    void aDirectoryIsNotAFile() {
        String message = error(() -> ConfigFile.read(directory, Map.of()));

        assertThat(message).contains(directory.toString(), "is a directory", "-c/--config");
    }

    @Test
    void malformedYamlNamesLineAndColumnButNeverQuotesTheSource() {
        files.yaml(
                "environments:",
                "  staging:",
                "    url: jdbc:postgresql://db/app",
                "    password: s3cret",
                "   user: [broken");

        String message = error(() -> files.read(Map.of()));

        assertThat(message).startsWith(directory.resolve("cairn.yml") + ":5:");
        assertThat(message).matches("(?s).*cairn\\.yml:5:\\d+: .*").contains("Fix the YAML there");
        assertThat(message).doesNotContain("s3cret").doesNotContain("broken").doesNotContain("^");
    }

    @Test
    void yamlErrorsUseTheFileNameAsGiven() {
        files.yaml("environments: {development: {url: x}", "");
        Path relative = Path.of("").toAbsolutePath().relativize(directory.resolve("cairn.yml"));

        String message = error(() -> ConfigFile.read(relative, Map.of()));

        assertThat(message).startsWith(relative + ":");
    }

    @Test
    void aValueThatNeedsQuotesIsAYamlError() {
        files.yaml("environments:", "  development:", "    password: a: b");

        String message = error(() -> files.read(Map.of()));

        assertThat(message)
                .contains("cairn.yml:3:16: mapping values are not allowed here.", "quote a value that contains ': '")
                .doesNotContain("a: b");
    }

    @Test
    void tabsAndControlCharactersAreErrorsWithTheirLine() {
        files.write("cairn.yml", "environments:\n  development:\n    url: jdbc:sqlite:a\u0007\n");

        String message = error(() -> files.read(Map.of()));

        assertThat(message).contains("cairn.yml:3:", "U+0007", "not allowed");
    }

    @Test
    void nonUtf8FileIsRefusedWithItsLine() {
        byte[] latin1 =
                "environments:\n  development:\n    password: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        files.write("cairn.yml", latin1);

        String message = error(() -> files.read(Map.of()));

        assertThat(message).contains("cairn.yml:3: the file is not valid UTF-8 (byte 0xE9)", "Save it with the UTF-8");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        files.write("cairn.yml", "\uFEFFenvironments:\n  development:\n    url: jdbc:sqlite:a.db\n");

        assertThat(files.read(Map.of()).environmentNames()).containsExactly("development");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        String message = error(() -> files.read(
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:a.db",
                "    user: me",
                "    url: jdbc:sqlite:b.db"));

        assertThat(message)
                .endsWith("cairn.yml:5: duplicate key 'url' in environments.development (first at line 3)."
                        + " Remove one of them.");
    }

    @Test
    void duplicateEnvironmentIsAnError() {
        String message = error(() -> files.read(
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:a.db",
                "  development:",
                "    url: jdbc:sqlite:b.db"));

        assertThat(message).contains("cairn.yml:4: duplicate key 'development' in environments (first at line 2)");
    }

    @Test
    void unknownTopLevelKeySuggestsTheRightOne() {
        String message = error(() -> files.read("environment:", "  development:", "    url: jdbc:sqlite:a.db"));

        assertThat(message)
                .endsWith("cairn.yml:1: unknown key 'environment' in the top level. Did you mean"
                        + " 'environments'? Keys allowed here: migrations, seeds, lint, environments.");
    }

    @Test
    void unknownEnvironmentKeyListsTheAllowedOnes() {
        String message = error(
                () -> files.read("environments:", "  development:", "    url: jdbc:sqlite:a.db", "    pasword: x"));

        assertThat(message)
                .endsWith("cairn.yml:4: unknown key 'pasword' in environments.development. Did you mean 'password'?"
                        + " Keys allowed here: url, client, host, port, database, user, password, ssl, pool,"
                        + " connect-timeout, lock-timeout, lock-timeout-ddl, migrations, seeds, targets,"
                        + " parallel, lint.");
    }

    @Test
    void unknownKeyInAnEnvironmentThatIsNotUsedIsStillAnError() {
        String message = error(() -> files.read(
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:a.db",
                "  production:",
                "    url: ${PROD_URL}",
                "    username: app"));

        assertThat(message)
                .contains("cairn.yml:6: unknown key 'username' in environments.production.", "Did you mean 'user'?");
    }

    @Test
    void unknownKeysInNestedSections() {
        assertThat(error(() -> files.read(
                        "environments:",
                        "  development:",
                        "    url: jdbc:sqlite:a.db",
                        "    pool: { min: 1, maximum: 5 }")))
                .contains(
                        "cairn.yml:4: unknown key 'maximum' in environments.development.pool. Did you mean 'max'?",
                        "Keys allowed here: min, max, idle-timeout, max-lifetime.");
        assertThat(error(() -> files.read(
                        "migrations:",
                        "  dir: db/migrate",
                        "environments:",
                        "  development:",
                        "    url: jdbc:sqlite:a.db")))
                .contains(
                        "cairn.yml:2: unknown key 'dir' in migrations. Did you mean 'directory'?",
                        "Keys allowed here: directory, locations, table, schema, schema-file, placeholders.");
        assertThat(error(() -> files.read(
                        "environments:",
                        "  development:",
                        "    url: jdbc:sqlite:a.db",
                        "    seeds:",
                        "      table: x")))
                .contains(
                        "cairn.yml:5: unknown key 'table' in environments.development.seeds.",
                        "Keys allowed here: directory.");
    }

    @Test
    void unknownKeyWithNothingCloseHasNoSuggestion() {
        String message = error(() ->
                files.read("environments:", "  development:", "    url: jdbc:sqlite:a.db", "    flavour: strawberry"));

        assertThat(message).contains("unknown key 'flavour'").doesNotContain("Did you mean");
    }

    @Test
    void camelCaseAndUnderscoreKeysSuggestTheKebabCaseOnes() {
        assertThat(error(() -> files.read(
                        "environments:", "  development:", "    url: jdbc:sqlite:a.db", "    connectTimeout: 5s")))
                .contains("unknown key 'connectTimeout'", "Did you mean 'connect-timeout'?");
        assertThat(error(() -> files.read(
                        "environments:", "  development:", "    url: jdbc:sqlite:a.db", "    lock_timeout: 5s")))
                .contains("Did you mean 'lock-timeout'?");
    }

    @Test
    void missingEnvironmentsIsAnError() {
        String message = error(() -> files.read("migrations:", "  directory: db"));

        assertThat(message)
                .contains(
                        "cairn.yml:1: environments: is missing. Add it with at least one environment",
                        "development: { url: jdbc:sqlite:dev.sqlite3 }");
    }

    @Test
    void emptyEnvironmentsIsAnError() {
        assertThat(error(() -> files.read("migrations: {}", "environments:")))
                .contains("cairn.yml:2: environments: is empty. Add at least one environment");
        assertThat(error(() -> files.read("environments: {}"))).contains("cairn.yml:1: environments: is empty.");
    }

    @Test
    void emptyFileIsAnError() {
        String message = error(() -> files.read("# nothing here yet"));

        assertThat(message).contains("cairn.yml:1: the file is empty", "environments:", "`cairn init`");
    }

    @Test
    void emptyEnvironmentIsAnError() {
        assertThat(error(() -> files.read(
                        "environments:",
                        "  development:",
                        "    url: jdbc:sqlite:a.db",
                        "  staging:",
                        "  production: {}")))
                .contains("cairn.yml:4: environment 'staging' is empty. Give it url:");
    }

    @Test
    void wrongShapesAreErrors() {
        assertThat(error(() -> files.read("- environments")))
                .contains("cairn.yml:1: The file must be a mapping", "not a list");
        assertThat(error(() -> files.read("environments: [development]")))
                .contains("cairn.yml:1: environments must be a mapping", "not a list");
        assertThat(error(() -> files.read("environments:", "  development: jdbc:sqlite:dev.db")))
                .contains("cairn.yml:2: environments.development must be a mapping, such as development:"
                        + " { url: jdbc:sqlite:dev.sqlite3 }, not a single value.");
        assertThat(error(() ->
                        files.read("environments:", "  development:", "    url: jdbc:sqlite:a.db", "    pool: 5")))
                .contains("cairn.yml:4: environments.development.pool must be a mapping, such as pool:"
                        + " { min: 2, max: 20 }");
        assertThat(error(() -> files.read("environments:", "  development:", "    url:", "      - jdbc:sqlite:a.db")))
                .contains("cairn.yml:4: environments.development.url must be a single value, not a list.");
    }

    @Test
    void moreThanOneDocumentIsAnError() {
        String message = error(() -> files.read(
                "environments: { development: { url: 'jdbc:sqlite:a.db' } }",
                "---",
                "environments: { staging: { url: 'jdbc:sqlite:b.db' } }"));

        assertThat(message)
                .contains("cairn.yml:2:1: expected a single document in the stream, but found another document.");
    }

    @Test
    void aPlainValueEndingInAColonMustBeQuoted() {
        String message = error(() -> files.read("environments:", "  development:", "    url: jdbc:sqlite::memory:"));

        assertThat(message).contains("cairn.yml:3:", "ends with ':'");
    }

    @Test
    void globalTagsAreRefusedAndNeverConstructed() {
        String message = error(() ->
                files.read("environments:", "  development:", "    url: !!java.net.URL [\"http://example.com\"]"));

        assertThat(message).contains("cairn.yml:3:10: Global tag is not allowed", "Remove the tag");
    }

    @Test
    void localTagsAreRefused() {
        String message = error(() -> files.read(
                "environments:", "  development:", "    url: jdbc:sqlite:a.db", "    password: !secret vault/db"));

        assertThat(message)
                .contains("cairn.yml:4: the tag !secret is not supported", "Remove the tag")
                .doesNotContain("vault/db");
    }

    @Test
    void aliasesAndMergeKeysShareSettings() {
        ConfigFile config = files.read(
                "environments:",
                "  staging: &server",
                "    client: postgresql",
                "    host: staging.internal",
                "    database: app",
                "    user: &user deploy",
                "  production:",
                "    <<: *server",
                "    host: prod.internal",
                "    password: *user");

        EnvironmentConfig production = config.environment("production", "development");
        assertThat(production.url()).isEqualTo("jdbc:postgresql://prod.internal:5432/app");
        assertThat(production.user()).contains("deploy");
        assertThat(production.password()).contains("deploy");
    }

    @Test
    void mergedKeysAreCheckedToo() {
        String message = error(() -> files.read(
                "environments:",
                "  staging: &server",
                "    client: postgresql",
                "    database: app",
                "  production:",
                "    <<: [*server, {hots: x}]"));

        assertThat(message)
                .contains("cairn.yml:6: unknown key 'hots' in environments.production.", "Did you mean 'host'?");
    }

    @Test
    void aMergeLoopIsAnErrorNotAStackOverflow() {
        String message = error(() ->
                files.read("environments:", "  development: &loop", "    url: jdbc:sqlite:a.db", "    <<: *loop"));

        assertThat(message).contains("cairn.yml:", "refers to a mapping that contains it", "Remove the loop");
    }

    @Test
    void aRecursiveValueIsAnError() {
        String message = error(() ->
                files.read("environments:", "  development:", "    url: jdbc:sqlite:a.db", "    pool: &p { min: *p }"));

        assertThat(message).contains("cairn.yml:4:", "environments.development.pool.min must be a single value");
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x]\n");
        for (int i = 0; i < 12; i++) {
            yaml.append((char) ('b' + i))
                    .append(": &")
                    .append((char) ('b' + i))
                    .append(" [*")
                    .append((char) ('a' + i))
                    .append(", *")
                    .append((char) ('a' + i))
                    .append(", *")
                    .append((char) ('a' + i))
                    .append(", *")
                    .append((char) ('a' + i))
                    .append(", *")
                    .append((char) ('a' + i))
                    .append("]\n");
        }
        files.write("cairn.yml", yaml.toString());

        String message = error(() -> files.read(Map.of()));

        assertThat(message).contains("cairn.yml:", "aliases", "Simplify the file");
    }

    @Test
    void environmentNamesAreInFileOrder() {
        ConfigFile config = files.read(
                "environments:",
                "  production: { url: 'jdbc:sqlite:p.db' }",
                "  development: { url: 'jdbc:sqlite:d.db' }",
                "  staging: { url: 'jdbc:sqlite:s.db' }");

        assertThat(config.environmentNames()).containsExactly("production", "development", "staging");
    }

    @Test
    void theEnvironmentIsTheNameElseCairnEnvElseDevelopment() {
        files.yaml(
                "environments:",
                "  development: { url: 'jdbc:sqlite:d.db' }",
                "  staging: { url: 'jdbc:sqlite:s.db' }",
                "  production: { url: 'jdbc:sqlite:p.db' }");

        assertThat(files.read(Map.of()).environment(null, "development").name()).isEqualTo("development");
        assertThat(files.read(Map.of("CAIRN_ENV", "staging"))
                        .environment(null, "development")
                        .name())
                .isEqualTo("staging");
        assertThat(files.read(Map.of("CAIRN_ENV", "staging"))
                        .environment("production", "development")
                        .name())
                .isEqualTo("production");
        assertThat(files.read(Map.of("CAIRN_ENV", ""))
                        .environment(null, "development")
                        .name())
                .isEqualTo("development");
    }

    @Test
    void cairnEnvMayComeFromDotEnv() {
        files.yaml(
                "environments:",
                "  development: { url: 'jdbc:sqlite:d.db' }",
                "  staging: { url: 'jdbc:sqlite:s.db' }");
        files.dotEnv("CAIRN_ENV=staging");

        assertThat(files.read(Map.of()).environment(null, "development").name()).isEqualTo("staging");
        assertThat(files.read(Map.of("CAIRN_ENV", "development"))
                        .environment(null, "development")
                        .name())
                .isEqualTo("development");
    }

    @Test
    void unknownEnvironmentListsTheKnownOnes() {
        ConfigFile config = files.read(
                "environments:",
                "  development: { url: 'jdbc:sqlite:d.db' }",
                "  staging: { url: 'jdbc:sqlite:s.db' }",
                "  production: { url: 'jdbc:sqlite:p.db' }");

        String message = error(() -> config.environment("prod", "development"));

        assertThat(message)
                .isEqualTo("Environment 'prod' is not in " + config.path() + "; it has: development,"
                        + " staging, production. Choose one with CAIRN_ENV (or Cairn.Builder.environment; in the"
                        + " cairn tool, -e/--env).");
    }

    @Test
    void missingDefaultEnvironmentIsAnError() {
        ConfigFile config = files.read("environments:", "  production: { url: 'jdbc:sqlite:p.db' }");

        assertThat(error(() -> config.environment(null, "development")))
                .startsWith("Environment 'development' is not in ")
                .contains("it has: production.");
    }

    @Test
    void nullValuesCountAsNotGiven() {
        EnvironmentConfig development = files.environment(
                "development",
                "migrations:",
                "  directory:",
                "  schema: ~",
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:a.db",
                "    user: null",
                "    pool:");

        assertThat(development.user()).isEmpty();
        assertThat(development.schema()).isEmpty();
        assertThat(development.migrationsDirectory()).isEqualTo(directory.resolve("database/migrations"));
        assertThat(development.pool()).isEqualTo(dev.cairn.EnvironmentConfig.DEFAULT_POOL);
    }
}
