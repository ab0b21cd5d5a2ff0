// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
     * @throws ValidationException naming each error-level finding by file, line and rule
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
        throw new ValidationException(
                "lint found " + errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the " + database
                        + " migrations; fix each statement as its rule says, or silence a deliberate one with"
                        + " -- cairn:lint-ignore RULE on the line above it",
                errors);
    }
}
