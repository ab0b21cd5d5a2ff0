// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import dev.cairn.JavaMigration;
import dev.cairn.internal.source.Location;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code make --java}: the class skeleton, its name, its package and its place, and that it compiles. */
class MakeJavaMigrationTest {

    @TempDir
    Path project;

    private MakeMigration commandsAt(String instant, String... locations) {
        Settings.Draft draft = new Settings.Draft();
        draft.workingDirectory = project;
        draft.url = "jdbc:sqlite:" + project.resolve("dev.sqlite3");
        if (locations.length > 0) {
            draft.locations = List.of(locations);
        } else {
            draft.migrationsDirectory = project.resolve("db/migrations");
        }
        return new MakeMigration(Settings.resolve(draft, null), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void writesAClassNamedWithTheUtcTimeInTheDefaultPackageDirectory() throws IOException {
        Path file = commandsAt("2026-11-24T15:30:00Z").makeJava("  Backfill Emails! ", null, project.resolve("src"));

        assertThat(file).isEqualTo(project.resolve("src/db/migrations/V20261124153000__backfill_emails.java"));
        String source = Files.readString(file);
        assertThat(source)
                .startsWith("package db.migrations;\n\nimport dev.cairn.JavaMigration;\nimport java.sql.Connection;\n")
                .contains("public class V20261124153000__backfill_emails implements JavaMigration {")
                .contains("public void up(Connection connection) throws Exception {")
                .contains("public void down(Connection connection) throws Exception {")
                .contains("delete this method", "irreversible", "do not commit, roll back or close it");
    }

    @Test
    void theSkeletonCompilesAndIsReadAsAReversibleMigrationOfItsVersion() throws Exception {
        Path file = commandsAt("2026-11-24T15:30:00Z", "classpath:app/db")
                .makeJava("add admins", null, project.resolve("src/main/java"));
        assertThat(file).isEqualTo(project.resolve("src/main/java/app/db/V20261124153000__add_admins.java"));
        Path classes = Files.createDirectories(project.resolve("classes"));

        compile(file, classes);

        assertThat(classes.resolve("app/db/V20261124153000__add_admins.class")).isRegularFile();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaMigration.class.getClassLoader())) {
            List<Migration> migrations =
                    new MigrationSources(List.of(new Location.Classpath("app/db")), loader, List.of()).scan();
            assertThat(migrations).singleElement().satisfies(migration -> {
                assertThat(migration.name()).isEqualTo("20261124153000_add_admins");
                assertThat(migration.reversible()).isTrue();
            });
        }
    }

    @Test
    void thePackageIsTheGivenOneElseTheFirstClasspathLocationsElseDbMigrations() throws IOException {
        Path sources = project.resolve("src");
        assertThat(commandsAt("2026-11-24T15:30:00Z", "filesystem:sql", "classpath:com/acme/migrations", "classpath:x")
                        .makeJava("a", null, sources))
                .isEqualTo(sources.resolve("com/acme/migrations/V20261124153000__a.java"));
        assertThat(commandsAt("2026-11-24T15:30:00Z", "classpath:com/acme/migrations")
                        .makeJava("b", "org.example.db", sources))
                .isEqualTo(sources.resolve("org/example/db/V20261124153000__b.java"));
        assertThat(Files.readString(sources.resolve("org/example/db/V20261124153000__b.java")))
                .startsWith("package org.example.db;\n");
        assertThat(commandsAt("2026-11-24T15:30:00Z", "filesystem:sql").makeJava("c", null, sources))
                .isEqualTo(sources.resolve("db/migrations/V20261124153000__c.java"));
        // The root of the class path is the unnamed package: no package line.
        Path unnamed = commandsAt("2026-11-24T15:30:00Z").makeJava("d", "", sources);
        assertThat(unnamed).isEqualTo(sources.resolve("V20261124153000__d.java"));
        assertThat(Files.readString(unnamed)).startsWith("import dev.cairn.JavaMigration;");
    }

    @Test
    void aVersionThatAClassOrAnSqlFileHasMovesOnToTheNextSecond() throws IOException {
        MakeMigration commands = commandsAt("2026-11-24T15:30:00Z");
        Path sources = project.resolve("src");
        Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(project.resolve("db/migrations/20261124153001_taken.sql"), "-- migrate:up\n");

        Path first = commands.makeJava("a", null, sources);
        Path second = commands.makeJava("b", null, sources);

        assertThat(first.getFileName()).hasToString("V20261124153000__a.java");
        assertThat(second.getFileName()).hasToString("V20261124153002__b.java");
    }

    @Test
    void theNameKeepsAsciiLettersAndDigitsOnlySoThatItIsAClassName() throws IOException {
        MakeMigration commands = commandsAt("2026-11-24T15:30:00Z");
        Path sources = project.resolve("src");

        assertThat(commands.makeJava("Mu\u0308ller Ölçü ½ ²", null, sources).getFileName())
                .hasToString("V20261124153000__muller_olcu.java");
        assertThatThrownBy(() -> commands.makeJava("表", null, sources))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("A Java migration needs a name with ASCII letters or digits, which its class name can hold,"
                        + " such as `cairn make --java backfill_emails`.");
        assertThatThrownBy(() -> commands.makeJava("a".repeat(300), null, sources))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("A Java migration's name is too long");
    }

    @Test
    void refusesAPackageThatJavaWouldNot() {
        MakeMigration commands = commandsAt("2026-11-24T15:30:00Z");
        for (String bad : List.of("db/migrations", "1db", "db..x", "db.class", "db-x")) {
            assertThatThrownBy(() -> commands.makeJava("a", bad, project.resolve("src")))
                    .as(bad)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("'" + bad + "' is not a Java package name; give one such as db.migrations"
                            + " (--package), or a classpath: location such as classpath:db/migrations.");
        }
        assertThat(project.resolve("src")).doesNotExist();
    }

    /**
     * Compiles {@code source} against cairn-core's classes into {@code classes}, failing with javac's
     * output. Through {@code java.util.spi.ToolProvider} (the JDK's javac, in-process), since the tests
     * compile in the module {@code dev.cairn}, which does not read {@code java.compiler}.
     */
    static void compile(Path source, Path classes) throws URISyntaxException {
        ToolProvider javac =
                ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("no javac: run on a JDK"));
        Path core = Path.of(JavaMigration.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        StringWriter messages = new StringWriter();
        PrintWriter writer = new PrintWriter(messages);
        int code = javac.run(
                writer,
                writer,
                "-d",
                classes.toString(),
                "-cp",
                core.toString(),
                "-Xlint:all",
                "-Werror",
                source.toString());
        writer.flush();
        assertThat(code).as(messages.toString()).isZero();
    }
}
