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

    /**
     * This result, if the files and the tracking table agree (but for notices); else a
     * {@link ValidationException} that lists every problem that is not a notice. For code that must
     * stop when they disagree, such as a Spring Boot application that validates at start-up instead of
     * migrating.
     *
     * @throws ValidationException listing the problems
     */
    public ValidateResult requireValid() {
        if (isValid()) {
            return this;
        }
        List<String> failing = problems.stream()
                .filter(problem -> !problem.isNotice())
                .map(Problem::message)
                .toList();
        throw new ValidationException(
                "The migrations and the tracking table disagree (" + failing.size()
                        + (failing.size() == 1 ? " problem" : " problems") + "); `cairn validate` lists them too.",
                failing);
    }

    /** The notices among the problems: what changed that fails nothing (a changed down section). */
    public List<Problem> notices() {
        return problems.stream().filter(Problem::isNotice).toList();
    }
}
