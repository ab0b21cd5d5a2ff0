// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.JavaBuild;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;

/**
 * What a real {@code cairn} process writes to stderr and to a terminal: warnings about files it does
 * not read, logs at each verbosity, colour on a terminal (a pseudo-terminal made by {@code script})
 * and none without one, and the launcher's first build without stray escapes.
 */
class ProcessOutputIT {

    private static final String ESC = "\u001b";

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void filesThatLookLikeMigrationsButAreNotReadAreNamedInAWarning() {
        Cli cli = Project.create(directory)
                .migration("20260105000000_shouting", "-- migrate:up\n")
                .write("database/migrations/20260105000000_shouting.SQL", "-- migrate:up\n")
                .write("database/migrations/20260106000000_typo.sq", "-- migrate:up\n")
                .write("database/migrations/20260107000000_notes.sql.txt", "-- migrate:up\n")
                .write("database/migrations/README.md", "Our migrations.\n");
        cli.run("migrate").succeeds();

        Cli.Run validate = CairnProcess.java(directory, Map.of(), "validate").exits(0);
        Cli.Run status =
                CairnProcess.java(directory, Map.of(), "--json", "status").exits(0);

        Path migrations = directory.resolve("database/migrations");
        for (Cli.Run run : List.of(validate, status)) {
            assertThat(run.err().lines())
                    .containsExactly(
                            "warning: 20260105000000_shouting.SQL is not read as a migration: only files ending in .sql"
                                    + " (lower case) are read; rename it to 20260105000000_shouting.sql, or move it out"
                                    + " of " + migrations + " if it is not one.",
                            "warning: 20260106000000_typo.sq is not read as a migration: its extension .sq is not"
                                    + " .sql; rename it to 20260106000000_typo.sql, or move it out of " + migrations
                                    + " if it is not one.",
                            "warning: 20260107000000_notes.sql.txt is not read as a migration: it ends in .txt after"
                                    + " .sql; rename it to 20260107000000_notes.sql, or move it out of " + migrations
                                    + " if it is not one.");
        }
        assertThat(validate.out()).startsWith("No problems: 4 migrations");
        assertThat(status.json().get("migrations")).hasSize(4);
        // On a terminal, the warning is coloured like the other warnings.
        assertThat(onATerminal(Map.of(), "validate").out())
                .contains(ESC + "[33mwarning:" + ESC + "[0m 20260105000000_shouting.SQL is not read");
    }

    @Test
    void verboseShowsCairnsDebugLogButNotTheDriversUnlessTwice() throws IOException {
        TestDatabase database = databases.create(Engine.MARIADB);
        Project.create(directory);
        String url = database.url() + "?user=" + database.user()
                + (database.password() == null || database.password().isEmpty()
                        ? ""
                        : "&password=" + database.password());

        Cli.Run quiet =
                CairnProcess.java(directory, Map.of(), "--url", url, "status").exits(0);
        Cli.Run verbose = CairnProcess.java(directory, Map.of(), "--url", url, "-v", "status")
                .exits(0);
        Cli.Run twice = CairnProcess.java(directory, Map.of(), "--url", url, "-vv", "status")
                .exits(0);

        assertThat(quiet.err()).isEmpty();
        // Cairn's own debug lines (the file it read), and not one of the driver's (every query it sends).
        assertThat(verbose.err())
                .contains("[DEBUG] Reading " + directory.resolve("cairn.yml").toRealPath());
        assertThat(verbose.err()).doesNotContainIgnoringCase("execute query").doesNotContain("mariadb");
        assertThat(verbose.err().lines()).allMatch(line -> !line.startsWith("[DEBUG]") || !line.contains("query"));
        // -vv: the driver's too, each line with the logger it came from.
        assertThat(twice.err()).containsIgnoringCase("execute query");
        assertThat(twice.err()
                        .lines()
                        .filter(line -> line.toLowerCase(Locale.ROOT).contains("execute query")))
                .allMatch(line -> line.matches("\\[DEBUG\\] \\w+ - .*"));
        // What the command shows is the same at every verbosity: only stderr grows.
        assertThat(twice.out()).isEqualTo(verbose.out()).contains("3 pending");
    }

