// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.List;

/**
 * What {@code validate} found: every disagreement between the migration files and the tracking table.
 *
 * @param migrations how many migrations it checked: every file, and every applied migration whose file
 *     is gone
 * @param problems the disagreements, in the order of the files and the tracking table; empty when they
 *     agree
 */
public record ValidateResult(int migrations, List<Problem> problems) {

    /** Creates the result; {@code problems} is copied. */
    public ValidateResult {
        problems = List.copyOf(problems);
    }

    /** Whether the files and the tracking table agree. */
    public boolean isValid() {
        return problems.isEmpty();
    }
}
