// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text of lint's findings, which the {@code cairn} tool prints and the build plugins log: one heading
 * per finding with its file relative to the root (absolute outside it), the rule's why and fix once, the
 * closing sentence, and the exception that fails a run with an error-level finding.
 */
class LintResultTest {

    private static final LintRule DROP =
            new LintRule("drop-table", LintRule.Level.WARNING, "t", "Data goes.", "Later.");
    private static final LintRule EMPTY = new LintRule("empty-down", LintRule.Level.ERROR, "t", "Nothing runs.", "Do.");

    private final Path root = Path.of("project").toAbsolutePath();

    @Test
    void linesNameEachFindingAndExplainEachRuleOnce() {
        Path inside = root.resolve("database/migrations/2_drop.sql");
        Path outside = Path.of("/elsewhere/3_drop.sql").toAbsolutePath();
        LintResult result = new LintResult(
                "SQLite",
                2,
                List.of(
                        new LintFinding("2_drop", inside, 2, DROP, LintRule.Level.WARNING, "drops table a"),
                        new LintFinding("2_drop", inside, 2, EMPTY, LintRule.Level.ERROR, "table a is destroyed"),
                        new LintFinding("3_drop", outside, 4, DROP, LintRule.Level.ERROR, "drops table b")),
                List.of(DROP, EMPTY));

        assertThat(result.lines(root).stream()
                        .map(line -> line.level().label() + (line.heading() ? " # " : " | ") + line.text()))
                .containsExactly(
                        "warning # " + Path.of("database/migrations/2_drop.sql") + ":2: warning drop-table",
                        "warning |   drops table a",
                        "warning |   why: Data goes.",
                        "warning |   fix: Later.",
                        "error # " + Path.of("database/migrations/2_drop.sql") + ":2: error empty-down",
                        "error |   table a is destroyed",
                        "error |   why: Nothing runs.",
                        "error |   fix: Do.",
                        "error # " + outside + ":4: error drop-table",
                        "error |   drops table b");
        assertThat(result.summary("'cairn lint --all'"))
                .isEqualTo("Linted 2 migrations with the SQLite rules: 2 errors, 1 warning (a rule's why and fix show"
                        + " at its first finding; -- cairn:lint-ignore RULE on the line above a statement silences"
                        + " one).");
        assertThat(result.counts()).isEqualTo("2 errors and 1 warning");
        assertThatThrownBy(result::requirePassed)
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("lint found 2 errors in the SQLite migrations;")
                .hasMessageContaining("2_drop.sql:2 empty-down: table a is destroyed")
                .hasMessageContaining("3_drop.sql:4 drop-table: drops table b");
    }

    @Test
    void theSummarySaysWhenNothingWasPendingOrFound() {
        assertThat(new LintResult("H2", 0, List.of(), List.of()).summary("cairnLint --all"))
                .isEqualTo("No migrations to lint (none pending): cairnLint --all reads every migration.");
        LintResult clean = new LintResult("H2", 1, List.of(), List.of());
        assertThat(clean.summary("x")).isEqualTo("Linted 1 migration with the H2 rules: no findings.");
        assertThat(clean.requirePassed()).isSameAs(clean);
    }

    @Test
    void aLongListOfErrorsIsCutInTheMessage() {
        List<LintFinding> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            many.add(new LintFinding("m", root.resolve(i + "_m.sql"), 2, EMPTY, LintRule.Level.ERROR, "gone " + i));
        }
        LintResult result = new LintResult("PostgreSQL", 25, many, List.of(EMPTY));
        assertThatThrownBy(result::requirePassed)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .hasSize(10)
                                .endsWith("and 16 more (the findings have them all)")
                                .startsWith("1_m.sql:2 empty-down: gone 1"))
                .hasMessageStartingWith("lint found 25 errors");
    }
}
