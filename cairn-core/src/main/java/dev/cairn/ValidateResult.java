// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.List;
import java.util.Optional;

/**
 * What {@code validate} found: every disagreement between the migration files and the tracking table.
 *
 * @param migrations how many migrations it checked: every file, and every applied migration whose file
 *     is gone
 * @param problems the disagreements, in the order of the files and the tracking table, notices
 *     ({@link Problem#isNotice()}) included; empty when they agree
 * @param lockHolder who held the migration lock while {@code validate} read, as the lock names it: a
 *     runner changing the database at that moment, so that what was read may be out of date already;
 *     empty if the lock was free, or the database cannot tell (H2). See {@link Status#lockHolder()}
 */
public record ValidateResult(int migrations, List<Problem> problems, Optional<String> lockHolder) {

    /** Creates the result; {@code problems} is copied. */
    public ValidateResult {
        problems = List.copyOf(problems);
    }

    /** Creates the result of a validation that found the migration lock free. */
    public ValidateResult(int migrations, List<Problem> problems) {
        this(migrations, problems, Optional.empty());
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
