// SPDX-License-Identifier: Apache-2.0
package dev.cairn.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.dist.Installation.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's {@code bin/cairn} on its own ground: JDK 25's ahead-of-time cache, a training run
 * that fails (remembered, not retried on every command), {@code CAIRN_STARTUP_CACHE=off}, the
 * checksum cache, and the errors for a missing or too old Java.
 */
class LauncherIT {

    @TempDir
    Path directory;

    Installation installation;
    Path project;

    @BeforeEach
    void unpack() throws IOException {
        // A path with the characters that the cache's name writes out differently.
        installation = Installation.unpack("tar.gz", directory.resolve("apps_100%"));
        project = Files.createDirectories(directory.resolve("project"));
    }

    @Test
    void onJdk25MakesAnAheadOfTimeCacheThatLaterRunsMap() throws IOException {
        Optional<Path> jdk25 = jdk(25);
        assumeTrue(jdk25.isPresent(), "no JDK 25 or later under /usr/lib/jvm");

        Run first =
                installation.cairn(project, jdk25.get(), Map.of(), "--version").succeeds();
        assertThat(first.out())
                .startsWith("cairn " + Installation.VERSION + " (")
                .contains("\nJava 2");
        assertThat(installation.cacheFiles())
                .satisfiesExactly(
                        cache -> assertThat(cache).isEqualTo(installation.cacheName(jdk25.get()) + ".aot"),
                        library -> assertThat(library).endsWith(".sqlite"));
        Path cache =
                installation.cacheDirectory().resolve(installation.cacheFiles().get(0));

        Run next = installation
                .cairn(project, jdk25.get(), Map.of("CAIRN_JAVA_OPTS", "-Xlog:aot=info:stderr"), "--version")
                .succeeds();
        assertThat(next.out()).isEqualTo(first.out());
        assertThat(next.err()).contains("Opened AOT cache " + cache);
        assertThat(installation.cacheFiles()).hasSize(2);

        // The cache holds no record of the training's compilations, which each run would replay.
        Run training = installation
                .cairn(
                        project,
                        jdk25.get(),
                        Map.of("CAIRN_JAVA_OPTS", "-XX:+UnlockDiagnosticVMOptions -XX:+AOTPrintTrainingInfo"),
                        "--version")
                .succeeds();
        assertThat(training.out())
                .contains("Archived TrainingData Dictionary")
                .doesNotContainPattern("(?m)^\\s*\\d+: 0x\\p{XDigit}+ ");
    }

    @Test
    void withItsCacheInPlaceStartsNoProgramButJava() throws IOException {
        Path jdk = Installation.testJavaHome();
        Run first = installation.cairn(project, jdk, Map.of(), "--version").succeeds();
        List<String> files = installation.cacheFiles();
        assertThat(files).contains(installation.cacheName(jdk) + ".jsa");

        // No program on the PATH at all (JAVA_HOME names java), and bin/cairn itself rather than the
        // symlink, which readlink follows: a launcher that started cksum or any other would fail.
        Path noPrograms = Files.createDirectories(directory.resolve("no-programs"));
        Run next = Installation.run(
                        project,
                        Map.of(
                                "PATH", noPrograms.toString(),
                                "JAVA_HOME", jdk.toString(),
                                "XDG_CACHE_HOME", installation.cacheHome.toString()),
                        List.of(installation.home.resolve("bin/cairn").toString(), "--version"))
                .succeeds();
        assertThat(next.out()).isEqualTo(first.out());
        assertThat(installation.cacheFiles()).isEqualTo(files);
    }

    @Test
    void anInstallationWithAVeryLongPathNamesItsCacheWithAChecksum() throws IOException {
        Installation deep = Installation.unpack("tar.gz", directory.resolve("d".repeat(150)));
        deep.cairn(project, Installation.testJavaHome(), Map.of(), "--version").succeeds();
        assertThat(deep.cacheFiles())
                .satisfiesExactly(
                        cache -> assertThat(cache).matches(Pattern.quote(Installation.VERSION) + "-jdk\\d+-\\d+\\.jsa"),
                        library -> assertThat(library).endsWith(".sqlite"));
    }

