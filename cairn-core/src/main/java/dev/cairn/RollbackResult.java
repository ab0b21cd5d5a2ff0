// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;

/**
 * What {@code rollback} or {@code down} undid.
 *
 * @param reverted the migrations undone, in the order they ran (newest first)
 * @param duration the time the whole command took, connection and lock included
 */
public record RollbackResult(List<MigrationRun> reverted, Duration duration) {

    /** Creates the result; {@code reverted} is copied. */
    public RollbackResult {
        reverted = List.copyOf(reverted);
    }

    /** The distinct batches that were undone, newest first. */
    public List<Integer> batches() {
        return reverted.stream().map(MigrationRun::batch).distinct().toList();
    }
}
