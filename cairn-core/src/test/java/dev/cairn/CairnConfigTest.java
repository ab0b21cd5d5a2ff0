// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public entry point to cairn.yml. */
class CairnConfigTest {

    @TempDir
    Path directory;

    private Path write(String... lines) throws IOException {
        return Files.writeString(directory.resolve("cairn.yml"), String.join("\n", lines) + "\n");
    }

    @Test
    void loadsTheFileAndItsEnvironments() throws IOException {
        Path file = write(
                "environments:",
                "  development:",
                "    url: jdbc:sqlite:dev.sqlite3",
                "  staging:",
                "    client: postgresql",
                "    host: ${DB_HOST}",
                "    database: app",
                "    lock-timeout: 5m");

        CairnConfig config = CairnConfig.load(file, Map.of("DB_HOST", "db.internal", "CAIRN_ENV", "staging"));

        assertThat(config.file()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(config.environmentNames()).containsExactly("development", "staging");
        assertThat(config.environment().url()).isEqualTo("jdbc:postgresql://db.internal:5432/app");
        assertThat(config.environment().lockTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.environment("development").url())
                .isEqualTo("jdbc:sqlite:" + directory.resolve("dev.sqlite3"));
    }

    @Test
    void loadWithoutVariablesReadsTheFile() throws IOException {
        Path file = write("environments:", "  cairn-config-test:", "    url: jdbc:sqlite:dev.sqlite3");

        assertThat(CairnConfig.load(file).environment("cairn-config-test").name())
                .isEqualTo("cairn-config-test");
    }

    @Test
    void missingFileIsAConfigurationError() {
        Path missing = directory.resolve("cairn.yml");

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> CairnConfig.load(missing));

        assertThat(e.getMessage()).contains(missing.toString(), "does not exist", "cairn init");
    }

    @Test
    void thePasswordNeverShowsInToStringOrTheRedactedUrl() throws IOException {
        Path file = write(
                "environments:",
                "  staging:",
                "    url: jdbc:postgresql://db/app?user=deploy&password=${URL_SECRET}",
                "    password: ${DB_PASSWORD}");

        EnvironmentConfig staging = CairnConfig.load(file, Map.of("URL_SECRET", "s3cret", "DB_PASSWORD", "hunter2"))
                .environment("staging");

        assertThat(staging.url()).contains("password=s3cret");
        assertThat(staging.password()).contains("hunter2");
        assertThat(Redaction.url(staging.url())).isEqualTo("jdbc:postgresql://db/app?user=deploy&password=****");
        assertThat(staging.toString())
                .doesNotContain("s3cret")
                .doesNotContain("hunter2")
                .contains("url=jdbc:postgresql://db/app?user=deploy&password=****", "password=****");
    }
}
