// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.JavaBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn make --java}: where the class goes, what it is called, and that it compiles. */
class MakeJavaCommandTest {

    private static final Pattern CREATED = Pattern.compile("Created (\\S+/V(\\d{14})__(\\w+)\\.java)\n");

    @TempDir
    Path directory;

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void writesAClassInTheFirstClasspathLocationsPackageUnderSrcMainJavaThatCompiles() throws IOException {
        Cli cli = new Cli(directory).write("cairn.yml", ClasspathCliIT.CONFIG);
        Files.createDirectories(directory.resolve("database/migrations"));
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

        Cli.Run run = cli.run("make", "--java", "Backfill", "emails").succeeds();

        Matcher created = CREATED.matcher(run.out());
        assertThat(created.matches()).as(run.out()).isTrue();
        assertThat(created.group(1)).startsWith("src/main/java/db/migrations/V");
        assertThat(created.group(3)).isEqualTo("backfill_emails");
        LocalDateTime version = LocalDateTime.parse(created.group(2), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        assertThat(version).isBetween(before, LocalDateTime.now(ZoneOffset.UTC));
        Path file = directory.resolve(created.group(1));
        assertThat(Files.readString(file))
                .startsWith("package db.migrations;\n")
                .contains("public class V" + created.group(2) + "__backfill_emails implements JavaMigration {");

        Path classes = JavaBuild.compile(
                Files.createDirectories(directory.resolve("classes")),
                Map.of("db.migrations.V" + created.group(2) + "__backfill_emails", Files.readString(file)));
        assertThat(classes.resolve("db/migrations/V" + created.group(2) + "__backfill_emails.class"))
                .isRegularFile();
        // And it is a migration: pending, reversible (its down is a no-op until the user writes one).
        Cli.Run status = cli.run("--classpath", "classes", "--json", "status").succeeds();
        assertThat(status.json().get("pendingCount").asInt()).isEqualTo(1);
    }

    @Test
    void takesAPackageAndASourceDirectoryAndPrintsTheFileInJson() throws IOException {
        Cli cli = new Cli(directory).withSqliteConfig();

        Cli.Run run = cli.run(
                        "--json", "make", "--java", "--package", "com.acme.db", "--source-dir", "app/src", "add admins")
                .succeeds();

        List<Path> files = javaFiles(directory.resolve("app/src/com/acme/db"));
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("V\\d{14}__add_admins\\.java");
        assertThat(run.json().toString())
                .contains("app/src/com/acme/db/" + files.get(0).getFileName());
        assertThat(Files.readString(files.get(0))).startsWith("package com.acme.db;\n");
        // Without a classpath: location or --package: db.migrations.
        cli.run("make", "--java", "x").succeeds();
        assertThat(javaFiles(directory.resolve("src/main/java/db/migrations"))).hasSize(1);
        // No SQL file was written.
        assertThat(directory.resolve("database/migrations")).doesNotExist();
    }

    @Test
    void refusesWhatCannotBeAJavaMigration() {
        Cli cli = new Cli(directory).withSqliteConfig();

        assertThat(cli.run("make", "--java", "表").exits(2).err())
                .isEqualTo("error: A Java migration needs a name with ASCII letters or digits, which its class name can"
                        + " hold, such as `cairn make --java backfill_emails`.\n");
        assertThat(cli.run("make", "--java", "--package", "db/migrations", "x")
                        .exits(2)
                        .err())
                .contains("error: 'db/migrations' is not a Java package name");
        assertThat(cli.run("make", "--package", "db.migrations", "x").exits(2).err())
                .contains("error: --package and --source-dir go with --java only");
        assertThat(directory.resolve("src")).doesNotExist();
        assertThat(directory.resolve("database/migrations")).doesNotExist();
    }

    @Test
    void theHelpDocumentsTheOptions() {
        Cli.Run help = new Cli(directory).run("make", "--help").succeeds();

        assertThat(help.out())
                .contains("--java", "--package=PKG", "--source-dir=DIR", "src/main/java", "classpath: location");
        Cli.Run global = new Cli(directory).run("--help").succeeds();
        assertThat(global.out()).contains("--classpath=PATH", "$CAIRN_CLASSPATH", "classpath:db/migrations");
    }
}
