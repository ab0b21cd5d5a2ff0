// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code cairn} as a real process: the shaded jar with {@code java -jar}, or the launcher. */
final class CairnProcess {

    private static final long TIMEOUT_SECONDS = 300;

    private CairnProcess() {}

    /** The shaded jar that the build made before the integration tests. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("cairn.jar", "target/cairn.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar; run the integration tests with mvn verify").isRegularFile();
        return jar;
    }

    /** The repository root, where the {@code ./cairn} launcher is. */
    static Path repository() {
        return Path.of(System.getProperty("cairn.repository", "..")).toAbsolutePath().normalize();
    }

    /** Runs {@code java -jar cairn.jar args...} in {@code directory}. */
    static Cli.Run java(Path directory, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return run(directory, environment, command);
    }

    /** Runs {@code command} in {@code directory} and waits for it. */
    static Cli.Run run(Path directory, Map<String, String> environment, List<String> command) {
        try {
            Path out = Files.createTempFile("cairn-out", ".txt");
            Path err = Files.createTempFile("cairn-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                return new Cli.Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
