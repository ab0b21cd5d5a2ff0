// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import static dev.cairn.internal.config.TestFiles.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.EnvironmentConfig;
import dev.cairn.EnvironmentConfig.Pool;
import dev.cairn.EnvironmentConfig.Ssl;
import dev.cairn.LintRule;
import dev.cairn.Targets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Resolving one environment: connection forms, paths, typed values, defaults and overrides. */
class EnvironmentResolverTest {

    @TempDir
    Path directory;

    private TestFiles files;

    @BeforeEach
    void setUp() {
        files = new TestFiles(directory);
    }

    private EnvironmentConfig development(String... environmentLines) {
        String[] lines = new String[environmentLines.length + 2];
        lines[0] = "environments:";
        lines[1] = "  development:";
        for (int i = 0; i < environmentLines.length; i++) {
            lines[i + 2] = "    " + environmentLines[i];
        }
        return files.environment("development", lines);
    }

    private String developmentError(String... environmentLines) {
        return error(() -> development(environmentLines));
    }

    @Test
    void defaults() {
        EnvironmentConfig config = development("url: jdbc:sqlite:dev.sqlite3");

        assertThat(config.user()).isEmpty();
        assertThat(config.password()).isEmpty();
        assertThat(config.ssl()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.pool()).isEqualTo(EnvironmentConfig.DEFAULT_POOL);
        assertThat(config.migrationsDirectory()).isEqualTo(directory.resolve("database/migrations"));
        assertThat(config.seedsDirectory()).isEqualTo(directory.resolve("database/seeds"));
        assertThat(config.table()).isEqualTo("cairn_migrations");
        assertThat(config.schema()).isEmpty();
    }

