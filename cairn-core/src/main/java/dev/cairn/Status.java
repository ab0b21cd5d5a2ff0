// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.List;
import java.util.Optional;

/**
 * Where the database stands against the migration files.
 *
 * @param currentVersion the version of the newest applied migration, if any is applied
 * @param currentBatch the newest batch number, 0 if nothing is applied
 * @param migrations every migration, applied ones first in the order they were applied, then the
 *     pending ones in the order they would be applied
 * @param problems disagreements between the files and the tracking table
 */
public record Status(
        Optional<String> currentVersion, int currentBatch, List<MigrationStatus> migrations, List<Problem> problems) {

    /** Creates the status; the lists are copied. */
    public Status {
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
    }

    /** The applied migrations (including those whose file is gone), in the order they were applied. */
    public List<MigrationStatus> applied() {
        return migrations.stream()
                .filter(m -> m.state() == MigrationStatus.State.APPLIED || m.state() == MigrationStatus.State.MISSING)
                .toList();
    }

    /** The migrations whose section stopped part-way; see {@link MigrationStatus.State#INCOMPLETE}. */
    public List<MigrationStatus> incomplete() {
        return migrations.stream()
                .filter(m -> m.state() == MigrationStatus.State.INCOMPLETE)
                .toList();
    }

    /** The pending migrations, in the order they would be applied. */
    public List<MigrationStatus> pending() {
        return migrations.stream()
                .filter(m -> m.state() == MigrationStatus.State.PENDING)
                .toList();
    }
}
