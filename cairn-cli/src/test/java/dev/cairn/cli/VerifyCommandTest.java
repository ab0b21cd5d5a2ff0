// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn verify} as users see it, on SQLite: success, the differences of a bad down, options. */
class VerifyCommandTest {

    @TempDir
    Path directory;

    @Test
    void reportsEachMigrationAndLeavesTheTargetAlone() {
        Cli cli = Project.addIrreversible(Project.create(directory));

        Cli.Run run = cli.run("verify").succeeds();

        assertThat(run.out())
                .contains(
                        Project.USERS + "  reversible",
                        Project.LEGACY + "  irreversible",
                        "Verified 3 migrations on a scratch database");
        assertThat(cli.database().exists()).isFalse();
        JsonNode json = cli.run("verify", "--json").succeeds().json();
        assertThat(json.get("migrations")).hasSize(4);
        assertThat(json.get("migrations").get(0).get("outcome").asText()).isEqualTo("reversible");
    }

    @Test
    void aDownThatForgetsSomethingFailsWithTheDifference() {
        Cli cli = Project.create(directory)
                .migration(
                        "20260105000000_add_bio",
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "ALTER TABLE users ADD COLUMN bio TEXT;",
                                "-- migrate:down",
                                ""));

        Cli.Run run = cli.run("verify").exits(1);

        assertThat(run.err())
                .contains(
                        "20260105000000_add_bio does not undo itself",
                        "table users / column bio: added",
                        "The target database was not touched");
        JsonNode error = cli.run("verify", "--json").exits(1).json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("verification");
        assertThat(error.get("migration").asText()).isEqualTo("20260105000000_add_bio");
        assertThat(error.get("differences").toString()).contains("table users / column bio: added");
        // Checking only from the broken migration on still finds it; the ones before are only applied.
        assertThat(cli.run("verify", "--from", "20260105000000").exits(1).err()).contains("column bio");
        assertThat(cli.run("verify", "--from", "20260101000000", "--pending")
                        .exits(2)
                        .err())
                .contains("not both");
    }
}
