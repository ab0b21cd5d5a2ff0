// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a change would do, worked out without changing anything: the batch it would create (for
 * {@code migrate} and {@code up}) and every section it would run, in order, with its statements.
 *
 * @param operation the change asked for
 * @param batch the batch that {@code migrate} or {@code up} would create; empty for rollbacks, or
 *     when there is nothing to do
 * @param migrations the sections that would run, in order
 */
public record Plan(Operation operation, OptionalInt batch, List<PlannedMigration> migrations) {

    /** Creates the plan; {@code migrations} is copied. */
    public Plan {
        migrations = List.copyOf(migrations);
    }

    /** Whether the change has nothing to do. */
    public boolean isEmpty() {
        return migrations.isEmpty();
    }
}
