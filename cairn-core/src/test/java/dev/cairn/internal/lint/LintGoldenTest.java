// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Cairn;
import dev.cairn.LintFinding;
import dev.cairn.LintOptions;
import dev.cairn.LintResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every lint case under {@code src/test/resources/lint/<database>/<case>/}: the database's shared
 * migrations in {@code <database>/_base/} (the tables earlier migrations made) and the case's own are
 * linted together, as {@code cairn lint --all} does, and the findings must read exactly like the case's
 * {@code expected} file, a line each: {@code file:line level rule: message}. An empty {@code expected}
 * is a case where no rule may fire. Run with {@code -Dlint.golden.write=true} to write the files anew
 * (then read every change before committing it).
 */
class LintGoldenTest {

    /** A URL per database: lint with named files or all migrations never connects. */
    private static final Map<String, String> URLS = Map.of(
            "postgresql", "jdbc:postgresql://127.0.0.1:1/lint",
            "mysql", "jdbc:mariadb://127.0.0.1:1/lint",
            "sqlite", "jdbc:sqlite:lint.sqlite3",
            "h2", "jdbc:h2:mem:lint");

    @TempDir
    Path temporary;

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path database : databases()) {
            try (Stream<Path> cases = Files.list(database)) {
                for (Path fixture : cases.filter(Files::isDirectory)
                        .filter(dir -> !dir.getFileName().toString().equals("_base"))
                        .sorted()
                        .toList()) {
                    String name = database.getFileName() + "/" + fixture.getFileName();
                    tests.add(DynamicTest.dynamicTest(name, () -> check(database, fixture)));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyDatabaseHasCasesThatFireAndCasesThatMustNot() throws IOException {
        for (Path database : databases()) {
            assertThat(URLS).containsKey(database.getFileName().toString());
            List<Path> expected;
            try (Stream<Path> files = Files.walk(database)) {
                expected = files.filter(file -> file.getFileName().toString().equals("expected"))
                        .toList();
            }
            assertThat(expected).as(database + ": cases").hasSizeGreaterThanOrEqualTo(3);
            assertThat(expected)
                    .as(database + ": a case where nothing may fire")
                    .anyMatch(LintGoldenTest::isEmpty);
            assertThat(expected).as(database + ": a case that fires").anyMatch(file -> !isEmpty(file));
        }
    }

    private void check(Path database, Path fixture) throws IOException {
        Path migrations =
                Files.createDirectories(temporary.resolve(database.getFileName() + "-" + fixture.getFileName()));
        for (Path source : List.of(database.resolve("_base"), fixture)) {
            try (Stream<Path> files = Files.list(source)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                    Files.copy(file, migrations.resolve(file.getFileName()));
                }
            }
        }
        LintResult result = Cairn.configure()
                .url(URLS.get(database.getFileName().toString()))
                .workingDirectory(temporary)
                .migrationsDirectory(migrations)
                .load()
                .lint(LintOptions.everyMigration());
        String actual = result.findings().stream().map(LintGoldenTest::line).collect(Collectors.joining("\n"));
        Path expected = fixture.resolve("expected");
        if (Boolean.getBoolean("lint.golden.write")) {
            Path source = Path.of("src/test/resources/lint")
                    .resolve(database.getFileName().toString())
                    .resolve(fixture.getFileName().toString())
                    .resolve("expected");
            Files.writeString(source, actual.isEmpty() ? "" : actual + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual)
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8).strip());
    }

    private static String line(LintFinding finding) {
        return finding.file().getFileName() + ":" + finding.line() + " "
                + finding.level().label() + " " + finding.rule().id() + ": " + finding.message();
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.readString(file).isBlank();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> databases() throws IOException {
        try {
            Path root = Path.of(LintGoldenTest.class.getResource("/lint").toURI());
            try (Stream<Path> dirs = Files.list(root)) {
                return dirs.filter(Files::isDirectory).sorted().toList();
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
