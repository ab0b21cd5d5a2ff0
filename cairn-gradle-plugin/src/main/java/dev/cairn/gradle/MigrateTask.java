// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Cairn;
import dev.cairn.MigrateResult;
import dev.cairn.Operation;
import org.gradle.api.provider.Property;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.options.Option;

/** {@code cairnMigrate}: applies the pending migrations (up to {@code --target}) as one batch. */
public abstract class MigrateTask extends CairnTask {

    /** Creates the task; Gradle does. */
    public MigrateTask() {}

    /** Migrate up to this version, inclusive; default every pending migration. */
    @Internal
    @Option(option = "target", description = "Migrate up to this version (inclusive).")
    public abstract Property<String> getTarget();

    @Override
    void run(Cairn cairn) {
        MigrateResult result = cairn.migrate(
                getTarget().isPresent() ? Operation.migrateTo(getTarget().get()) : Operation.migrate());
        if (result.applied().isEmpty()) {
            getLogger()
                    .lifecycle(
                            "Nothing to migrate{}",
                            result.nothingToDo().map(why -> ": " + why).orElse("."));
        } else {
            getLogger()
                    .lifecycle(
                            "Applied {} migration(s) in batch {} ({} ms)",
                            result.applied().size(),
                            result.batch().orElse(0),
                            result.duration().toMillis());
        }
    }
}