    @Test
    void sqliteCleaningUpAnotherProcesssLibraryPrintsNothing() throws IOException {
        Project.create(directory);
        // A copy of the driver's library that another process left, which this one cannot delete (a
        // directory with a file in it, where two processes racing to delete one fail the same way).
        Path temporary = Files.createDirectories(directory.resolve("tmp"));
        Files.createDirectories(temporary.resolve("sqlite-" + SQLiteJDBCLoader.getVersion()
                        + "-00000000-0000-0000-0000-000000000000-libsqlitejdbc.so"))
                .resolve("kept")
                .toFile()
                .createNewFile();
        List<String> command = CairnProcess.javaJar();
        command.add(1, "-Dorg.sqlite.tmpdir=" + temporary);

        List<String> quiet = new ArrayList<>(command);
        quiet.addAll(List.of("migrate"));
        Cli.Run migrate = CairnProcess.run(directory, Map.of(), quiet).exits(0);
        List<String> twice = new ArrayList<>(command);
        twice.addAll(List.of("-vv", "status"));
        Cli.Run verbose = CairnProcess.run(directory, Map.of(), twice).exits(0);

        assertThat(migrate.out()).contains("Applied 3 migrations");
        assertThat(migrate.err()).isEmpty();
        // -vv shows the libraries' logs, this one's too.
        assertThat(verbose.err()).contains("Failed to delete old native lib");
    }

    /** Runs the jar in a pseudo-terminal (stdout and stderr both on it) and returns what it showed. */
    private Cli.Run onATerminal(Map<String, String> environment, String... args) {
        List<String> command = CairnProcess.javaJar();
        command.addAll(List.of(args));
        String line = command.stream().map(HumanOutput::shellWord).collect(Collectors.joining(" "));
        Map<String, String> terminal = new HashMap<>(environment);
        terminal.put("TERM", "xterm");
        return CairnProcess.run(directory, terminal, List.of("script", "-qec", line, "/dev/null"));
    }

    private Cli withFailingMigration() {
        return new Cli(directory)
                .withSqliteConfig()
                .migration("20260101000000_bad", "-- migrate:up\nCREATE TABLEX bad (id INTEGER);\n-- migrate:down\n");
    }

    @Test
    void coloursFailuresAndErrorsOnATerminalOnly() {
        withFailingMigration();

        Cli.Run terminal = onATerminal(Map.of(), "migrate");
        assertThat(terminal.exitCode()).isEqualTo(1);
        assertThat(terminal.out()).contains(ESC + "[1;31mFAILED" + ESC + "[0m", ESC + "[1;31merror:" + ESC + "[0m ");
        assertThat(onATerminal(Map.of(), "--help").out()).contains(ESC + "[");

        // The same process with its output in files: plain text.
        Cli.Run files = CairnProcess.java(directory, Map.of(), "migrate").exits(1);
        assertThat(files.out() + files.err()).contains("FAILED", "error: ").doesNotContain(ESC);
    }

    /** A long Java migration's line says on a terminal that code runs and for how long, not "statement 1 of 0". */
    @Test
    void aLongJavaMigrationShowsThatCodeRunsOnATerminal() throws IOException {
        ClasspathCliIT.project(directory);
        JavaBuild.compile(
                Files.createDirectories(directory.resolve("classes")),
                Map.of(
                        ClasspathCliIT.ADMINS_CLASS,
                        ClasspathCliIT.ADMINS_SOURCE.replace(
                                "statement.execute(\"INSERT INTO admins (user_id) VALUES (1)\");",
                                "statement.execute(\"INSERT INTO admins (user_id) VALUES (1)\");\n"
                                        + "Thread.sleep(3000);")));

        Cli.Run terminal = onATerminal(Map.of(), "--classpath", "classes", "migrate");

        assertThat(terminal.exitCode()).as(terminal.out()).isZero();
        assertThat(terminal.out())
                .containsPattern("\r  up    " + ClasspathCliIT.ADMINS + " \\.+ running code, \\d+ s" + ESC + "\\[K")
                .doesNotContain("of 0");
    }

