// SPDX-License-Identifier: Apache-2.0
package dev.cairn.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dist.Installation.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each archive, unpacked as a user installs it: its {@code bin/cairn} runs from another directory
 * through a symlink, migrates a project there, and keeps its start-up cache outside the installation;
 * the completion script loads into bash and the man pages read.
 */
class ArchiveIT {

    /** The commands whose man pages the archive must hold, besides {@code cairn.1}. */
    private static final List<String> COMMANDS = List.of(
            "init",
            "make",
            "migrate",
            "up",
            "down",
            "rollback",
            "status",
            "validate",
            "verify",
            "lint",
            "schema",
            "repair",
            "baseline",
            "import",
            "squash",
            "unlock",
            "ping",
            "seed",
            "seed-make",
            "seed-run",
            "help");

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void installsAndMigratesAProjectFromAnotherDirectoryThroughASymlink(String format)
            throws IOException, SQLException {
        Installation installation = Installation.unpack(format, directory);
        assertThat(Files.isExecutable(installation.home.resolve("bin/cairn")))
                .as("bin/cairn is executable")
                .isTrue();
        assertThat(Files.readString(installation.home.resolve("bin/cairn"))).startsWith("#!/bin/sh\n");
        assertThat(installation.home.resolve("bin/cairn.cmd")).isRegularFile();
        assertThat(installation.home.resolve("lib/cairn.jar")).isRegularFile();
        assertThat(installation.home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(installation.home.resolve("README.md")).content().contains("bin/cairn");
        List<String> installed = files(installation.home);
        Path project = Files.createDirectories(directory.resolve("project"));
        Path jdk = Installation.testJavaHome();

        // The first command makes the start-up cache, and stdout holds only what the command prints.
        Run version = installation.cairn(project, jdk, Map.of(), "--version").succeeds();
        assertThat(version.out())
                .matches("cairn " + Installation.VERSION.replace(".", "\\.")
                        + " \\(commit [0-9a-f]{10}(-dirty)?\\)\nJava "
                        + Runtime.version().feature() + "[^\n]*\n");
        // The JDK's class cache, and beside it SQLite's native library.
        String cacheName = installation.cacheName(jdk);
        assertThat(installation.cacheFiles())
                .satisfiesExactly(
                        cache -> assertThat(cache).isEqualTo(cacheName + ".jsa"),
                        library -> assertThat(library).isEqualTo(cacheName + ".sqlite"));

        installation.cairn(project, jdk, Map.of(), "init").succeeds();
        Files.writeString(
                project.resolve("database/migrations/20260101000000_create_things.sql"),
                "-- migrate:up\nCREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                        + "-- migrate:down\nDROP TABLE things;\n");
        Files.writeString(
                project.resolve("database/migrations/20260101000100_add_thing.sql"),
                "-- migrate:up\nINSERT INTO things (name) VALUES ('first');\n-- migrate:down\nDELETE FROM things;\n");

        // Later commands map the command line's classes from the cache instead of the jar, and load
        // SQLite's library from beside it instead of copying it out of the jar.
        Run migrate = installation
                .cairn(
                        project,
                        jdk,
                        Map.of("CAIRN_JAVA_OPTS", "-Xlog:class+load=info:stderr -Xlog:library=info:stderr"),
                        "migrate")
                .succeeds();
        assertThat(migrate.out()).contains("Applied 2 migrations in batch 1").doesNotContain("class,load");
        assertThat(migrate.err()).containsPattern("dev\\.cairn\\.cli\\.Main source: shared objects file");
        assertThat(migrate.err())
                .contains("Loaded library "
                        + installation
                                .cacheDirectory()
                                .resolve(installation.cacheFiles().get(1)));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("dev.sqlite3"));
                Statement statement = connection.createStatement()) {
            assertThat(strings(statement, "SELECT name FROM things")).containsExactly("first");
            assertThat(strings(statement, "SELECT name || '@' || batch FROM cairn_migrations ORDER BY version"))
                    .containsExactly("20260101000000_create_things@1", "20260101000100_add_thing@1");
        }

        Run help = installation.cairn(project, jdk, Map.of(), "--help").succeeds();
        assertThat(help.out()).startsWith("Usage: cairn").contains("migrate", "rollback", "status");

        // The cache was made once: the later commands used it and made no other file but the
        // migrations' checksums, which migrate keeps for the next command.
        assertThat(installation.cacheFiles())
                .satisfiesExactly(
                        cache -> assertThat(cache).isEqualTo(cacheName + ".jsa"),
                        library -> assertThat(library).isEqualTo(cacheName + ".sqlite"),
                        checksums -> assertThat(checksums).isEqualTo("checksums"));
        // Nothing was written into the installation, which may be read-only.
        assertThat(files(installation.home)).isEqualTo(installed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void completesCommandsInBashAndHasAManPagePerCommand(String format) throws IOException {
        Installation installation = Installation.unpack(format, directory);
        Path script = installation.home.resolve("completion/cairn.bash");

        Run loaded = Installation.run(
                        directory,
                        Map.of(),
                        List.of(
                                "bash",
                                "-c",
                                "source \"$1\" && complete -p cairn && COMP_WORDS=(cairn mi) COMP_CWORD=1"
                                        + " && _complete_cairn && echo \"${COMPREPLY[@]}\"",
                                "test",
                                script.toString()))
                .succeeds();
        assertThat(loaded.out()).contains("-F _complete_cairn cairn").contains("migrate");

        Path manuals = installation.home.resolve("man/man1");
        List<String> pages = new ArrayList<>(List.of("cairn.1"));
        COMMANDS.forEach(command -> pages.add("cairn-" + command + ".1"));
        assertThat(files(manuals)).containsExactlyInAnyOrderElementsOf(pages);
        for (String page : pages) {
            assertThat(Files.readString(manuals.resolve(page)))
                    .as(page)
                    .contains(".TH \"" + page.replace(".1", "").toUpperCase().replace("-", "\\-") + "\" \"1\"");
        }
        if (Files.isExecutable(Path.of("/usr/bin/man"))) {
            Run man = Installation.run(
                            directory,
                            Map.of("MANWIDTH", "100"),
                            List.of(
                                    "man",
                                    "-P",
                                    "cat",
                                    "-l",
                                    manuals.resolve("cairn-migrate.1").toString()))
                    .succeeds();
            assertThat(man.out()).contains("NAME", "cairn-migrate", "SYNOPSIS", "--dry-run");
        }
    }

    /** The paths of the files under {@code root}, relative to it, sorted. */
    static List<String> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString())
                    .sorted()
                    .toList();
        }
    }

    private static List<String> strings(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
