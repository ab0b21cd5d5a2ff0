// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeCommandTest {

    @TempDir
    Path directory;

    private List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("database/migrations"))) {
            return files.toList();
        }
    }

    @Test
    void writesATimestampedFileWithBothMarkers() throws IOException {
        Cli cli = new Cli(directory);
        cli.run("init").succeeds();
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

        Cli.Run run = cli.run("make", "create_users").succeeds();

        List<Path> files = migrations();
        assertThat(files).hasSize(1);
        String name = files.get(0).getFileName().toString();
        assertThat(name).matches("\\d{14}_create_users\\.sql");
        LocalDateTime stamp = LocalDateTime.parse(name.substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        assertThat(stamp)
                .isBetween(
                        before.minusSeconds(1),
                        LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1));
        assertThat(Files.readString(files.get(0))).contains("-- migrate:up", "-- migrate:down");
        assertThat(run.out()).isEqualTo("Created " + Path.of("database", "migrations", name) + System.lineSeparator());
    }

    @Test
    void severalWordsMakeOneName() throws IOException {
        Cli cli = new Cli(directory);
        cli.run("init").succeeds();

        cli.run("make", "Add", "email", "index").succeeds();

        assertThat(migrations().get(0).getFileName().toString()).matches("\\d{14}_add_email_index\\.sql");
    }

    @Test
    void jsonGivesThePath() throws IOException {
        Cli cli = new Cli(directory);
        cli.run("init").succeeds();

        JsonNode json = cli.run("make", "x", "--json").succeeds().json();

        assertThat(json.get("command").asText()).isEqualTo("make");
        assertThat(directory.resolve(json.get("file").asText()))
                .isEqualTo(migrations().get(0));
    }

    @Test
    void aNameWithoutLettersIsAUsageError() {
        Cli cli = new Cli(directory);
        cli.run("init").succeeds();

        assertThat(cli.run("make", "---").exits(2).err()).startsWith("error: ");
    }

    @Test
    void needsAName() {
        assertThat(new Cli(directory).run("make").exits(2).err()).contains("NAME");
    }

    @Test
    void keepsLettersOfEveryScript() throws IOException {
        Cli cli = new Cli(directory);
        cli.run("init").succeeds();

        cli.run("make", "表").succeeds();
        cli.run("make", "ünï", "cødé").succeeds();

        assertThat(migrations())
                .extracting(file -> file.getFileName().toString().substring(15))
                .containsExactlyInAnyOrder("表.sql", "ünï_cødé.sql");
        assertThat(cli.run("--json", "status")
                        .succeeds()
                        .json()
                        .get("pendingCount")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aNameTooLongForTheFileSystemIsAUsageErrorThatSaysHowLong() throws IOException {
        Cli cli = new Cli(directory);
        cli.run("init").succeeds();

        Cli.Run run = cli.run("make", "x".repeat(300)).exits(2);

        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("error: A migration's name is too long")
                .contains("at most 236 bytes", "Nothing was written")
                .doesNotContain("internal error");
        assertThat(migrations()).isEmpty();
        JsonNode error =
                cli.run("--json", "make", "x".repeat(300)).exits(2).json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("configuration");
    }

    @Test
    void seedMakeKeepsLettersOfEveryScriptAndRefusesATooLongNameToo() throws IOException {
        Cli cli = new Cli(directory);
        cli.run("init").succeeds();

        cli.run("seed", "make", "données", "表").succeeds();
        Cli.Run tooLong = cli.run("seed", "make", "y".repeat(300)).exits(2);

        assertThat(directory.resolve("database/seeds/données_表.sql")).isRegularFile();
        assertThat(tooLong.err()).startsWith("error: A seed's name is too long").contains("at most 251 bytes");
        // Only the first seed was written.
        try (Stream<Path> seeds = Files.list(directory.resolve("database/seeds"))) {
            assertThat(seeds).hasSize(1);
        }
    }
}
