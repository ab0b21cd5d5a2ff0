// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code cairn} in-process in a test's own working directory and environment, and captures
 * what it prints.
 */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    final Path directory;
    final Map<String, String> environment = new HashMap<>();

    Cli(Path directory) {
        this.directory = directory;
    }

    /** Runs {@code cairn args...} and returns its exit code and output. */
    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(directory, environment, o, e, args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes {@code cairn.yml} with a development environment on SQLite {@code dev.sqlite3}. */
    Cli withSqliteConfig() {
        return write(
                "cairn.yml",
                String.join(
                        "\n",
                        "migrations:",
                        "  directory: database/migrations",
                        "environments:",
                        "  development:",
                        "    url: jdbc:sqlite:dev.sqlite3",
                        "  other:",
                        "    url: jdbc:sqlite:other.sqlite3",
                        ""));
    }

    /**
     * Writes {@code cairn.yml} whose environment {@code production} is a fleet of the schemas
     * {@code tenant_*} of {@code db}, {@code parallel} at once.
     */
    Cli withFleetConfig(TestDatabase db, int parallel) {
        return withFleetConfig(db, "'tenant\\_%'", parallel);
    }

    /** As {@link #withFleetConfig(TestDatabase, int)}, with {@code schemas} as the value of {@code targets.schemas}. */
    Cli withFleetConfig(TestDatabase db, String schemas, int parallel) {
        return write(
                "cairn.yml",
                String.join(
                        "\n",
                        "environments:",
                        "  production:",
                        "    url: " + db.url(),
                        "    user: " + db.user(),
                        "    password: \"" + (db.password() == null ? "" : db.password()) + "\"",
                        "    targets:",
                        "      schemas: " + schemas,
                        "    parallel: " + parallel,
                        ""));
    }

    /** Writes {@code text} to {@code relative} under the working directory, creating directories. */
    Cli write(String relative, String text) {
        try {
            Path file = directory.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a migration file into {@code database/migrations}. */
    Cli migration(String name, String text) {
        return write("database/migrations/" + name + ".sql", text);
    }

    /** The SQLite database the development environment uses. */
    SqliteFile database() {
        return new SqliteFile(directory.resolve("dev.sqlite3"));
    }

    /** What one run printed, and its exit code. */
    record Run(int exitCode, String out, String err) {

        /** stdout parsed as exactly one JSON document (trailing content fails the test). */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + e.getMessage() + "\n" + out, e);
            }
        }

        /** Asserts the exit code, showing both streams when it differs. */
        Run exits(int expected) {
            assertThat(exitCode)
                    .as("exit code; stdout:%n%s%nstderr:%n%s", out, err)
                    .isEqualTo(expected);
            return this;
        }

        /** Asserts the run succeeded and wrote nothing to stderr. */
        Run succeeds() {
            exits(0);
            assertThat(err).as("stderr").isEmpty();
            return this;
        }
    }
}