    @Test
    void aTrainingRunThatFailsIsRememberedUntilTheJarChanges() throws IOException {
        Path jdk = Installation.testJavaHome();
        // The training run needs a temporary directory; the command --version does not.
        Map<String, String> noTemporaryDirectory =
                Map.of("JDK_JAVA_OPTIONS", "-Djava.io.tmpdir=" + directory.resolve("missing"));

        Run failed = installation
                .cairn(project, jdk, noTemporaryDirectory, "--version")
                .succeeds();
        assertThat(failed.out()).startsWith("cairn " + Installation.VERSION + " (");
        // SQLite's library is written before the training runs, so it is there all the same.
        List<String> files = installation.cacheFiles();
        assertThat(files)
                .satisfiesExactly(
                        failure -> assertThat(failure).endsWith(".jsa.failed"),
                        library -> assertThat(library).endsWith(".sqlite"));

        // Not tried again: the marker stays and no cache appears, even where training would now work.
        installation.cairn(project, jdk, Map.of(), "--version").succeeds();
        assertThat(installation.cacheFiles()).isEqualTo(files);

        // A newer jar (an upgrade in place) tries again, and succeeds. The times are in the past, so
        // that the cache made now is newer than the jar, as a real upgrade's would be.
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(
                installation.cacheDirectory().resolve(files.get(0)), FileTime.fromMillis(now - 3_600_000));
        Files.setLastModifiedTime(installation.home.resolve("lib/cairn.jar"), FileTime.fromMillis(now - 1_800_000));
        installation.cairn(project, jdk, Map.of(), "--version").succeeds();
        assertThat(installation.cacheFiles())
                .satisfiesExactly(
                        cache -> assertThat(cache).endsWith(".jsa"),
                        library -> assertThat(library).endsWith(".sqlite"));
    }

    @Test
    void startupCacheOffMakesNoneAndSqliteCopiesItsLibraryOutOfTheJar() throws IOException {
        // An empty file is an empty SQLite database, which status opens (it does not open a missing one).
        Files.createFile(project.resolve("app.db"));
        Files.createDirectories(project.resolve("database/migrations"));
        // A migration to checksum, which with the cache on would be kept in it.
        Files.writeString(
                project.resolve("database/migrations/1_things.sql"),
                "-- migrate:up\nCREATE TABLE things (id INTEGER);\n-- migrate:down\nDROP TABLE things;\n");
        Run status = installation
                .cairn(
                        project,
                        Installation.testJavaHome(),
                        Map.of("CAIRN_STARTUP_CACHE", "off", "CAIRN_JAVA_OPTS", "-Xlog:library=info:stderr"),
                        "--url",
                        "jdbc:sqlite:app.db",
                        "status")
                .succeeds();

        assertThat(installation.cacheFiles()).isEmpty();
        // What ArchiveIT sees, a library loaded from the cache directory, is then not so.
        assertThat(status.err())
                .containsPattern("Loaded library \\S*sqlite\\S*\\.so")
                .doesNotContain("Loaded library " + installation.cacheDirectory());
    }

