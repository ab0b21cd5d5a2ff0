// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import static dev.cairn.internal.config.TestFiles.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.EnvironmentConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrations.locations} in {@code cairn.yml}: a list or one value, resolved against the file's
 * directory, overridden per environment, and every way to write it wrong, with its line.
 */
class MigrationLocationsTest {

    private static final String DEVELOPMENT = "environments:\n  development:\n    url: jdbc:sqlite:dev.sqlite3";

    @TempDir
    Path directory;

    private TestFiles files;

    @BeforeEach
    void setUp() {
        files = new TestFiles(directory);
    }

    private EnvironmentConfig development(String... lines) {
        return files.environment("development", lines);
    }

    private String developmentError(String... lines) {
        return error(() -> development(lines));
    }

    @Test
    void aListOfLocationsIsResolvedInTheOrderWritten() {
        EnvironmentConfig config = development(
                "migrations:",
                "  locations:",
                "    - filesystem:db/migrations",
                "    - classpath:/com/example/migrations/",
                "    - shared/sql",
                DEVELOPMENT);

        assertThat(config.migrationLocations())
                .containsExactly(
                        "filesystem:" + directory.resolve("db/migrations"),
                        "classpath:com/example/migrations",
                        "filesystem:" + directory.resolve("shared/sql"));
        // cairn make writes into the first directory among the locations.
        assertThat(config.migrationsDirectory()).isEqualTo(directory.resolve("db/migrations"));
    }

    @Test
    void aFlowListIsAList() {
        EnvironmentConfig config =
                development("migrations:", "  locations: [ classpath:db/migrations, filesystem:sql ]", DEVELOPMENT);

        assertThat(config.migrationLocations())
                .containsExactly("classpath:db/migrations", "filesystem:" + directory.resolve("sql"));
        assertThat(config.migrationsDirectory()).isEqualTo(directory.resolve("sql"));
    }

    @Test
    void aSingleValueIsAListOfOne() {
        EnvironmentConfig config = development("migrations:", "  locations: classpath:db/migrations", DEVELOPMENT);

        assertThat(config.migrationLocations()).containsExactly("classpath:db/migrations");
        // No directory among the locations: make's directory is the default one.
        assertThat(config.migrationsDirectory()).isEqualTo(directory.resolve("database/migrations"));
    }

    @Test
    void withoutLocationsTheDirectoryIsTheOneLocation() {
        EnvironmentConfig config = development("migrations:", "  directory: sql", DEVELOPMENT);

        assertThat(config.migrationLocations()).isEmpty();
        assertThat(config.migrationsDirectory()).isEqualTo(directory.resolve("sql"));
        assertThat(development(DEVELOPMENT).migrationLocations()).isEmpty();
        assertThat(development(DEVELOPMENT).migrationsDirectory()).isEqualTo(directory.resolve("database/migrations"));
    }

    @Test
    void anEnvironmentsLocationsOverrideTheTopLevel() {
        files.yaml(
                "migrations:",
                "  locations: [ filesystem:db/migrations ]",
                "  table: history",
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.sqlite3",
                "  production:",
                "    url: jdbc:sqlite:prod.sqlite3",
                "    migrations:",
                "      locations:",
                "        - classpath:db/migrations");
        ConfigFile file = files.read(Map.of());

        EnvironmentConfig development = file.environment("development", "development");
        EnvironmentConfig production = file.environment("production", "development");

        assertThat(development.migrationLocations())
                .containsExactly("filesystem:" + directory.resolve("db/migrations"));
        assertThat(production.migrationLocations()).containsExactly("classpath:db/migrations");
        assertThat(production.table()).isEqualTo("history");
    }

    @Test
    void anEnvironmentThatSetsOnlyItsTableKeepsTheTopLevelsLocations() {
        files.yaml(
                "migrations:",
                "  locations: [ classpath:db/migrations ]",
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.sqlite3",
                "    migrations:",
                "      table: dev_history");

        EnvironmentConfig development = files.read(Map.of()).environment("development", "development");

        assertThat(development.migrationLocations()).containsExactly("classpath:db/migrations");
        assertThat(development.table()).isEqualTo("dev_history");
    }

    @Test
    void anEnvironmentsDirectoryOverridesTheTopLevelsLocations() {
        files.yaml(
                "migrations:",
                "  locations: [ classpath:db/migrations ]",
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.sqlite3",
                "    migrations:",
                "      directory: local/migrations");

        EnvironmentConfig development = files.read(Map.of()).environment("development", "development");

        assertThat(development.migrationLocations()).isEmpty();
        assertThat(development.migrationsDirectory()).isEqualTo(directory.resolve("local/migrations"));
    }

