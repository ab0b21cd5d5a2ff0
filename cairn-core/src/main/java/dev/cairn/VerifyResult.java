// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;

/**
 * What {@code verify} proved, migration by migration, on its scratch database.
 *
 * @param migrations each migration in order, with what was done with it
 * @param scratch where the scratch database was (it is gone now), without any password
 * @param duration how long the whole check took
 */
public record VerifyResult(List<Checked> migrations, String scratch, Duration duration) {

    /** Creates the result; the list is copied. */
    public VerifyResult {
        migrations = List.copyOf(migrations);
    }

    /**
     * One migration.
     *
     * @param name the migration's name
     * @param outcome what was done with it
     */
    public record Checked(String name, Outcome outcome) {}

    /** What was done with a migration. */
    public enum Outcome {
        /** Up, down and up again ran, and the down restored the schema exactly. */
        REVERSIBLE,
        /** It has no down section: its up ran, nothing could be checked. */
        IRREVERSIBLE,
        /** Only applied, to build the schema that later migrations start from (before the range checked). */
        APPLIED
    }
}
