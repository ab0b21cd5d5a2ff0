// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Splitting runs at every migrate, so it must stay linear, and no input shape may make it crawl. Each
 * test splits a section and a tenth of it, in the same run (the fastest of three tries each, so that a
 * busy build machine slows both alike), and asks that the whole take at most {@value #RATIO} times as
 * long as the tenth: a linear splitter takes about 10 times as long, a quadratic one about 100. How fast
 * splitting is belongs to the benchmarks ({@code bench/jmh}'s SplitBenchmark), not to a test.
 */
class SplitterPerformanceTest {

    /** How many times as long the whole may take as a tenth of it. */
    private static final int RATIO = 30;

    /** Added to the bound, so that a tenth that splits in a millisecond or two leaves room for noise. */
    private static final Duration SLACK = Duration.ofMillis(50);

    private static final int SIZE = 5_000_000;

    private static String repeat(String unit, int length) {
        return unit.repeat(length / unit.length() + 1);
    }

    private static final String DUMP = "INSERT INTO t (a, b, c) VALUES (1, 'it''s; text -- x', E'a\\'b'), (2, \"q;\","
            + " $$x;y$$); -- note\n/* block; */\n";

    private static final String MYSQL_DUMP = "INSERT INTO `t` VALUES (1,'it\\'s; text -- x','C:\\\\'),(2,\"q;\",NULL);"
            + " # note\n/*!40101 SET NAMES utf8mb4 */;\nDELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 1; END;;\n"
            + "DELIMITER ;\n";

    @Test
    void splitsDumpLikeSqlInLinearTime() {
        String section = repeat(DUMP, 2 * SIZE);
        List<Statement> statements = StatementSplitter.split(section, 1, SplitRules.POSTGRESQL);

        assertThat(statements).hasSize(section.length() / DUMP.length());
        assertThat(statements.get(statements.size() - 1).line()).isEqualTo(2 * statements.size() - 1);
        assertLinear("a PostgreSQL dump", size -> repeat(DUMP, size), SplitRules.POSTGRESQL);
    }

    @Test
    void splitsMySqlDumpsInLinearTime() {
        String section = repeat(MYSQL_DUMP, 2 * SIZE);

        assertThat(StatementSplitter.split(section, 1, SplitRules.MYSQL))
                .hasSize(3 * (section.length() / MYSQL_DUMP.length()));
        assertLinear("a MySQL dump", size -> repeat(MYSQL_DUMP, size), SplitRules.MYSQL);
    }

    static Stream<Arguments> awkwardShapes() {
        return Stream.of(
                shape("dollar signs", size -> repeat("$", size)),
                shape("quotes", size -> repeat("'", size)),
                shape("deeply nested comments", size -> "/*".repeat(size / 4) + "*/".repeat(size / 4)),
                shape("delimiters", size -> repeat(";", size)),
                shape("line comments", size -> repeat("-- x\n", size)),
                shape("one long word", size -> repeat("a", size)),
                shape("dollar tags that open and close", size -> repeat("$a$", size)),
                shape("dollar signs that look like tags", size -> repeat("$a $b ", size)),
                shape("backslash strings", size -> repeat("E'\\\\", size)),
                shape("blank lines before an unclosed string", size -> repeat("\n", size) + "'"),
                shape(
                        "a body of CASE levels",
                        size -> "CREATE TRIGGER t BEGIN " + repeat("CASE x END; ", size) + " END"));
    }

    static Stream<Arguments> awkwardMySqlShapes() {
        return Stream.of(
                shape("words full of a delimiter's first character", size -> "DELIMITER $$\n" + repeat("a$", size)),
                shape("DELIMITER lines", size -> repeat("DELIMITER ;;\n", size)),
                shape("blanks before a DELIMITER line", size -> repeat(" ", size) + "DELIMITER //\nSELECT 1//"),
                shape("backslashes", size -> repeat("'\\", size)),
                shape("executable comments", size -> repeat("/*!1 x */;", size)),
                shape(
                        "deep levels then ENDs that close none of them",
                        size -> "CREATE PROCEDURE p() " + repeat("BEGIN ", size / 2) + repeat("END IF; ", size / 2)),
                shape(
                        "deep IF levels closed by one END",
                        size -> "CREATE PROCEDURE p() BEGIN " + repeat("IF x THEN ", size / 2) + "END"),
                shape("a compound statement of many levels", size -> repeat("WHILE x DO ", size / 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardMySqlShapes")
    void staysLinearOnAwkwardMySqlInput(String name, IntFunction<String> input) {
        assertLinear(name, input, SplitRules.MYSQL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardShapes")
    void staysLinearOnAwkwardInput(String name, IntFunction<String> input) {
        assertLinear(name, input, SplitRules.POSTGRESQL);
    }

    private static Arguments shape(String name, IntFunction<String> input) {
        return Arguments.of(name, input);
    }

    private static void assertLinear(String name, IntFunction<String> input, SplitRules rules) {
        String tenth = input.apply(SIZE / 10);
        String whole = input.apply(SIZE);
        split(tenth, rules); // the first run also loads and compiles the splitter
        Duration small = fastest(tenth, rules);
        Duration large = fastest(whole, rules);

        assertThat(large)
                .as(
                        "%s: %d characters took %d ms, a tenth of them %d ms",
                        name, whole.length(), large.toMillis(), small.toMillis())
                .isLessThan(small.multipliedBy(RATIO).plus(SLACK));
    }

    private static Duration fastest(String text, SplitRules rules) {
        Duration best = null;
        // The fastest of five: on a machine busy with other builds, one of three still met a pause (a
        // collection of the last run's garbage, another process) and a linear split looked slow.
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            split(text, rules);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            best = best == null || took.compareTo(best) < 0 ? took : best;
        }
        return best;
    }

    private static void split(String text, SplitRules rules) {
        try {
            StatementSplitter.split(text, 1, rules);
        } catch (SqlSyntaxException expectedForSomeShapes) {
            // Only the time matters here; the errors have tests of their own.
        }
    }
}
