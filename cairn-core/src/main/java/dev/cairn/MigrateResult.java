// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code migrate} or {@code up} applied.
 *
 * @param batch the new batch, or empty if nothing was pending
 * @param applied the migrations applied, in the order they ran
 * @param duration the time the whole command took, connection and lock included
 * @param nothingToDo when nothing was applied and there is more to say than that: why, as a
 *     sentence (such as that the target version is already applied and newer migrations are pending)
 */
public record MigrateResult(
        OptionalInt batch, List<MigrationRun> applied, Duration duration, Optional<String> nothingToDo) {

    /** Creates the result; {@code applied} is copied. */
    public MigrateResult {
        applied = List.copyOf(applied);
        nothingToDo = applied.isEmpty() ? nothingToDo : Optional.empty();
    }

    /** The result of {@code applied}, with no particular reason when it is empty. */
    public MigrateResult(OptionalInt batch, List<MigrationRun> applied, Duration duration) {
        this(batch, applied, duration, Optional.empty());
    }
}
