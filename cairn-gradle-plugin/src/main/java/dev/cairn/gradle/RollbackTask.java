// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Cairn;
import dev.cairn.RollbackResult;
import org.gradle.api.GradleException;
import org.gradle.api.provider.Property;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.options.Option;

/**
 * {@code cairnRollback}: rolls back the last batch, or back to a version ({@code --to}, which stays
 * applied), a batch ({@code --to-batch}, which stays applied) or everything ({@code --all}).
 */
public abstract class RollbackTask extends CairnTask {

    /** Creates the task; Gradle does. */
    public RollbackTask() {}

    /** Roll back every migration newer than this version. */
    @Internal
    @Option(option = "to", description = "Roll back every migration newer than this version.")
    public abstract Property<String> getTo();

    /** Roll back every batch newer than this one. */
    @Internal
    @Option(option = "to-batch", description = "Roll back every batch newer than this one.")
    public abstract Property<String> getToBatch();

    /** Roll back everything. */
    @Internal
    @Option(option = "all", description = "Roll back every applied migration.")
    public abstract Property<Boolean> getAll();

    @Override
    void run(Cairn cairn) {
        boolean all = getAll().getOrElse(false);
        int forms = (getTo().isPresent() ? 1 : 0) + (getToBatch().isPresent() ? 1 : 0) + (all ? 1 : 0);
        if (forms > 1) {
            throw new GradleException("cairnRollback takes one of --to, --to-batch and --all, not " + forms + ".");
        }
        RollbackResult result;
        if (getTo().isPresent()) {
            result = cairn.rollbackTo(getTo().get());
        } else if (getToBatch().isPresent()) {
            result = cairn.rollbackToBatch(batch(getToBatch().get()));
        } else if (all) {
            result = cairn.rollbackAll();
        } else {
            result = cairn.rollback();
        }
        if (result.reverted().isEmpty()) {
            getLogger()
                    .lifecycle(
                            "Nothing to roll back{}",
                            result.nothingToDo().map(why -> ": " + why).orElse("."));
        } else {
            getLogger()
                    .lifecycle(
                            "Rolled back {} migration(s) ({} ms)",
                            result.reverted().size(),
                            result.duration().toMillis());
        }
    }

    private static int batch(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new GradleException("--to-batch takes a batch number, such as 3, not '" + value + "'.");
        }
    }
}
