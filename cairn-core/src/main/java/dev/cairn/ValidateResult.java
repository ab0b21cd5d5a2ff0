// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.List;

/**
 * What {@code validate} found: every disagreement between the migration files and the tracking table.
 *
 * @param migrations how many migrations it checked: every file, and every applied migration whose file
 *     is gone
 * @param problems the disagreements, in the order of the files and the tracking table, notices
 *     ({@link Problem#isNotice()}) included; empty when they agree
 */
public record ValidateResult(int migrations, List<Problem> problems) {

    /** Creates the result; {@code problems} is copied. */
    public ValidateResult {
        problems = List.copyOf(problems);
    }

    /** Whether the files and the tracking table agree, but for notices. */
    public boolean isValid() {
        return problems.stream().allMatch(Problem::isNotice);
    }

    /** The notices among the problems: what changed that fails nothing (a changed down section). */
    public List<Problem> notices() {
        return problems.stream().filter(Problem::isNotice).toList();
    }
}
