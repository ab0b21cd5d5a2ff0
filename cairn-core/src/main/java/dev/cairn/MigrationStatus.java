// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One migration as {@code status} sees it, merged from its file and its row in the tracking table.
 *
 * @param name the migration's name
 * @param version the migration's version
 * @param description the comment lines above {@code -- migrate:up}, joined by newlines; empty if none
 * @param state applied, pending, or applied with its file gone
 * @param batch the batch it was applied in, if applied
 * @param appliedAt when it was applied, if applied
 * @param executionTime how long it took to apply, if applied
 * @param reversible whether its file has a {@code -- migrate:down} section (false if the file is gone)
 * @param file its file, unless the file is gone
 * @param incomplete how far a section got that stopped part-way outside a transaction, if one did
 */
public record MigrationStatus(
        String name,
        String version,
        String description,
        State state,
        Optional<Integer> batch,
        Optional<Instant> appliedAt,
        Optional<Duration> executionTime,
        boolean reversible,
        Optional<Path> file,
        Optional<Incomplete> incomplete) {

    /** Where a migration stands. */
    public enum State {
        /** Recorded in the tracking table, and its file is present. */
        APPLIED,
        /** Its file is present and it is not applied. */
        PENDING,
        /** Recorded in the tracking table, but its file is gone. */
        MISSING,
        /**
         * A section stopped part-way outside a transaction (on MySQL, MariaDB or H2, or in a
         * {@code transaction:false} section): some of its statements ran and stay. The next
         * {@code migrate} (for up) or rollback (for down) resumes after them; {@code repair} records
         * it as done after it was finished by hand.
         */
        INCOMPLETE
    }

    /**
     * How far a section got before it stopped.
     *
     * @param section up (the migration is partly applied) or down (partly undone)
     * @param statementsRun how many of the section's statements ran and stay
     */
    public record Incomplete(Direction section, int statementsRun) {}
}
