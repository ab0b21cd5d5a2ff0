// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password given on the command line is masked where it can appear, and only there: output that
 * merely shares its characters (a version, a URL's scheme) comes out whole.
 */
class PasswordOutputTest {

    @TempDir
    Path directory;

    @Test
    void aShortPasswordDoesNotCutIntoVersionsOrUrls() {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();

        JsonNode json =
                cli.run("--password", "1", "--json", "status").succeeds().json();
        Cli.Run human = cli.run("--password", "sql", "status").succeeds();

        assertThat(json.get("currentVersion").asText()).isEqualTo("20260103000000");
        assertThat(json.get("migrations").get(0).get("name").asText()).isEqualTo(Project.USERS);
        assertThat(json.get("target").asText()).startsWith("jdbc:sqlite:").doesNotContain("****");
        assertThat(human.out())
                .startsWith("Status of development (jdbc:sqlite:")
                .contains(Project.USERS, "Version 20260103000000, batch 1")
                .doesNotContain("****");
    }

    @Test
    void thePasswordIsMaskedWhereItIsEchoedAsItselfEvenInsideJson() {
        Project.create(directory);
        String password = "pa\"ss1";

        Cli.Run human = new Cli(directory).run("--password", password, "status", password);
        Cli.Run json = new Cli(directory).run("--json", "--password", password, "status", password);

        assertThat(human.exitCode()).isEqualTo(2);
        assertThat(human.err()).contains("'****'").doesNotContain("pa\"ss1");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.out()).contains("'****'").doesNotContain("pa\\\"ss1").doesNotContain("pa\"ss1");
    }
}
