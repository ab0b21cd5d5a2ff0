// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@link Cairn#lint} found.
 *
 * @param database the database whose rules were applied ({@code PostgreSQL}, {@code MySQL}, ...)
 * @param linted how many migrations were read for findings
 * @param findings the findings, in migration order, then by line
 * @param rules every rule that was on, with its level after {@code cairn.yml}
 * @param observations with {@link LintOptions#observe}, what each statement did on the scratch database,
 *     the statements on the biggest tables of the target first; else empty
 * @param scratch with {@link LintOptions#observe}, where the scratch database was (it is dropped)
 */
public record LintResult(
        String database,
        int linted,
        List<LintFinding> findings,
        List<LintRule> rules,
        List<Observation> observations,
        Optional<String> scratch) {

    /** Copies the lists. */
    public LintResult {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
        observations = List.copyOf(observations);
    }

    /** A result without observations. */
    public LintResult(String database, int linted, List<LintFinding> findings, List<LintRule> rules) {
        this(database, linted, findings, rules, List.of(), Optional.empty());
    }

    /**
     * One line of the findings as text.
     *
     * @param level the level of the finding it belongs to
     * @param heading whether it is a finding's first line, {@code file:line: level rule}
     * @param text the line
     */
    public record Line(LintRule.Level level, boolean heading, String text) {}

    /**
     * The findings as {@code cairn lint} prints them, and the build plugins log them: per finding a heading
     * {@code file:line: level rule}, what the statement does, and at a rule's first finding its why and fix.
     * Files are named relative to {@code root} when they lie inside it.
     */
    public List<Line> lines(Path root) {
        List<Line> lines = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        for (LintFinding finding : findings) {
            LintRule.Level level = finding.level();
            lines.add(new Line(
                    level,
                    true,
                    shown(finding.file(), root) + ":" + finding.line() + ": " + level.label() + " "
                            + finding.rule().id()));
            lines.add(new Line(level, false, "  " + finding.message()));
            if (explained.add(finding.rule().id())) {
                lines.add(new Line(level, false, "  why: " + finding.rule().why()));
                lines.add(new Line(level, false, "  fix: " + finding.rule().fix()));
            }
        }
        return lines;
    }

    /**
     * The sentence that ends the findings: how many migrations were read with which rules, and what was
     * found; {@code everyMigration} is how the tool asks for every migration ({@code 'cairn lint --all'}),
     * named when none was pending.
     */
    public String summary(String everyMigration) {
        if (linted == 0) {
            return "No migrations to lint (none pending): " + everyMigration + " reads every migration.";
        }
        String read = "Linted " + count(linted, "migration") + " with the " + database + " rules";
        if (findings.isEmpty()) {
            return read + ": no findings.";
        }
        return read + ": " + count(errors(), "error") + ", " + count(warnings(), "warning") + " (a rule's why and fix"
                + " show at its first finding; -- cairn:lint-ignore RULE on the line above a statement silences one).";
    }

    /** {@code file} relative to {@code root} when it lies inside it, else absolute. */
    static String shown(Path file, Path root) {
        Path base = root.toAbsolutePath().normalize();
        Path absolute = base.resolve(file).normalize();
        return absolute.startsWith(base) && !absolute.equals(base)
                ? base.relativize(absolute).toString()
                : absolute.toString();
    }

    /** How many findings are at error level. */
    public long errors() {
        return findings.stream().filter(LintFinding::isError).count();
    }

    /** How many findings are at warning level. */
    public long warnings() {
        return findings.size() - errors();
    }

    /**
     * The counts in one phrase, {@code 2 errors and 1 warning}, as {@code migrate} says them of what it is
     * about to run.
     */
    public String counts() {
        return count(errors(), "error") + " and " + count(warnings(), "warning");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Whether no finding is at error level: what makes {@code cairn lint} exit with 0. */
    public boolean passed() {
        return errors() == 0;
    }

    /**
     * This result as a SARIF 2.1.0 log, the format code scanning reads (GitHub's {@code upload-sarif},
     * GitLab, IDE viewers): each rule with its title, why and fix, each finding at its file and line, at
     * its level. What {@code cairn lint --format sarif} prints and {@code mvn cairn:lint} writes.
     *
     * @param root the directory the files are named relative to, under the base {@code %SRCROOT%}: the
     *     checkout's root, so that code scanning finds them in the repository; a file outside it is named
     *     by its absolute {@code file:} URI
     * @param toolVersion the version of Cairn that linted, as the log's tool says it; null leaves it out
     * @return the log, JSON text ending with a line break
     */
    public String toSarif(Path root, String toolVersion) {
        return LintSarif.of(this, root, toolVersion);
    }

    /**
     * This result, if it {@link #passed}.
     *
     * @throws ValidationException naming the error-level findings (the first ones, if many) by file, line
     *     and rule
     */
    public LintResult requirePassed() {
        if (passed()) {
            return this;
        }
        List<String> errors = findings.stream()
                .filter(LintFinding::isError)
                .map(finding -> finding.file().getFileName() + ":" + finding.line() + " "
                        + finding.rule().id() + ": " + finding.message())
                .toList();
        List<String> named = errors.size() <= NAMED_IN_MESSAGE
                ? errors
                : Stream.concat(
                                errors.stream().limit(NAMED_IN_MESSAGE - 1),
                                Stream.of("and " + (errors.size() - NAMED_IN_MESSAGE + 1) + " more (the findings have"
                                        + " them all)"))
                        .toList();
        throw new ValidationException(
                "lint found " + errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the " + database
                        + " migrations; fix each statement as its rule says, or silence a deliberate one with"
                        + " -- cairn:lint-ignore RULE on the line above it",
                named);
    }

    /** How many error-level findings {@link #requirePassed}'s message names at most; the findings hold them all. */
    private static final int NAMED_IN_MESSAGE = 10;
}
