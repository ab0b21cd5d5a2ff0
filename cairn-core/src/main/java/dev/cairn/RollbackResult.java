// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code rollback} or {@code down} undid.
 *
 * @param reverted the migrations undone, in the order they ran (newest first)
 * @param duration the time the whole command took, connection and lock included
 * @param nothingToDo when nothing was undone and there is more to say than that: why, as a
 *     sentence (such as that the version to roll back to is the newest applied one)
 */
public record RollbackResult(List<MigrationRun> reverted, Duration duration, Optional<String> nothingToDo) {

    /** Creates the result; {@code reverted} is copied. */
    public RollbackResult {
        reverted = List.copyOf(reverted);
        nothingToDo = reverted.isEmpty() ? nothingToDo : Optional.empty();
    }

    /** The result of {@code reverted}, with no particular reason when it is empty. */
    public RollbackResult(List<MigrationRun> reverted, Duration duration) {
        this(reverted, duration, Optional.empty());
    }

    /** The distinct batches that were undone, newest first. */
    public List<Integer> batches() {
        return reverted.stream().map(MigrationRun::batch).distinct().toList();
    }
}
