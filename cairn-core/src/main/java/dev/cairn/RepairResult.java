// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;

/**
 * What {@code repair} changed in the tracking table, or, for a dry run, would change. It changes
 * nothing in the schema.
 *
 * @param repairs each change, in the order of the tracking table; empty if there was nothing to repair
 * @param dryRun whether this was a dry run: then nothing was changed, and {@code repairs} is what
 *     {@code repair} would do
 * @param database the database's product name: {@code PostgreSQL}, {@code MySQL/MariaDB}, {@code SQLite} or
 *     {@code H2}
 * @param transactionalDdl whether the database rolls back a failed batch whole (PostgreSQL, SQLite),
 *     so that a failed {@code migrate} leaves nothing to repair (except a {@code transaction:false}
 *     section)
 * @param duration how long the command took
 */
public record RepairResult(
        List<Repair> repairs, boolean dryRun, String database, boolean transactionalDdl, Duration duration) {

    /** Creates the result; {@code repairs} is copied. */
    public RepairResult {
        repairs = List.copyOf(repairs);
    }

    /**
     * One change to the tracking table.
     *
     * @param migration the migration's name
     * @param kind what was done
     * @param description a sentence that says what was done (for a dry run: what would be done)
     */
    public record Repair(String migration, Kind kind, String description) {}

    /** The kinds of change. */
    public enum Kind {
        /** A migration whose up stopped part-way, finished by hand, is now recorded as applied. */
        COMPLETED,
        /** A migration whose down stopped part-way, finished by hand, is now recorded as undone. */
        UNDONE,
        /** An applied migration whose file was edited on purpose now carries the file's checksum. */
        CHECKSUM,
        /**
         * A migration is no longer in the tracking table (its row is deleted): the database no longer
         * counts it as applied. What it made stays in the schema; if its file is there, it is pending.
         */
        FORGOTTEN
    }
}
