// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import static dev.cairn.internal.config.TestFiles.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The .env format. */
class DotEnvTest {

    @TempDir
    Path directory;

    private static Map<String, String> parse(String... lines) {
        return DotEnv.parse(String.join("\n", lines), ".env");
    }

    private static String value(String line) {
        return parse(line).get("KEY");
    }

    @Test
    void readsAssignmentsCommentsAndBlankLines() {
        Map<String, String> variables = parse(
                "# database",
                "",
                "   ",
                "DB_HOST=localhost",
                "  # indented comment",
                "export DB_USER=deploy",
                "DB_PORT = 5432",
                "EMPTY=",
                "DB_HOST=override");

        assertThat(variables)
                .containsExactly(
                        entry("DB_HOST", "override"),
                        entry("DB_USER", "deploy"),
                        entry("DB_PORT", "5432"),
                        entry("EMPTY", ""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "KEY=plain value|plain value",
                "KEY=  spaced  |spaced",
                "KEY=value # comment|value",
                "KEY=value\t# comment|value",
                "KEY=pa#ss|pa#ss",
                "KEY=#start|#start",
                "KEY= # only a comment|``",
                "KEY=$dollar${x}|$dollar${x}",
                "KEY='single # not a comment'|single # not a comment",
                "KEY='literal \\n $x'|literal \\n $x",
                "KEY='quoted' # comment|quoted",
                "KEY=\"double # not a comment\"|double # not a comment",
                "KEY=\"a\\nb\"|`a\nb`",
                "KEY=\"say \\\"hi\\\"\"|say \"hi\"",
                "KEY=\"back\\\\slash\"|back\\slash",
                "KEY=\"keep \\t as is\"|keep \\t as is",
                "KEY=''|``",
                "KEY=a=b|a=b",
                "export KEY=x|x",
            })
    void values(String line, String expected) {
        assertThat(value(line)).isEqualTo(expected);
    }

    @Test
    void windowsLineEndings() {
        assertThat(DotEnv.parse("A=1\r\nB='2'\r\n", ".env")).containsExactly(entry("A", "1"), entry("B", "2"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "just words",
                "1KEY=x",
                "KEY x",
                "=x",
                "MY-KEY=x",
            })
    void malformedLinesNameTheLineButNotItsText(String line) {
        String message = error(() -> DotEnv.parse(String.join("\n", "A=1", "# ok", line), "config/.env"));

        assertThat(message)
                .startsWith("config/.env:3: expected KEY=VALUE")
                .contains("Fix or remove the line")
                .doesNotContain(line);
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThat(error(() -> parse("A=1", "PASSWORD='secret")))
                .isEqualTo(".env:2: the value of PASSWORD has no closing ' quote. Close it on the same line; quoted"
                        + " values cannot span lines.");
        assertThat(error(() -> parse("PASSWORD=\"secret\\\"")))
                .contains(".env:1: the value of PASSWORD has no closing \" quote")
                .doesNotContain("secret");
    }

    @Test
    void textAfterTheClosingQuoteIsAnError() {
        assertThat(error(() -> parse("PASSWORD='sec'ret")))
                .isEqualTo(".env:1: the value of PASSWORD has text after its closing ' quote. Put the whole value"
                        + " inside the quotes.");
    }

    @Test
    void readsTheFileBesideCairnYml() {
        TestFiles files = new TestFiles(directory);
        Path file = files.dotEnv("A=1", "B=two");

        assertThat(DotEnv.read(file, ".env")).containsExactly(entry("A", "1"), entry("B", "two"));
        assertThat(DotEnv.read(directory.resolve("missing.env"), ".env")).isEmpty();
    }

    @Test
    void malformedDotEnvFailsReadingCairnYmlWithTheRelativeName() {
        TestFiles files = new TestFiles(directory);
        files.yaml("environments:", "  development:", "    url: jdbc:sqlite:dev.db");
        files.dotEnv("A=1", "oops");
        Path relative = Path.of("").toAbsolutePath().relativize(directory.resolve("cairn.yml"));

        assertThat(error(() -> ConfigFile.read(relative, Map.of())))
                .startsWith(relative.resolveSibling(".env") + ":2: expected KEY=VALUE");
    }

    @Test
    void nonUtf8DotEnvIsAnError() {
        TestFiles files = new TestFiles(directory);
        Path file = files.write(".env", "A=1\nB=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(error(() -> DotEnv.read(file, ".env")))
                .isEqualTo(".env:2: the file is not valid UTF-8 (byte 0xE9). Save it with the UTF-8 encoding.");
    }
}
