// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Cairn#repair(RepairOptions)} changes in the tracking table: which migrations, what the
 * user did by hand, and whether to change anything at all.
 *
 * @param migrations the migrations to repair, by full name or version; empty: every one that needs it
 * @param finishedByHand the user confirms that they finished by hand the statements that Cairn did not
 *     complete of each part-run section chosen, so that it may be recorded as applied (an up) or undone
 *     (a down). Without it, {@code repair} refuses a part-run section and lists those statements.
 * @param forget take the chosen migrations out of the tracking table instead, whatever their state:
 *     for a migration whose part-run up the user undid by hand, or one whose file is gone. What a
 *     forgotten migration made stays in the database. Needs {@code migrations}.
 * @param dryRun work out and check what would be done, and change nothing (read-only, no lock)
 */
public record RepairOptions(List<String> migrations, boolean finishedByHand, boolean forget, boolean dryRun) {

    /**
     * Creates the options; {@code migrations} is copied.
     *
     * @throws ConfigurationException if {@code forget} names no migration, or comes with
     *     {@code finishedByHand}
     */
    public RepairOptions {
        migrations = List.copyOf(Objects.requireNonNull(migrations, "migrations"));
        if (forget && migrations.isEmpty()) {
            throw new ConfigurationException("Name the migrations to forget (repair --forget NAME...): forgetting"
                    + " is never done to every migration at once.");
        }
        if (forget && finishedByHand) {
            throw new ConfigurationException("A migration is either finished by hand (recorded as applied or undone)"
                    + " or forgotten (taken out of the tracking table), not both: give --finished-by-hand or"
                    + " --forget.");
        }
    }

    /** Every migration that needs repair, nothing confirmed: what {@code cairn repair} does. */
    public static RepairOptions all() {
        return new RepairOptions(List.of(), false, false, false);
    }

    /**
     * Forgetting {@code migrations} (full names or versions): what {@code cairn repair --forget NAME...} does.
     *
     * @throws ConfigurationException if no migration is named
     */
    public static RepairOptions forgetting(String... migrations) {
        return new RepairOptions(List.of(migrations), false, true, false);
    }

    /** These options, for {@code migrations} (full names or versions) only. */
    public RepairOptions only(String... migrations) {
        return new RepairOptions(List.of(migrations), finishedByHand, forget, dryRun);
    }

    /** These options, confirming that the statements Cairn did not complete were run by hand. */
    public RepairOptions confirmingFinishedByHand() {
        return new RepairOptions(migrations, true, forget, dryRun);
    }

    /** These options as a dry run: checked and reported, nothing changed. */
    public RepairOptions asDryRun() {
        return new RepairOptions(migrations, finishedByHand, forget, true);
    }
}