    @Test
    void theChecksumCacheIsKeptBetweenCommandsAndNeverHidesAnEdit() throws IOException {
        Path jdk = Installation.testJavaHome();
        Path file = Files.createDirectories(project.resolve("database/migrations"))
                .resolve("20260101000000_create_things.sql");
        Files.writeString(
                file, "-- migrate:up\nCREATE TABLE things (id INTEGER);\n-- migrate:down\nDROP TABLE things;\n");
        installation
                .cairn(project, jdk, Map.of(), "--url", "jdbc:sqlite:app.db", "migrate")
                .succeeds();
        Path checksums = installation.cacheDirectory().resolve("checksums");
        List<Path> caches;
        try (Stream<Path> files = Files.list(checksums)) {
            caches = files.toList();
        }
        assertThat(caches).hasSize(1);
        FileTime written = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(caches.get(0), written);

        Run clean = installation
                .cairn(project, jdk, Map.of(), "--url", "jdbc:sqlite:app.db", "status")
                .succeeds();
        assertThat(clean.out()).contains("1 applied, 0 pending").doesNotContain("Problems");
        // Every checksum came from the cache, so it was not written again.
        assertThat(Files.getLastModifiedTime(caches.get(0))).isEqualTo(written);

        // An edit of the same length, with the file's time put back: the cache is found by the text.
        FileTime edited = Files.getLastModifiedTime(file);
        Files.writeString(file, Files.readString(file).replace("things (id", "thingz (id"));
        Files.setLastModifiedTime(file, edited);
        Run status = installation
                .cairn(project, jdk, Map.of(), "--url", "jdbc:sqlite:app.db", "status")
                .succeeds();
        assertThat(status.out())
                .contains("20260101000000_create_things.sql: the up section was changed after it was applied");
    }

    @Test
    void findsJavaOnThePathWithoutJavaHome() throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", null);
        environment.put("PATH", Installation.testJavaHome().resolve("bin") + ":" + tools());

        Run run = installation.cairn(project, Installation.testJavaHome(), environment, "--version");

        assertThat(run.succeeds().out()).contains("\nJava " + Runtime.version());
    }

    @Test
    void withoutJavaSaysWhatToInstall() throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", null);
        environment.put("PATH", tools().toString());

        Run run = installation.cairn(project, Installation.testJavaHome(), environment, "--version");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("cairn: no java on the PATH; install a JDK 17 or later, or set JAVA_HOME to one.\n");
    }

    @Test
    void aJavaHomeWithoutJavaOrTooOldIsRefusedByName() throws IOException {
        Path empty = Files.createDirectories(directory.resolve("not-a-jdk"));
        Run missing = installation.cairn(project, empty, Map.of(), "--version");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .isEqualTo("cairn: JAVA_HOME is " + empty + ", but it has no bin/java; set JAVA_HOME to a JDK 17"
                        + " or later, or unset it to use the java on the PATH.\n");

        // A JDK 11 as its release file describes it; its java would print something if it ran.
        Path old = Files.createDirectories(directory.resolve("jdk-11/bin")).getParent();
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"11.0.22\"\n");
        Path java = old.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho ran\n");
        java.toFile().setExecutable(true);
        Run tooOld = installation.cairn(project, old, Map.of(), "--version");
        assertThat(tooOld.exitCode()).isEqualTo(2);
        assertThat(tooOld.out()).isEmpty();
        assertThat(tooOld.err())
                .isEqualTo("cairn: " + java + " is Java 11.0.22; cairn needs Java 17 or later: set JAVA_HOME to a"
                        + " JDK 17 or later.\n");
    }

    /**
     * A directory with the few tools bin/cairn uses and no java, for a PATH without one (this
     * machine's /usr/bin has a java).
     */
    private Path tools() throws IOException {
        Path tools = directory.resolve("tools");
        if (Files.isDirectory(tools)) {
            return tools;
        }
        Files.createDirectories(tools);
        for (String tool : List.of("readlink", "cksum", "mkdir", "mv", "rm")) {
            Path found = Stream.of("/usr/bin", "/bin")
                    .map(dir -> Path.of(dir, tool))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + tool + " in /usr/bin or /bin"));
            // A copy, not a link: JUnit warns about links out of its temporary directory.
            Files.copy(found, tools.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return tools;
    }

    /** A JDK of at least {@code feature} under /usr/lib/jvm, as its release file says. */
    private static Optional<Path> jdk(int feature) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                    Matcher matcher = version.matcher(Files.readString(release));
                    if (matcher.find() && Integer.parseInt(matcher.group(1)) >= feature) {
                        return Optional.of(home);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
