// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;

/**
 * One risky statement that {@link Cairn#lint} found.
 *
 * @param migration the migration's name
 * @param file its file (for a migration in a jar: the jar, {@code !/}, the entry)
 * @param line the 1-based line of the file where the risky part of the statement starts
 * @param rule the rule that fired, with its why and its fix
 * @param level the level it fired at: the rule's own, or the one {@code cairn.yml} gives it
 * @param message what this statement does, naming its table or column
 */
public record LintFinding(String migration, Path file, int line, LintRule rule, LintRule.Level level, String message) {

    /** Whether the finding is at error level. */
    public boolean isError() {
        return level == LintRule.Level.ERROR;
    }
}
