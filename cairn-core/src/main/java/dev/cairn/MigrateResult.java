// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * What {@code migrate} or {@code up} applied.
 *
 * @param batch the new batch, or empty if nothing was pending
 * @param applied the migrations applied, in the order they ran
 * @param duration the time the whole command took, connection and lock included
 */
public record MigrateResult(OptionalInt batch, List<MigrationRun> applied, Duration duration) {

    /** Creates the result; {@code applied} is copied. */
    public MigrateResult {
        applied = List.copyOf(applied);
    }
}
