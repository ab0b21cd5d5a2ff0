// SPDX-License-Identifier: Apache-2.0
package dev.cairn.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One archive of this build unpacked into a directory of its own, as a user installs it, and its
 * {@code bin/cairn} run as a real process: from another working directory, through a symlink in a
 * directory of its own (as on a user's {@code PATH}), with a start-up cache directory of its own.
 */
final class Installation {

    /** The version the build gave the archives, such as {@code 0.1.0-SNAPSHOT}. */
    static final String VERSION = System.getProperty("cairn.version");

    private static final String NAME = System.getProperty("cairn.dist.name");
    private static final Path ARCHIVES = Path.of(System.getProperty("cairn.dist.directory"));

    /** The unpacked {@code cairn-VERSION/} directory. */
    final Path home;
    /** A symlink to {@code home/bin/cairn}, in a directory of its own. */
    final Path link;
    /** What {@code XDG_CACHE_HOME} is for every run: the start-up cache goes under {@code cairn/}. */
    final Path cacheHome;

    private Installation(Path home, Path link, Path cacheHome) {
        this.home = home;
        this.link = link;
        this.cacheHome = cacheHome;
    }

    /** Unpacks {@code cairn-VERSION.<format>} (zip or tar.gz) under {@code directory} with the system's tools. */
    static Installation unpack(String format, Path directory) throws IOException {
        Path archive = ARCHIVES.resolve(NAME + "." + format);
        assertThat(archive).as("the build made %s", archive).isRegularFile();
        Path install = Files.createDirectories(directory.resolve("opt"));
        List<String> command = format.equals("zip")
                ? List.of("unzip", "-q", archive.toString(), "-d", install.toString())
                : List.of("tar", "-xzf", archive.toString(), "-C", install.toString());
        Run unpacked = run(directory, Map.of(), command);
        assertThat(unpacked.exitCode()).as("%s: %s", command, unpacked.err()).isZero();
        Path home = install.resolve(NAME);
        Path link = Files.createDirectories(directory.resolve("bin")).resolve("cairn");
        Files.createSymbolicLink(link, home.resolve("bin/cairn"));
        return new Installation(home, link, Files.createDirectories(directory.resolve("cache")));
    }

    /** The directory the start-up cache files are in. */
    Path cacheDirectory() {
        return cacheHome.resolve("cairn");
    }

    /**
     * The name bin/cairn gives the start-up cache (and, with another extension, SQLite's library)
     * for the JDK at {@code javaHome}, without the extension: {@code VERSION-jdkN-KEY}, where KEY is
     * the JDK's runtime version, its path and the jar's path, written out with / as _, _ as %5F and %
     * as %25.
     */
    String cacheName(Path javaHome) throws IOException {
        String release = Files.readString(javaHome.resolve("release"));
        String key = releaseValue(release, "JAVA_RUNTIME_VERSION") + javaHome + "/" + home.resolve("lib/cairn.jar");
        return VERSION + "-jdk" + releaseValue(release, "JAVA_VERSION").replaceFirst("[.+-].*", "") + "-"
                + key.replace("%", "%25").replace("_", "%5F").replace("/", "_");
    }

    private static String releaseValue(String release, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "=\"([^\"]*)\"").matcher(release);
        assertThat(value.find()).as("%s in the JDK's release file", name).isTrue();
        return value.group(1);
    }

    /** The names of the files in the cache directory, sorted; none if it does not exist. */
    List<String> cacheFiles() throws IOException {
        if (!Files.isDirectory(cacheDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDirectory())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Runs {@code link args} in {@code directory} on the JDK at {@code javaHome}, with {@code environment}
     * added to a minimal one of this process's ({@code PATH}, {@code HOME}) and {@code XDG_CACHE_HOME}.
     */
    Run cairn(Path directory, Path javaHome, Map<String, String> environment, String... args) throws IOException {
        Map<String, String> all = new HashMap<>();
        all.put("JAVA_HOME", javaHome.toString());
        all.put("XDG_CACHE_HOME", cacheHome.toString());
        all.putAll(environment);
        List<String> command = new ArrayList<>(List.of(link.toString()));
        command.addAll(List.of(args));
        return run(directory, all, command);
    }

    /** The JDK that runs the tests (17 in this build). */
    static Path testJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /**
     * Runs {@code command} in {@code directory} with only {@code PATH}, {@code HOME} and {@code environment}
     * as its environment (a key whose value is null is left out), and waits for it (two minutes at most).
     */
    static Run run(Path directory, Map<String, String> environment, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        environment.forEach((key, value) -> {
            if (value == null) {
                env.remove(key);
            } else {
                env.put(key, value);
            }
        });
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in two minutes");
            }
            return new Run(process.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A finished process: its exit code, stdout and stderr. */
    record Run(int exitCode, String out, String err) {

        /** This run, after checking that it exited with 0 (else failing with its output). */
        Run succeeds() {
            assertThat(exitCode)
                    .as("exit code; stdout:%n%s%nstderr:%n%s", out, err)
                    .isZero();
            return this;
        }
    }
}
