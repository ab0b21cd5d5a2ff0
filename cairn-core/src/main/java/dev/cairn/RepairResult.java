// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;

/**
 * What {@code repair} changed in the tracking table. It changes nothing in the schema.
 *
 * @param repairs each change, in the order of the tracking table; empty if there was nothing to repair
 * @param duration how long the command took
 */
public record RepairResult(List<Repair> repairs, Duration duration) {

    /** Creates the result; {@code repairs} is copied. */
    public RepairResult {
        repairs = List.copyOf(repairs);
    }

    /**
     * One change to the tracking table.
     *
     * @param migration the migration's name
     * @param kind what was done
     * @param description a sentence that says what was done
     */
    public record Repair(String migration, Kind kind, String description) {}

    /** The kinds of change. */
    public enum Kind {
        /** A migration whose up stopped part-way, finished by hand, is now recorded as applied. */
        COMPLETED,
        /** A migration whose down stopped part-way, finished by hand, is now recorded as undone. */
        UNDONE,
        /** An applied migration whose file was edited on purpose now carries the file's checksum. */
        CHECKSUM
    }
}