    @Test
    void directoryAndLocationsInOneMappingIsAnErrorAtTheDirectoryLine() {
        assertThat(developmentError(
                        "migrations:",
                        "  directory: db/migrations",
                        "  locations:",
                        "    - classpath:db/migrations",
                        DEVELOPMENT))
                .endsWith("cairn.yml:2: migrations gives both directory: and locations:. Keep locations: (a directory"
                        + " is written there as filesystem:PATH), or directory: alone.");
        assertThat(developmentError(
                        "environments:",
                        "  development:",
                        "    url: jdbc:sqlite:dev.sqlite3",
                        "    migrations:",
                        "      locations: [ classpath:db/migrations ]",
                        "      directory: db/migrations"))
                .endsWith("cairn.yml:6: environments.development.migrations gives both directory: and locations:."
                        + " Keep locations: (a directory is written there as filesystem:PATH), or directory: alone.");
    }

    @Test
    void anItemThatIsAMappingIsAnErrorWithItsLine() {
        // "filesystem: db" with a space after the colon is a mapping in YAML: an easy slip.
        assertThat(developmentError(
                        "migrations:",
                        "  locations:",
                        "    - classpath:db/migrations",
                        "    - filesystem: db/migrations",
                        DEVELOPMENT))
                .endsWith("cairn.yml:4: migrations.locations[1] must be a single value, not a mapping.");
    }

    @Test
    void locationsThatAreAMappingIsAnErrorWithItsLine() {
        assertThat(developmentError("migrations:", "  locations:", "    filesystem: db/migrations", DEVELOPMENT))
                .endsWith("cairn.yml:3: migrations.locations must be a list, such as [ a, b ], not a mapping.");
    }

    @Test
    void anEmptyListIsAnError() {
        assertThat(developmentError("migrations:", "  locations: []", DEVELOPMENT))
                .endsWith("cairn.yml:1: migrations.locations is an empty list; name at least one location, such as"
                        + " filesystem:database/migrations or classpath:db/migrations.");
    }

    @Test
    void anUnknownPrefixIsAnErrorWithItsLine() {
        assertThat(developmentError(
                        "migrations:",
                        "  locations:",
                        "    - db/migrations",
                        "    - gcs:bucket/migrations",
                        DEVELOPMENT))
                .endsWith("cairn.yml:4: migrations.locations[1]: 'gcs:bucket/migrations' has the prefix gcs:, which"
                        + " Cairn does not read; use filesystem:PATH or classpath:PACKAGE.");
    }

    @Test
    void anS3LocationIsAnErrorWithItsLine() {
        assertThat(developmentError(
                        "migrations:",
                        "  locations:",
                        "    - db/migrations",
                        "    - s3:bucket/migrations",
                        DEVELOPMENT))
                .endsWith("cairn.yml:4: migrations.locations[1]: 's3:bucket/migrations' has the prefix s3:, which"
                        + " Cairn does not read; use filesystem:PATH or classpath:PACKAGE.");
    }

    @Test
    void anEmptyItemIsAnErrorWithItsLine() {
        assertThat(developmentError("migrations:", "  locations:", "    - db/migrations", "    - ''", DEVELOPMENT))
                .contains("cairn.yml:4: migrations.locations[1]")
                .contains("an empty location; use filesystem:PATH or classpath:PACKAGE");
    }

    @Test
    void variablesAreReplacedInsideALocation() {
        files.yaml(
                "migrations:",
                "  locations:",
                "    - filesystem:${MIGRATIONS_ROOT}/sql",
                "    - classpath:${MIGRATIONS_PACKAGE:-db/migrations}",
                DEVELOPMENT);

        EnvironmentConfig config =
                files.read(Map.of("MIGRATIONS_ROOT", "release")).environment("development", "development");

        assertThat(config.migrationLocations())
                .containsExactly("filesystem:" + directory.resolve("release/sql"), "classpath:db/migrations");
        assertThat(config.migrationsDirectory()).isEqualTo(directory.resolve("release/sql"));
    }

    @Test
    void anUnsetVariableInALocationIsAnErrorNamingIt() {
        assertThat(developmentError("migrations:", "  locations:", "    - filesystem:${MIGRATIONS_ROOT}", DEVELOPMENT))
                .contains("cairn.yml:3")
                .contains("MIGRATIONS_ROOT");
    }
}
