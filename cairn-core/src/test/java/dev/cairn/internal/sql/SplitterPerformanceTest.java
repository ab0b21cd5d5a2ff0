// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Splitting runs at every migrate, so it must stay linear: a 10 MB section in well under a second,
 * and no input shape that makes it crawl. The bounds are about ten times what a laptop needs, so
 * they catch a quadratic slip without failing on a busy build machine.
 */
class SplitterPerformanceTest {

    private static final Duration BOUND = Duration.ofSeconds(1);

    private static String repeat(String unit, int length) {
        return unit.repeat(length / unit.length() + 1);
    }

    @Test
    void splitsTenMegabytesOfDumpLikeSqlInUnderASecond() {
        String unit = "INSERT INTO t (a, b, c) VALUES (1, 'it''s; text -- x', E'a\\'b'), (2, \"q;\", $$x;y$$);"
                + " -- note\n/* block; */\n";
        StatementSplitter.split(repeat(unit, 1_000_000), 1, SplitRules.POSTGRESQL);
        String section = repeat(unit, 10_000_000);

        long started = System.nanoTime();
        List<Statement> statements = StatementSplitter.split(section, 1, SplitRules.POSTGRESQL);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(statements).hasSize(section.length() / unit.length());
        assertThat(statements.get(statements.size() - 1).line()).isEqualTo(2 * statements.size() - 1);
        assertThat(took).as("time to split %d characters", section.length()).isLessThan(BOUND);
    }

    @Test
    void splitsTenMegabytesOfMySqlDumpInUnderASecond() {
        String unit = "INSERT INTO `t` VALUES (1,'it\\'s; text -- x','C:\\\\'),(2,\"q;\",NULL); # note\n"
                + "/*!40101 SET NAMES utf8mb4 */;\nDELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 1; END;;\n"
                + "DELIMITER ;\n";
        StatementSplitter.split(repeat(unit, 1_000_000), 1, SplitRules.MYSQL);
        String section = repeat(unit, 10_000_000);

        long started = System.nanoTime();
        List<Statement> statements = StatementSplitter.split(section, 1, SplitRules.MYSQL);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(statements).hasSize(3 * (section.length() / unit.length()));
        assertThat(took).as("time to split %d characters", section.length()).isLessThan(BOUND);
    }

    static Stream<Arguments> awkwardShapes() {
        int size = 5_000_000;
        return Stream.of(
                Arguments.of("dollar signs", repeat("$", size)),
                Arguments.of("quotes", repeat("'", size)),
                Arguments.of("deeply nested comments", "/*".repeat(size / 4) + "*/".repeat(size / 4)),
                Arguments.of("delimiters", repeat(";", size)),
                Arguments.of("line comments", repeat("-- x\n", size)),
                Arguments.of("one long word", repeat("a", size)),
                Arguments.of("dollar tags that open and close", repeat("$a$", size)),
                Arguments.of("dollar signs that look like tags", repeat("$a $b ", size)),
                Arguments.of("backslash strings", repeat("E'\\\\", size)),
                Arguments.of("blank lines before an unclosed string", repeat("\n", size) + "'"),
                Arguments.of(
                        "a body of CASE levels", "CREATE TRIGGER t BEGIN " + repeat("CASE x END; ", size) + " END"));
    }

    static Stream<Arguments> awkwardMySqlShapes() {
        int size = 5_000_000;
        return Stream.of(
                Arguments.of("words full of a delimiter's first character", "DELIMITER $$\n" + repeat("a$", size)),
                Arguments.of("DELIMITER lines", repeat("DELIMITER ;;\n", size)),
                Arguments.of("blanks before a DELIMITER line", repeat(" ", size) + "DELIMITER //\nSELECT 1//"),
                Arguments.of("backslashes", repeat("'\\", size)),
                Arguments.of("executable comments", repeat("/*!1 x */;", size)),
                Arguments.of(
                        "deep levels then ENDs that close none of them",
                        "CREATE PROCEDURE p() " + repeat("BEGIN ", size / 2) + repeat("END IF; ", size / 2)),
                Arguments.of(
                        "deep IF levels closed by one END",
                        "CREATE PROCEDURE p() BEGIN " + repeat("IF x THEN ", size / 2) + "END"),
                Arguments.of("a compound statement of many levels", repeat("WHILE x DO ", size / 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardMySqlShapes")
    void staysLinearOnAwkwardMySqlInput(String name, String text) {
        long started = System.nanoTime();
        try {
            StatementSplitter.split(text, 1, SplitRules.MYSQL);
        } catch (SqlSyntaxException expectedForSomeShapes) {
            // Only the time matters here; the errors have tests of their own.
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(name).isLessThan(BOUND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardShapes")
    void staysLinearOnAwkwardInput(String name, String text) {
        long started = System.nanoTime();
        try {
            StatementSplitter.split(text, 1, SplitRules.POSTGRESQL);
        } catch (SqlSyntaxException expectedForSomeShapes) {
            // Only the time matters here; the errors have tests of their own.
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(name).isLessThan(BOUND);
    }
}
