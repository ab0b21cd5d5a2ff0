// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn schema} and the schema file written after each change, on SQLite. */
class SchemaCommandTest {

    @TempDir
    Path directory;

    @Test
    void printsTheSchemaWithoutCairnsOwnTablesAndReadsOnly() {
        Cli cli = Project.create(directory);
        assertThat(cli.run("schema").succeeds().out()).isEmpty();
        assertThat(cli.database().exists()).isFalse();

        cli.run("migrate").succeeds();
        Cli.Run run = cli.run("schema").succeeds();

        assertThat(run.out())
                .containsPattern("(?m)^table users(:|$)")
                .containsPattern("(?m)^table posts(:|$)")
                .containsPattern("(?m)^table tags(:|$)")
                .contains("table users / column email: nullable=no")
                .doesNotContain("cairn_migrations");
        JsonNode json = cli.run("schema", "--json").succeeds().json();
        assertThat(json.get("objects").has("table users / column email")).isTrue();
        assertThat(json.get("objects")
                        .get("table users / column email")
                        .get("nullable")
                        .asText())
                .isEqualTo("no");
    }

    @Test
    void theSchemaFileFollowsEveryChangeThatRanSomething() throws IOException {
        Cli cli = Project.create(directory);
        Files.writeString(
                directory.resolve("cairn.yml"),
                Files.readString(directory.resolve("cairn.yml"))
                        .replace(
                                "  directory: database/migrations\n",
                                "  directory: database/migrations\n  schema-file: database/schema.txt\n"));
        Path schema = directory.resolve("database/schema.txt");

        cli.run("migrate", "--to", "20260101000000").succeeds();
        assertThat(Files.readString(schema)).contains("table users").doesNotContain("table posts");
        cli.run("migrate").succeeds();
        assertThat(Files.readString(schema)).contains("table posts", "table tags");
        assertThat(Files.readString(schema))
                .isEqualTo(cli.run("schema").succeeds().out());

        cli.run("rollback", "--to", "20260101000000").succeeds();
        assertThat(Files.readString(schema))
                .contains("table users")
                .doesNotContain("table tags")
                .doesNotContain(POSTS);
        // Nothing ran: the file stays as it is.
        Files.writeString(schema, "edited by hand\n");
        cli.run("migrate", "--to", "20260101000000").succeeds();
        assertThat(Files.readString(schema)).isEqualTo("edited by hand\n");
    }
}
