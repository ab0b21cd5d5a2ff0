// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Writes configuration files into a test's temporary directory and reads them back. */
final class TestFiles {

    private final Path directory;

    TestFiles(Path directory) {
        this.directory = directory;
    }

    /** Writes {@code cairn.yml} with these lines. */
    Path yaml(String... lines) {
        return write("cairn.yml", String.join("\n", lines) + "\n");
    }

    /** Writes {@code .env} with these lines. */
    Path dotEnv(String... lines) {
        return write(".env", String.join("\n", lines) + "\n");
    }

    Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] bytes) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code cairn.yml} with these variables. */
    ConfigFile read(Map<String, String> variables) {
        return ConfigFile.read(directory.resolve("cairn.yml"), variables);
    }

    /** Writes {@code cairn.yml} with these lines and reads it without variables. */
    ConfigFile read(String... lines) {
        yaml(lines);
        return read(Map.of());
    }

    /** Writes {@code cairn.yml} with these lines and resolves environment {@code name} without variables. */
    EnvironmentConfig environment(String name, String... lines) {
        return read(lines).environment(name, "development");
    }

    /** The message of the {@link ConfigurationException} that {@code call} must throw. */
    static String error(ThrowingCallable call) {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, call);
        if (e == null) {
            throw new AssertionError("expected a ConfigurationException");
        }
        return e.getMessage();
    }

    /** The directory the files are written to. */
    Path directory() {
        return directory;
    }
}
