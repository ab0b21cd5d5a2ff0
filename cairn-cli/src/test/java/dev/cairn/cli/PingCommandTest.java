// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PingCommandTest {

    @TempDir
    Path directory;

    @Test
    void namesTheProductAndTheTime() {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();

        Cli.Run run = cli.run("ping").succeeds();

        assertThat(run.out()).matches("Connected to SQLite .*at jdbc:sqlite:\\S*dev\\.sqlite3 in \\d+ ms\\.\\R");
    }

    @Test
    void json() {
        JsonNode json =
                Project.create(directory).run("ping", "--json").succeeds().json();

        assertThat(json.get("command").asText()).isEqualTo("ping");
        assertThat(json.get("product").asText()).isEqualTo("SQLite");
        assertThat(json.get("url").asText()).startsWith("jdbc:sqlite:");
        assertThat(json.get("connectMs").isIntegralNumber()).isTrue();
        assertThat(json.has("note")).isTrue();
    }
}
