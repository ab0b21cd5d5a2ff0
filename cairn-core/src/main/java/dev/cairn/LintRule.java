// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/**
 * One check of {@link Cairn#lint}: a kind of statement that is risky on a live database, why, and the
 * safer way to write it.
 *
 * @param id the rule's name, as {@code cairn.yml}'s {@code lint.rules} and {@code -- cairn:lint-ignore}
 *     write it ({@code index-not-concurrent})
 * @param level how serious a finding is unless {@code cairn.yml} says otherwise
 * @param title what the rule catches, in a few words
 * @param why what goes wrong on a live database
 * @param fix the safer way
 */
public record LintRule(String id, Level level, String title, String why, String fix) {

    /** How serious a finding is. */
    public enum Level {
        /** The statement is likely to hurt production: {@code cairn lint} exits with 1. */
        ERROR,
        /** Worth a second look; the exit code stays 0. */
        WARNING;

        /** The level as {@code cairn.yml} and the output write it: {@code error}, {@code warning}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
