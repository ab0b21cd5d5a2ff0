// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Project.POSTS;
import static dev.cairn.cli.Project.TAGS;
import static dev.cairn.cli.Project.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testing.JavaBuild;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it: a separate JVM, drivers and logging from inside the jar. */
class JarIT {

    @TempDir
    Path directory;

    @Test
    void migrateStatusRollbackOnSqlite() {
        Cli project = Project.create(directory);

        Cli.Run migrate = CairnProcess.java(directory, Map.of(), "migrate").succeeds();
        assertThat(migrate.out()).contains("3 pending, batch 1", "Applied 3 migrations in batch 1");
        assertThat(project.database().history()).containsExactly(USERS + "@1", POSTS + "@1", TAGS + "@1");

        Cli.Run status =
                CairnProcess.java(directory, Map.of(), "--json", "status").succeeds();
        JsonNode json = status.json();
        assertThat(json.get("currentBatch").asInt()).isEqualTo(1);
        assertThat(json.get("migrations")).hasSize(3);

        Cli.Run rollback = CairnProcess.java(directory, Map.of(), "rollback", "--to", "20260101000000")
                .succeeds();
        assertThat(rollback.out()).contains("down  " + TAGS, "down  " + POSTS, "Rolled back 2 migrations of batch 1");
        assertThat(project.database().history()).containsExactly(USERS + "@1");
        assertThat(project.database().userTables()).containsExactly("users");
    }

    /**
     * HikariCP is optional in cairn-core, and the tool's jar leaves it out: an application that reaches
     * CairnConfig.dataSource() without it on its class path is told what to add, not given a
     * NoClassDefFoundError.
     */
    @Test
    void theCoreWithoutHikariCpSaysWhatToAddForAPool() throws IOException {
        Files.writeString(
                directory.resolve("cairn.yml"), "environments:\n  development:\n    url: jdbc:sqlite:app.db\n");
        // Compiled as an application that depends on HikariCP would be (a stand-in for its class, which
        // javac needs for the method's return type), then run without it.
        Path classes = JavaBuild.compile(
                directory.resolve("classes"), Map.of("PoolUser", """
                        public class PoolUser {
                            public static void main(String[] args) {
                                try {
                                    dev.cairn.CairnConfig.load(java.nio.file.Path.of("cairn.yml")).dataSource();
                                } catch (dev.cairn.ConfigurationException e) {
                                    System.out.println(e.getMessage());
                                }
                            }
                        }
                        """, "com.zaxxer.hikari.HikariDataSource", """
                        package com.zaxxer.hikari;

                        public abstract class HikariDataSource implements javax.sql.DataSource {}
                        """));
        Files.delete(classes.resolve("com/zaxxer/hikari/HikariDataSource.class"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = classes + File.pathSeparator + CairnProcess.jar();

        Cli.Run run = CairnProcess.run(directory, Map.of(), List.of(java, "-cp", classPath, "PoolUser"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualToIgnoringNewLines("CairnConfig.dataSource() builds a HikariCP pool,"
                        + " and HikariCP is not on the class path. Add the dependency com.zaxxer:HikariCP to the"
                        + " application (Cairn does not bring it), or build a DataSource of your own from"
                        + " environment(...).");
    }

    @Test
    void exitCodesOfARealProcess() {
        assertThat(CairnProcess.java(directory, Map.of(), "status").exits(2).err())
                .contains("cairn init");
        assertThat(CairnProcess.java(directory, Map.of(), "rollback", "--all", "--to", "1")
                        .exitCode())
                .isEqualTo(2);
        Cli.Run bad = CairnProcess.java(
                        directory,
                        Map.of(),
                        "--url",
                        "jdbc:postgresql://127.0.0.1:1/x",
                        "--password",
                        "s3cr3t-value",
                        "-v",
                        "ping")
                .exits(3);
        assertThat(bad.out() + bad.err()).doesNotContain("s3cr3t-value").contains("\tat ");
    }

    @Test
    void launcherRunsFromAnotherWorkingDirectory() throws IOException {
        Project.create(directory);
        Path launcher = CairnProcess.repository().resolve("cairn");
        assertThat(Files.isExecutable(launcher))
                .as("%s is executable", launcher)
                .isTrue();

        Cli.Run run = CairnProcess.run(directory, Map.of(), List.of(launcher.toString(), "--json", "migrate"));

        run.exits(0);
        // Only the document on stdout, even if the launcher had to build first.
        assertThat(run.json().get("batch").asInt()).isEqualTo(1);
        assertThat(new SqliteFile(directory.resolve("dev.sqlite3")).history()).hasSize(3);
    }

    @Test
    void launcherKeepsAStartUpCacheForItsJdkThatLaterRunsLoadFrom() throws IOException {
        Project.create(directory);
        Path launcher = CairnProcess.repository().resolve("cairn");
        Path cacheDirectory = CairnProcess.repository().resolve("cairn-cli/target/startup-cache");
        deleteRecursively(cacheDirectory);
        String javaHome = System.getProperty("java.home");

        // The first run makes the cache (a training run) and still prints only its document on stdout.
        Cli.Run first = CairnProcess.run(
                directory, Map.of("JAVA_HOME", javaHome), List.of(launcher.toString(), "--json", "status"));
        first.exits(0);
        assertThat(first.json().get("migrations")).hasSize(3);
        // Beside it, SQLite's native library, which the driver then need not copy out of the jar, and
        // the checksums of the migrations, which the next command need not work out again.
        // Both are named for the JDK and the jar (cairn-dist's LauncherIT checks how).
        try (var files = Files.list(cacheDirectory)) {
            List<String> names =
                    files.map(file -> file.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(3).first().isEqualTo("checksums");
            assertThat(names.get(1)).matches("jdk\\d+-\\S+\\.(jsa|aot)");
            assertThat(names.get(2)).isEqualTo(names.get(1).replaceFirst("\\.(jsa|aot)$", ".sqlite"));
        }
        // The next run maps the command line's classes from it rather than loading them from the jar.
        Cli.Run next = CairnProcess.run(
                directory,
                Map.of("JAVA_HOME", javaHome, "CAIRN_JAVA_OPTS", "-Xlog:class+load=info:stderr"),
                List.of(launcher.toString(), "status"));
        next.exits(0);
        assertThat(next.err()).containsPattern("dev\\.cairn\\.cli\\.Main source: shared objects file");
        // Without it, they come from the jar.
        Cli.Run without = CairnProcess.run(
                directory,
                Map.of(
                        "JAVA_HOME",
                        javaHome,
                        "CAIRN_STARTUP_CACHE",
                        "off",
                        "CAIRN_JAVA_OPTS",
                        "-Xlog:class+load=info:stderr"),
                List.of(launcher.toString(), "status"));
        without.exits(0);
        assertThat(without.err()).containsPattern("dev\\.cairn\\.cli\\.Main source: (file|jar):");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void versionFromTheJar() {
        assertThat(CairnProcess.java(directory, Map.of(), "--version")
                        .succeeds()
                        .out())
                .matches("(?s)cairn \\d+\\.\\d+.*");
    }
}
