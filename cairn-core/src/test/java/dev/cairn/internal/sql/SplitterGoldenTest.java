// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden case under {@code src/test/resources/splitter/<dialect>/}: {@code <case>.sql}
 * is split as one section starting at line 1, and the result must read exactly like
 * {@code <case>.expected}.
 *
 * <p>The expected format lists each statement under a header line {@code -- statement at line N},
 * followed by its exact text; blank lines after the text only separate entries (a statement never
 * ends with whitespace). A case that must fail holds a single line {@code -- error at line N: message}.
 * A case whose name ends in {@code -crlf} is stored with LF line endings, like every file here, and
 * both its input and its expected statements are turned into CRLF before comparing: the line
 * numbers must not change.
 */
class SplitterGoldenTest {

    private static final Map<String, SplitRules> DIALECTS = Map.of(
            "postgresql", SplitRules.POSTGRESQL,
            "sqlite", SplitRules.SQLITE,
            "mysql", SplitRules.MYSQL,
            "h2", SplitRules.H2);

    private static final String STATEMENT_HEADER = "-- statement at line ";
    private static final String ERROR_HEADER = "-- error at line ";

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path input : inputs()) {
            String dialect = input.getParent().getFileName().toString();
            String name = input.getFileName().toString().replaceFirst("\\.sql$", "");
            tests.add(DynamicTest.dynamicTest(dialect + "/" + name, () -> check(input, DIALECTS.get(dialect))));
        }
        return tests.stream();
    }

    @Test
    void everyDialectHasCasesAndEveryCaseHasBothFiles() throws IOException {
        Path root = root();
        try (Stream<Path> dirs = Files.list(root)) {
            assertThat(dirs.map(d -> d.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(DIALECTS.keySet());
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String fileName = file.getFileName().toString();
                String twin = fileName.endsWith(".sql")
                        ? fileName.replaceFirst("\\.sql$", ".expected")
                        : fileName.replaceFirst("\\.expected$", ".sql");
                assertThat(twin)
                        .as("only .sql and .expected files belong here: %s", file)
                        .isNotEqualTo(fileName);
                assertThat(file.resolveSibling(twin)).as("the twin of %s", file).exists();
            }
        }
        assertThat(inputs()).hasSizeGreaterThanOrEqualTo(30);
    }

    private static void check(Path input, SplitRules rules) throws IOException {
        boolean crlf = input.getFileName().toString().endsWith("-crlf.sql");
        String text = read(input);
        String expectedName = input.getFileName().toString().replaceFirst("\\.sql$", ".expected");
        String expected = read(input.resolveSibling(expectedName));
        if (crlf) {
            assertThat(text).as("a -crlf case is stored with LF").doesNotContain("\r");
            text = text.replace("\n", "\r\n");
        }
        String actual;
        try {
            actual = render(StatementSplitter.split(text, 1, rules));
        } catch (SqlSyntaxException e) {
            actual = ERROR_HEADER + e.line() + ": " + e.getMessage() + "\n";
        }
        String wanted = normalise(expected);
        if (crlf) {
            actual = actual.replace("\r\n", "\n");
            // Compared in LF form; the CRs themselves are checked here (none stray) and below (each
            // line break inside a statement keeps its CR).
            assertThat(countOf(actual, '\r')).as("stray carriage returns").isZero();
        }
        assertEquals(wanted, actual, "split of " + input);
        if (crlf) {
            for (Statement statement : StatementSplitter.split(text, 1, rules)) {
                assertThat(countOf(statement.sql(), '\r'))
                        .as("CRs kept in %s", statement.sql())
                        .isEqualTo(countOf(statement.sql(), '\n'));
            }
        }
    }

    private static String render(List<Statement> statements) {
        StringBuilder out = new StringBuilder();
        for (Statement statement : statements) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(STATEMENT_HEADER)
                    .append(statement.line())
                    .append('\n')
                    .append(statement.sql())
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Rewrites an expected file into the exact form {@link #render} produces, so that one string
     * comparison checks everything and a failure shows a readable diff.
     */
    private static String normalise(String expected) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : expected.split("\n", -1)) {
            if (line.startsWith(STATEMENT_HEADER) || line.startsWith(ERROR_HEADER)) {
                if (current != null) {
                    entries.add(current.toString().stripTrailing());
                }
                current = new StringBuilder(line);
            } else if (current == null) {
                assertThat(line)
                        .as("text before the first header of an expected file")
                        .isBlank();
            } else {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            entries.add(current.toString().stripTrailing());
        }
        return entries.isEmpty() ? "" : String.join("\n\n", entries) + "\n";
    }

    private static int countOf(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<Path> inputs() throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    private static Path root() {
        URL url = SplitterGoldenTest.class.getResource("/splitter");
        assertThat(url).as("the splitter golden files on the test class path").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
