// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@link Cairn#importHistory(ImportOptions)} recorded (or, on a dry run, would record): Cairn
 * migrations as applied, with the batches and times the other tool had, none of them run.
 *
 * @param tool the tool whose history was read
 * @param table the history table read, as found in the database ({@code schema.table} or {@code table})
 * @param recorded each migration recorded, in the order the other tool applied them
 * @param leftOut each entry or migration left out with {@code allowUnmatched}, as a sentence saying why
 * @param dryRun whether nothing was written
 * @param duration how long the command took
 */
public record ImportResult(
        ImportOptions.Tool tool,
        String table,
        List<Recorded> recorded,
        List<String> leftOut,
        boolean dryRun,
        Duration duration) {

    /** Copies the lists. */
    public ImportResult {
        recorded = List.copyOf(recorded);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * One migration recorded as applied.
     *
     * @param name the Cairn migration's name
     * @param batch the batch it is recorded in
     * @param appliedAt when the other tool applied it
     * @param baseline whether the other tool only marked it as present (Flyway's baseline): it never ran
     *     there either, and {@code status} shows it as {@code baseline}
     * @param from the entries of the other tool's history it stands for (a Knex file, a Flyway script, one
     *     or more Liquibase change sets as {@code id::author::file})
     */
    public record Recorded(String name, int batch, Instant appliedAt, boolean baseline, List<String> from) {

        /** Copies the list. */
        public Recorded {
            from = List.copyOf(from);
        }
    }
}