    /**
     * A long migration's line says on a terminal which statement runs and for how long, then its time;
     * into a file, one plain line. The two runs go at once, each on a project of its own: each is one
     * long statement on one core, seconds apiece.
     */
    @Test
    void aLongMigrationShowsItsStatementAndTimeOnATerminalOnly() {
        Path intoFiles = directory.resolve("into-files");
        for (Path project : List.of(directory, intoFiles)) {
            new Cli(project)
                    .withSqliteConfig()
                    .migration(
                            "20260101000000_slow",
                            "-- migrate:up\nCREATE TABLE numbers (n integer);\n"
                                    + "INSERT INTO numbers WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL"
                                    + " SELECT i + 1 FROM r WHERE i < 30000000) SELECT i FROM r;\n"
                                    + "-- migrate:down\nDROP TABLE numbers;\n");
        }

        CairnProcess.Running files = CairnProcess.start(intoFiles, Map.of(), "migrate");
        Cli.Run terminal = onATerminal(Map.of(), "migrate");
        Cli.Run plain = files.await(Duration.ofSeconds(120));

        assertThat(terminal.exitCode()).as(terminal.out()).isZero();
        assertThat(terminal.out())
                .containsPattern("\r  up    20260101000000_slow \\.\\.\\. statement 2 of 2, \\d+ s" + ESC + "\\[K")
                .containsPattern("\r  up    20260101000000_slow \\.\\.\\. " + ESC + "\\[K *\\d+ ms");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("20260101000000_slow").doesNotContain("statement 2 of 2", "\r", ESC);
    }

    /** A rollback that runs a down changed since it was applied says so on stderr before it runs it. */
    @Test
    void aRollbackNamesTheDownsThatChangedSinceTheyWereApplied() throws IOException {
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration(
                        "20260101000000_t", "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n")
                .migration(
                        "20260102000000_u",
                        "-- migrate:up\nCREATE TABLE u (id int);\n-- migrate:down\nDROP TABLE u;\n");
        CairnProcess.java(directory, Map.of(), "migrate").exits(0);
        cli.migration(
                "20260101000000_t",
                "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE IF EXISTS t;\n");

        Cli.Run rollback = CairnProcess.java(directory, Map.of(), "rollback").exits(0);

        assertThat(rollback.err())
                .contains("Notice: 20260101000000_t: its down section (in 20260101000000_t.sql) was changed after it"
                        + " was applied; a rollback runs it as it is now. Prove that it undoes the up section with"
                        + " `cairn verify --from 20260101000000_t`.")
                .doesNotContain("20260102000000_u");
        assertThat(rollback.out()).contains("Rolled back 2 migrations of batch 1");
    }

    @Test
    void noColourOnATerminalWithNoColorSetOrNoColorGiven() {
        withFailingMigration();

        for (Cli.Run run : List.of(
                onATerminal(Map.of("NO_COLOR", "1"), "migrate"),
                onATerminal(Map.of("NO_COLOR", ""), "migrate"),
                onATerminal(Map.of(), "migrate", "--no-color"),
                onATerminal(Map.of(), "--color=never", "migrate"))) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("FAILED", "error: ").doesNotContain(ESC);
        }
        assertThat(onATerminal(Map.of("NO_COLOR", "1"), "--help").out())
                .contains("Usage: cairn")
                .doesNotContain(ESC);
    }

    @Test
    void theLaunchersFirstBuildPrintsNoEscapes() throws IOException {
        // A repository of its own: the launcher, and a Maven project with nothing to build, so that the
        // build is quick and its only output is what Maven itself prints.
        Path repository = directory.resolve("repository");
        Files.createDirectories(repository.resolve("cairn-cli"));
        Files.copy(CairnProcess.repository().resolve("cairn"), repository.resolve("cairn"));
        String parent = String.join(
                "\n",
                "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
                "  <modelVersion>4.0.0</modelVersion>",
                "  <groupId>test</groupId><artifactId>launcher</artifactId><version>1</version>",
                "  <packaging>pom</packaging>",
                "  <modules><module>cairn-cli</module></modules>",
                "</project>",
                "");
        Files.writeString(repository.resolve("pom.xml"), parent);
        Files.writeString(
                repository.resolve("cairn-cli/pom.xml"),
                parent.replace("<artifactId>launcher</artifactId>", "<artifactId>cli</artifactId>")
                        .replace("  <modules><module>cairn-cli</module></modules>\n", ""));

        Cli.Run run = CairnProcess.run(
                directory, Map.of(), List.of(repository.resolve("cairn").toString(), "--version"));

        assertThat(run.err()).startsWith("cairn: building " + repository.resolve("cairn-cli/target/cairn.jar"));
        assertThat(run.out() + run.err()).doesNotContain(ESC);
    }
}
