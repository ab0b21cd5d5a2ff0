// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        assertThat(jar)
                .as("the shaded jar; run the integration tests with mvn verify")
                .isRegularFile();
        return jar;
    }

    /** The repository root, where the {@code ./cairn} launcher is. */
    static Path repository() {
        return Path.of(System.getProperty("cairn.repository", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * {@code java OPTIONS -jar cairn.jar}: the JVM options are those the launcher starts cairn with
     * ({@code cairn-dist/src/conf/jvm.options}), so that each process runs as users run it, and costs
     * the machine what it costs them (the quick compiler only, the serial collector).
     */
    static List<String> javaJar() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Files.readAllLines(repository().resolve("cairn-dist/src/conf/jvm.options")).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> command.addAll(List.of(line.split("\\s+"))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the launcher's JVM options", e);
        }
        command.add("-jar");
        command.add(jar().toString());
        return command;
    }

    /** Runs {@code java -jar cairn.jar args...} in {@code directory}. */
    static Cli.Run java(Path directory, Map<String, String> environment, String... args) {
        List<String> command = javaJar();
        command.addAll(List.of(args));
        return run(directory, environment, command);
    }

    /** Runs {@code command} in {@code directory} and waits for it. */
    static Cli.Run run(Path directory, Map<String, String> environment, List<String> command) {
        try {
            Path out = Files.createTempFile("cairn-out", ".txt");
            Path err = Files.createTempFile("cairn-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(
                                Path.of("/dev/null").toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                return new Cli.Run(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
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

    /**
     * Starts {@code java -jar cairn.jar args...} in {@code directory} and returns at once, so that a
     * test can run several at the same time or kill one; its output goes to temporary files.
     */
    static Running start(Path directory, Map<String, String> environment, String... args) {
        List<String> command = javaJar();
        command.addAll(List.of(args));
        return start(directory, environment, command);
    }

    /**
     * Starts {@code command} (another program than cairn, such as an application's jar) in
     * {@code directory} and returns at once; its output goes to temporary files.
     */
    static Running start(Path directory, Map<String, String> environment, List<String> command) {
        try {
            Path out = Files.createTempFile("cairn-out", ".txt");
            Path err = Files.createTempFile("cairn-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            return new Running(command, builder.start(), out, err);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        }
    }

    /** A {@code cairn} process that {@link #start} started: wait for it, or kill it. */
    static final class Running {
        private final List<String> command;
        private final Process process;
        private final Path out;
        private final Path err;

        private Running(List<String> command, Process process, Path out, Path err) {
            this.command = command;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** The operating system's process id. */
        long pid() {
            return process.pid();
        }

        /** Whether the process is still running. */
        boolean isAlive() {
            return process.isAlive();
        }

        /**
         * Waits up to {@code timeout} for the process to end and returns its exit code and output; kills
         * it and fails the test if it is still running then.
         */
        Cli.Run await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(command + " did not finish in " + timeout.toSeconds() + " s; stderr:\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new Cli.Run(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError("cannot read the output of " + command + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            } finally {
                if (!process.isAlive()) {
                    deleteOutput();
                }
            }
        }

        /** Sends the process SIGINT, as Ctrl-C in a terminal does. */
        void interrupt() {
            signal("INT");
        }

        /** Sends the process SIGTERM, as a service manager or {@code kill} does to stop it. */
        void terminate() {
            signal("TERM");
        }

        /** What the process wrote on stdout so far. */
        String outSoFar() {
            try {
                return Files.readString(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError("cannot read the output of " + command + ": " + e.getMessage(), e);
            }
        }

        /** What the process wrote on stderr so far. */
        String errSoFar() {
            try {
                return Files.readString(err, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError("cannot read the errors of " + command + ": " + e.getMessage(), e);
            }
        }

        private void signal(String name) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                        .inheritIO()
                        .start();
                if (kill.waitFor() != 0) {
                    throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new AssertionError("cannot run kill: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /**
         * Kills the process with SIGKILL, as the kernel's OOM killer or {@code kill -9} would: no shutdown
         * hook, no {@code finally}, no chance to release a lock or roll back. Returns the exit code, which
         * for a process ended by a signal is 128 plus the signal's number (SIGKILL: 137).
         */
        int killHard() {
            // On Linux, destroyForcibly() sends SIGKILL and destroy() SIGTERM; the exit code tells which.
            process.destroyForcibly();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new AssertionError(command + " still runs 30 s after SIGKILL");
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            } finally {
                deleteOutput();
            }
        }

        private void deleteOutput() {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException e) {
                // Temporary files: the system cleans them up in the end.
            }
        }
    }
}
