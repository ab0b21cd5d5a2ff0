// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Cairn;
import dev.cairn.Problem;
import dev.cairn.ValidateResult;

/** {@code cairnValidate}: fails the build when the history and the files disagree. */
public abstract class ValidateTask extends CairnTask {

    /** Creates the task; Gradle does. */
    public ValidateTask() {}

    @Override
    void run(Cairn cairn) {
        ValidateResult result = cairn.validate();
        for (Problem problem : result.problems()) {
            getLogger().lifecycle("  {}: {}", problem.migration(), problem.message());
        }
        result.requireValid();
        getLogger().lifecycle("{} migration(s) checked: the history matches the files.", result.migrations());
    }
}
