// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Cairn;
import dev.cairn.Status;
import java.util.Locale;

/** {@code cairnStatus}: each migration, applied (with its batch) or pending, and the counts. */
public abstract class StatusTask extends CairnTask {

    /** Creates the task; Gradle does. */
    public StatusTask() {}

    @Override
    void run(Cairn cairn) {
        Status status = cairn.status();
        getLogger().lifecycle("Status of {}", cairn.target());
        for (Status.Migration migration : status.migrations()) {
            getLogger()
                    .lifecycle(
                            "  {} {}{}",
                            String.format(Locale.ROOT, "%-8s", migration.stateLabel()),
                            migration.name(),
                            migration
                                    .batch()
                                    .map(batch -> "  (batch " + batch + ")")
                                    .orElse(""));
        }
        getLogger()
                .lifecycle(
                        "{} applied, {} pending",
                        status.applied().size(),
                        status.pending().size());
    }
}
