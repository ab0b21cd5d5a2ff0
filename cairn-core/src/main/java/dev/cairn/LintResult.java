// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.List;

/**
 * What {@link Cairn#lint} found.
 *
 * @param database the database whose rules were applied ({@code PostgreSQL}, {@code MySQL}, ...)
 * @param linted how many migrations were read for findings
 * @param findings the findings, in migration order, then by line
 * @param rules every rule that was on, with its level after {@code cairn.yml}
 */
public record LintResult(String database, int linted, List<LintFinding> findings, List<LintRule> rules) {

    /** Copies the lists. */
    public LintResult {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    /** How many findings are at error level. */
    public long errors() {
        return findings.stream().filter(LintFinding::isError).count();
    }

    /** How many findings are at warning level. */
    public long warnings() {
        return findings.size() - errors();
    }

    /** Whether no finding is at error level: what makes {@code cairn lint} exit with 0. */
    public boolean passed() {
        return errors() == 0;
    }
}