    @Test
    void everySettingOfTheDesignExample() {
        files.yaml(
                "migrations:",
                "  directory: db/migrations",
                "  table: schema_history",
                "  schema: public",
                "seeds:",
                "  directory: db/seeds",
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.sqlite3",
                "  staging:",
                "    client: postgresql           # or give url: directly",
                "    host: ${DB_HOST}",
                "    port: ${DB_PORT:-5432}",
                "    database: ${DB_NAME}",
                "    user: ${DB_USER}",
                "    password: ${DB_PASSWORD}",
                "    ssl: require",
                "    pool: { min: 2, max: 20, idle-timeout: 5m, max-lifetime: 1h }",
                "    connect-timeout: 500ms",
                "    lock-timeout: 2m");
        Map<String, String> variables =
                Map.of("DB_HOST", "db.internal", "DB_NAME", "app", "DB_USER", "deploy", "DB_PASSWORD", "pa$$word");

        EnvironmentConfig staging = files.read(variables).environment("staging", "development");

        assertThat(staging.name()).isEqualTo("staging");
        assertThat(staging.url()).isEqualTo("jdbc:postgresql://db.internal:5432/app");
        assertThat(staging.user()).contains("deploy");
        assertThat(staging.password()).contains("pa$$word");
        assertThat(staging.ssl()).contains(Ssl.REQUIRE);
        assertThat(staging.pool()).isEqualTo(new Pool(2, 20, Duration.ofMinutes(5), Duration.ofHours(1)));
        assertThat(staging.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(staging.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(staging.migrationsDirectory()).isEqualTo(directory.resolve("db/migrations"));
        assertThat(staging.seedsDirectory()).isEqualTo(directory.resolve("db/seeds"));
        assertThat(staging.table()).isEqualTo("schema_history");
        assertThat(staging.schema()).contains("public");
        assertThat(staging.toString()).doesNotContain("pa$$word").contains("password=****");
    }

    @Test
    void anEnvironmentOverridesMigrationsAndSeedsKeyByKey() {
        EnvironmentConfig test = files.environment(
                "test",
                "migrations:",
                "  directory: db/migrations",
                "  table: history",
                "seeds:",
                "  directory: db/seeds",
                "environments:",
                "  test:",
                "    url: 'jdbc:sqlite::memory:'",
                "    migrations:",
                "      table: test_history",
                "      schema: testing",
                "    seeds:",
                "      directory: db/test-seeds");

        assertThat(test.migrationsDirectory()).isEqualTo(directory.resolve("db/migrations"));
        assertThat(test.table()).isEqualTo("test_history");
        assertThat(test.schema()).contains("testing");
        assertThat(test.seedsDirectory()).isEqualTo(directory.resolve("db/test-seeds"));
    }

    @Test
    void pathsAreResolvedAgainstTheFilesDirectoryNotTheWorkingDirectory() {
        EnvironmentConfig config = development(
                "url: jdbc:sqlite:data/dev.sqlite3?foreign_keys=on",
                "migrations: { directory: ../shared/migrations }",
                "seeds: { directory: " + directory.resolve("elsewhere") + " }");

        assertThat(config.url()).isEqualTo("jdbc:sqlite:" + directory.resolve("data/dev.sqlite3") + "?foreign_keys=on");
        assertThat(config.migrationsDirectory()).isEqualTo(directory.getParent().resolve("shared/migrations"));
        assertThat(config.seedsDirectory()).isEqualTo(directory.resolve("elsewhere"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:sqlite::memory:",
                "jdbc:sqlite:",
                "jdbc:sqlite:file:dev.db?mode=memory",
                "jdbc:sqlite::resource:db/dev.db",
                "jdbc:sqlite:/var/lib/app/dev.db",
                "jdbc:h2:mem:dev",
                "jdbc:h2:tcp://db:9092/./dev",
                "jdbc:h2:~/dev",
                "jdbc:h2:file:/var/lib/app/dev;MODE=MySQL"
            })
    void specialSqliteUrlsAndOtherDatabasesAreLeftAlone(String url) {
        assertThat(development("url: '" + url + "'").url()).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:h2:./data/dev, jdbc:h2:",
        "jdbc:h2:file:data/dev, jdbc:h2:file:",
        "'jdbc:h2:./data/dev;MODE=MySQL', jdbc:h2:"
    })
    void relativeH2FilesAreResolvedAgainstTheFilesDirectory(String url, String prefix) {
        String settings = url.contains(";") ? url.substring(url.indexOf(';')) : "";
        assertThat(development("url: '" + url + "'").url())
                .isEqualTo(prefix + directory.resolve("data/dev") + settings);
    }

    @Test
    void h2ClientTakesTheDatabaseAsAFilePathOrMemory() {
        assertThat(development("client: h2", "database: data/dev").url())
                .isEqualTo("jdbc:h2:file:" + directory.resolve("data/dev"));
        assertThat(development("client: h2", "database: ':memory:'").url())
                .isEqualTo("jdbc:h2:mem:cairn;DB_CLOSE_DELAY=-1");
    }

    @ParameterizedTest
    @CsvSource({"mysql, jdbc:mysql:", "mariadb, jdbc:mariadb:"})
    void mysqlAndMariadbClientsBuildServerUrlsOnPort3306(String client, String prefix) {
        assertThat(development("client: " + client, "host: db", "database: app").url())
                .isEqualTo(prefix + "//db:3306/app");
    }

    @Test
    void sqliteClientTakesTheDatabaseAsAFilePath() {
        assertThat(development("client: sqlite", "database: dev.sqlite3").url())
                .isEqualTo("jdbc:sqlite:" + directory.resolve("dev.sqlite3"));
        assertThat(development("client: sqlite3", "database: ':memory:'").url()).isEqualTo("jdbc:sqlite::memory:");
        assertThat(development("client: SQLite", "database: /tmp/x.db", "user: u")
                        .url())
                .isEqualTo("jdbc:sqlite:/tmp/x.db");
    }

    @Test
    void sqliteRefusesHostAndPort() {
        assertThat(developmentError("client: sqlite", "database: dev.db", "host: localhost"))
                .endsWith("cairn.yml:5: host does not apply to SQLite, whose database: is a file path. Remove host:"
                        + " from environments.development.");
        assertThat(developmentError("client: sqlite", "port: 5432", "database: dev.db"))
                .contains("cairn.yml:4: port does not apply to SQLite");
    }

    @Test
    void sqliteNeedsADatabase() {
        assertThat(developmentError("client: sqlite"))
                .endsWith("cairn.yml:3: environments.development: client: sqlite needs database:, the database"
                        + " file's path (relative to the directory of cairn.yml), or :memory:. Add database: to"
                        + " environments.development.");
    }

    @ParameterizedTest
    @CsvSource({"postgresql", "postgres", "pg", "PostgreSQL"})
    void postgresqlClientBuildsAUrl(String client) {
        assertThat(development("client: " + client, "host: db.example.com", "port: 6543", "database: app")
                        .url())
                .isEqualTo("jdbc:postgresql://db.example.com:6543/app");
    }

    @Test
    void postgresqlDefaultsToLocalhostAndPort5432() {
        assertThat(development("client: postgresql", "database: app").url())
                .isEqualTo("jdbc:postgresql://localhost:5432/app");
    }

    @Test
    void postgresqlPutsIpv6InBracketsAndEncodesTheDatabaseName() {
        assertThat(development("client: postgresql", "host: '::1'", "database: my db/2026?")
                        .url())
                .isEqualTo("jdbc:postgresql://[::1]:5432/my%20db%2F2026%3F");
        assertThat(development("client: postgresql", "host: 'fe80::1%eth0'", "database: app")
                        .url())
                .isEqualTo("jdbc:postgresql://[fe80::1%eth0]:5432/app");
        assertThat(development("client: postgresql", "host: '[2001:db8::7]'", "database: app")
                        .url())
                .isEqualTo("jdbc:postgresql://[2001:db8::7]:5432/app");
        assertThat(development("client: postgresql", "host: 10.0.0.7", "database: café")
                        .url())
                .isEqualTo("jdbc:postgresql://10.0.0.7:5432/caf%C3%A9");
    }

    @Test
    void postgresqlNeedsADatabase() {
        assertThat(developmentError("client: postgresql", "host: db"))
                .endsWith("cairn.yml:3: environments.development: client: postgresql needs database:, the name of"
                        + " the database. Add database: to environments.development.");
    }

    @Test
    void aHostWithAPortOrPathIsAnError() {
        assertThat(developmentError("client: postgresql", "host: db:5432", "database: app"))
                .contains("cairn.yml:4: environments.development.host must be a host name or an IP address, not"
                        + " 'db:5432'. Put the port in port:");
        assertThat(developmentError("client: postgresql", "host: dead:beef", "database: app"))
                .contains("cairn.yml:4: environments.development.host must be a host name");
        assertThat(developmentError("client: postgresql", "host: db/app", "database: app"))
                .contains("cairn.yml:4: environments.development.host must be a host name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "abc", "-1", "54.32", "1234567890"})
    void portMustBeBetween1And65535(String port) {
        assertThat(developmentError("client: postgresql", "port: " + port, "database: app"))
                .contains("cairn.yml:4: environments.development.port must be a whole number from 1 to 65535");
    }

    @Test
    void emptyPortAfterReplacementMeansTheDefault() {
        files.yaml(
                "environments:",
                "  development:",
                "    client: postgresql",
                "    port: ${DB_PORT}",
                "    database: app");

        assertThat(files.read(Map.of("DB_PORT", ""))
                        .environment(null, "development")
                        .url())
                .isEqualTo("jdbc:postgresql://localhost:5432/app");
    }

    @Test
    void urlAndClientFormTogetherIsAnError() {
        assertThat(developmentError("url: jdbc:postgresql://db/app", "host: db", "database: app"))
                .endsWith("cairn.yml:4: environments.development gives both url: (line 3) and host:, database:."
                        + " Give either url: alone, or client: with host:, port: and database:.");
    }

    @Test
    void clientFormWithoutClientIsAnError() {
        assertThat(developmentError("host: db", "database: app"))
                .endsWith("cairn.yml:3: environments.development gives host:, database: but no client:. Add client:"
                        + " (postgresql (or postgres, pg), mysql, mariadb, sqlite (or sqlite3), h2), or give url:"
                        + " instead.");
    }

    @Test
    void noConnectionAtAllIsAnError() {
        assertThat(developmentError("user: me"))
                .endsWith("cairn.yml:2: environments.development has no url: or client:. Give url: (such as url:"
                        + " jdbc:sqlite:dev.sqlite3), or client: with database: (and host: and port: for a server).");
    }

    @Test
    void unknownClientListsTheSupportedOnes() {
        assertThat(developmentError("client: oracle", "database: app"))
                .endsWith("cairn.yml:3: environments.development.client 'oracle' is not supported. Use one of:"
                        + " postgresql (or postgres, pg), mysql, mariadb, sqlite (or sqlite3), h2; for another"
                        + " database, give url: with its JDBC URL instead.");
    }

    @Test
    void urlMustBeAJdbcUrlAndIsRedactedWhenShown() {
        assertThat(developmentError("url: postgres://deploy:hunter2@db/app"))
                .contains(
                        "cairn.yml:3: environments.development.url must be a JDBC URL starting with jdbc:",
                        "not 'postgres://deploy:****@db/app'")
                .doesNotContain("hunter2");
    }

    @Test
    void emptyUrlIsAnError() {
        files.yaml("environments:", "  development:", "    url: ${DATABASE_URL}");

        assertThat(error(() -> files.read(Map.of("DATABASE_URL", "")).environment(null, "development")))
                .contains("cairn.yml:3: environments.development.url is empty. Set it to a JDBC URL");
    }

    @Test
    void aVariableWhoseValueWouldEndThePasswordInTheUrlIsRefusedWithoutShowingIt() {
        files.yaml(
                "environments:",
                "  development:",
                "    url: jdbc:postgresql://db/app?user=deploy&password=${DB_PASSWORD}&ssl=true");

        String message =
                error(() -> files.read(Map.of("DB_PASSWORD", "s3c&ret=x")).environment(null, "development"));

        assertThat(message)
                .contains(
                        "cairn.yml:3: environments.development.url takes its password from ${DB_PASSWORD}, whose value"
                                + " holds a character that ends a password in a URL (such as & or ;)",
                        "Give it as password: ${DB_PASSWORD} instead")
                .doesNotContain("s3c", "ret=x");
        // A value that stays whole is fine, and so is a whole URL from one variable, whose & are its own.
        assertThat(files.read(Map.of("DB_PASSWORD", "s3c%26ret"))
                        .environment(null, "development")
                        .url())
                .endsWith("password=s3c%26ret&ssl=true");
        files.yaml("environments:", "  development:", "    url: ${DATABASE_URL}");
        assertThat(files.read(Map.of("DATABASE_URL", "jdbc:postgresql://db/app?user=u&password=p&ssl=true"))
                        .environment(null, "development")
                        .url())
                .endsWith("password=p&ssl=true");
    }

    @Test
    void userAndPasswordWorkWithAUrl() {
        EnvironmentConfig config = development("url: jdbc:postgresql://db/app", "user: u", "password: p");

        assertThat(config.user()).contains("u");
        assertThat(config.password()).contains("p");
    }

    @ParameterizedTest
    @CsvSource({"disable, DISABLE", "require, REQUIRE", "verify-full, VERIFY_FULL", "Require, REQUIRE"})
    void sslModes(String written, Ssl mode) {
        assertThat(development("client: postgresql", "database: app", "ssl: " + written)
                        .ssl())
                .contains(mode);
        assertThat(development("url: jdbc:postgresql://db/app", "ssl: " + written)
                        .ssl())
                .contains(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "prefer", "verify-ca"})
    void otherSslValuesAreErrors(String written) {
        assertThat(developmentError("client: postgresql", "database: app", "ssl: " + written))
                .endsWith("cairn.yml:5: environments.development.ssl must be one of disable, require, verify-full,"
                        + " not '" + written + "'.");
    }

    @Test
    void sslOnSqliteIsAnError() {
        assertThat(developmentError("url: jdbc:sqlite:dev.db", "ssl: require"))
                .endsWith("cairn.yml:4: ssl does not apply to SQLite; remove it from environments.development.");
        assertThat(developmentError("client: sqlite", "database: dev.db", "ssl: disable"))
                .endsWith("cairn.yml:5: ssl does not apply to SQLite; remove it from environments.development.");
    }

    @Test
    void sslOnAnUnknownUrlIsAnError() {
        assertThat(developmentError("url: jdbc:oracle:thin:@db:1521/app", "ssl: require"))
                .contains(
                        "cairn.yml:4: ssl applies only to PostgreSQL, MySQL, MariaDB URLs",
                        "remove ssl: from environments.development");
    }

    @Test
    void durations() {
        assertThat(development("url: jdbc:sqlite:a.db", "connect-timeout: 2m", "lock-timeout: 1h")
                        .connectTimeout())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(development("url: jdbc:sqlite:a.db", "lock-timeout: 90").lockTimeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(development("url: jdbc:sqlite:a.db", "lock-timeout: 1500ms").lockTimeout())
                .isEqualTo(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 seconds", "1.5s", "-1s", "10S", "s", "10d"})
    void malformedDurationsAreErrors(String written) {
        assertThat(developmentError("url: jdbc:sqlite:a.db", "lock-timeout: " + written))
                .endsWith("cairn.yml:4: environments.development.lock-timeout must be a duration such as 500ms, 10s,"
                        + " 2m or 1h (a bare number means seconds), not '" + written + "'.");
    }

    @Test
    void zeroDurationIsAnError() {
        assertThat(developmentError("url: jdbc:sqlite:a.db", "lock-timeout: 0s"))
                .endsWith("cairn.yml:4: environments.development.lock-timeout must be more than 0. Give a duration"
                        + " such as 500ms, 10s, 2m or 1h (a bare number means seconds).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connect-timeout: 99999999h", "lock-timeout: 25h", "connect-timeout: 86400001ms"})
    void durationsBeyondADayAreErrorsWithFileAndLine(String written) {
        String key = written.substring(0, written.indexOf(':'));
        String value = written.substring(written.indexOf(':') + 2);
        assertThat(developmentError("url: jdbc:sqlite:a.db", written))
                .endsWith("cairn.yml:4: environments.development." + key + " must be at most 24h (a longer wait is"
                        + " almost certainly a typo, and drivers cannot take it), not " + value + ".");
        assertThat(development("url: jdbc:sqlite:a.db", key + ": 24h").connectTimeout())
                .isLessThanOrEqualTo(Duration.ofHours(24));
    }

    @Test
    void durationsBelowThePoolsMinimumAreErrors() {
        assertThat(developmentError("url: jdbc:sqlite:a.db", "connect-timeout: 100ms"))
                .contains("cairn.yml:4: environments.development.connect-timeout must be at least 250ms");
        assertThat(developmentError("url: jdbc:sqlite:a.db", "pool: { idle-timeout: 5s }"))
                .contains("cairn.yml:4: environments.development.pool.idle-timeout must be at least 10s");
        assertThat(developmentError("url: jdbc:sqlite:a.db", "pool:", "  max-lifetime: 10s"))
                .contains("cairn.yml:5: environments.development.pool.max-lifetime must be at least 30s");
    }

    @Test
    void idleTimeoutMustBeShorterThanMaxLifetime() {
        assertThat(developmentError("url: jdbc:sqlite:a.db", "pool:", "  max-lifetime: 5m"))
                .endsWith("cairn.yml:5: environments.development.pool.idle-timeout (10m) must be shorter than"
                        + " pool.max-lifetime (5m). Shorten idle-timeout or lengthen max-lifetime.");
    }

    @Test
    void poolSizes() {
        assertThat(development("url: jdbc:sqlite:a.db", "pool: { min: 0, max: 1 }")
                        .pool())
                .isEqualTo(new Pool(0, 1, Duration.ofMinutes(10), Duration.ofMinutes(30)));
        assertThat(development("url: jdbc:sqlite:a.db", "pool: { min: 5, max: 5 }")
                        .pool()
                        .min())
                .isEqualTo(5);
    }

    @Test
    void aLoneBoundMovesTheOtherDefault() {
        assertThat(development("url: jdbc:sqlite:a.db", "pool: { max: 1 }").pool())
                .extracting(Pool::min, Pool::max)
                .containsExactly(1, 1);
        assertThat(development("url: jdbc:sqlite:a.db", "pool: { min: 15 }").pool())
                .extracting(Pool::min, Pool::max)
                .containsExactly(15, 15);
    }

    @Test
    void poolSizeErrors() {
        assertThat(developmentError("url: jdbc:sqlite:a.db", "pool: { min: -1 }"))
                .endsWith("cairn.yml:4: environments.development.pool.min must be a whole number, 0 or more, not"
                        + " '-1'.");
        assertThat(developmentError("url: jdbc:sqlite:a.db", "pool: { max: 0 }"))
                .endsWith("cairn.yml:4: environments.development.pool.max must be a whole number, 1 or more, not '0'.");
        assertThat(developmentError("url: jdbc:sqlite:a.db", "pool:", "  max: 2", "  min: 5"))
                .endsWith("cairn.yml:6: environments.development.pool.min (5) is more than pool.max (2). Make min at"
                        + " most max.");
    }

    @Test
    void anInvalidPathIsAnError() {
        assertThat(developmentError("url: jdbc:sqlite:a.db", "migrations: { directory: \"db\\0x\" }"))
                .contains("cairn.yml:4: environments.development.migrations.directory is not a valid path");
    }

    @Test
    void targetsAreAPatternAListOrAQueryAndParallelIsANumber() {
        assertThat(development("url: jdbc:sqlite:dev.sqlite3").targets()).isEmpty();
        assertThat(development("url: jdbc:sqlite:dev.sqlite3").parallel())
                .isEqualTo(EnvironmentConfig.DEFAULT_PARALLEL);

        EnvironmentConfig pattern =
                development("url: jdbc:postgresql://db/app", "targets:", "  schemas: \"tenant_%\"", "parallel: 8");
        assertThat(pattern.targets()).hasValue(Targets.like(Targets.Kind.SCHEMAS, "tenant_%"));
        assertThat(pattern.parallel()).isEqualTo(8);
        assertThat(development("url: jdbc:postgresql://db/app", "targets:", "  databases: [a, b]")
                        .targets())
                .hasValue(Targets.named(Targets.Kind.DATABASES, List.of("a", "b")));
        assertThat(development(
                                "url: jdbc:postgresql://db/app",
                                "targets:",
                                "  schemas: { query: \"SELECT name FROM tenants\" }")
                        .targets())
                .hasValue(Targets.fromQuery(Targets.Kind.SCHEMAS, "SELECT name FROM tenants"));

        assertThat(developmentError("url: jdbc:postgresql://db/app", "targets:", "  schemas: a", "  databases: b"))
                .contains("either schemas: or databases:, not both");
        assertThat(developmentError("url: jdbc:postgresql://db/app", "targets:", "  schemas: [a, a]"))
                .contains("names a a second time");
        assertThat(developmentError("url: jdbc:postgresql://db/app", "targets:", "  schemas: { sql: x }"))
                .contains("sql");
        assertThat(developmentError("url: jdbc:postgresql://db/app", "targets:", "  schemas: { }"))
                .contains("needs query:");
        assertThat(developmentError("url: jdbc:postgresql://db/app", "parallel: 0"))
                .contains("parallel must be a whole number from 1 to 256");
    }

    @Test
    void placeholdersComeFromMigrationsAtTheTopAndInTheEnvironmentKeyByKey() {
        EnvironmentConfig config = files.environment(
                "development",
                "migrations:",
                "  placeholders:",
                "    owner: app_owner",
                "    region: eu",
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.sqlite3",
                "    migrations:",
                "      placeholders:",
                "        region: ${REGION:-us}");
        assertThat(config.placeholders()).isEqualTo(Map.of("owner", "app_owner", "region", "us"));

        assertThat(developmentError("url: jdbc:sqlite:dev.sqlite3", "migrations:", "  placeholders:", "    target: x"))
                .contains("${target} is the fleet target each migration runs on");
        assertThat(developmentError("url: jdbc:sqlite:dev.sqlite3", "migrations:", "  placeholders:", "    \"a b\": x"))
                .contains("'a b' cannot be a placeholder's name");
    }

    @Test
    void lintRulesComeFromTheTopAndTheEnvironmentRuleByRule() {
        EnvironmentConfig config = files.environment(
                "development",
                "lint:",
                "  rules:",
                "    drop-column: off",
                "    rename-column: error",
                "    lock-timeout: off",
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.sqlite3",
                "    lint:",
                "      rules:",
                "        lock-timeout: ${LOCK_TIMEOUT_RULE:-Warning}");
        assertThat(config.lint().off()).containsExactly("drop-column");
        assertThat(config.lint().levels())
                .isEqualTo(Map.of("rename-column", LintRule.Level.ERROR, "lock-timeout", LintRule.Level.WARNING));

        assertThat(developmentError("url: jdbc:sqlite:dev.sqlite3", "lint:", "  rules:", "    drop-colum: off"))
                .contains("cairn.yml:6: environments.development.lint.rules.drop-colum: Cairn has no lint rule"
                        + " drop-colum; cairn lint --rules lists them all.");
        assertThat(developmentError("url: jdbc:sqlite:dev.sqlite3", "lint:", "  rules:", "    drop-column: loud"))
                .contains("environments.development.lint.rules.drop-column is 'loud'; write off, warning or error.");
    }

    @Test
    void lockTimeoutDdlIsAnEnvironmentsDurationOfAtLeastTenMilliseconds() {
        assertThat(files.environment("development", "environments:", "  development:", "    url: jdbc:sqlite:a.db")
                        .lockTimeoutDdl())
                .isEmpty();
        assertThat(files.environment(
                                "development",
                                "environments:",
                                "  development:",
                                "    url: jdbc:sqlite:a.db",
                                "    lock-timeout-ddl: ${DDL_WAIT:-2s}")
                        .lockTimeoutDdl())
                .contains(Duration.ofSeconds(2));
        assertThat(developmentError("url: jdbc:sqlite:a.db", "lock-timeout-ddl: 5ms"))
                .contains("cairn.yml:4: environments.development.lock-timeout-ddl must be at least 10ms, not 5ms");
        assertThat(developmentError("url: jdbc:sqlite:a.db", "lock-timeout-ddl: soon"))
                .contains("lock-timeout-ddl");
    }
}
