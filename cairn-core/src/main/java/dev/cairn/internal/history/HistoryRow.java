// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.history;

import dev.cairn.Direction;
import java.time.Instant;

/**
 * One row of the tracking table: a migration that is applied, or that stopped part-way.
 *
 * @param id the order of application, 1 for the first migration ever applied
 * @param version the migration's version as written in its name
 * @param name the migration's name
 * @param batch the batch it was applied in
 * @param checksum the hex checksum of its up section when it was applied (of the whole file for
 *     algorithm 1)
 * @param checksumAlgorithm the version of the checksum rule that produced {@code checksum}
 * @param downChecksum the hex checksum of its down section when it was applied; null for algorithm 1,
 *     which has one checksum for the whole file
 * @param appliedAt when it was applied
 * @param executionMillis how long its up section took
 * @param progress how far a section got that stopped part-way; null for a migration that is applied
 * @param origin null for a migration Cairn ran; {@link #BASELINE} for one {@code cairn baseline}
 *     recorded as applied without running it
 */
public record HistoryRow(
        int id,
        String version,
        String name,
        int batch,
        String checksum,
        int checksumAlgorithm,
        String downChecksum,
        Instant appliedAt,
        long executionMillis,
        Progress progress,
        String origin) {

    /** The origin of a row that {@code cairn baseline} wrote: the schema was there, the migration never ran here. */
    public static final String BASELINE = "baseline";

    /** A row of a migration that Cairn ran. */
    public HistoryRow(
            int id,
            String version,
            String name,
            int batch,
            String checksum,
            int checksumAlgorithm,
            String downChecksum,
            Instant appliedAt,
            long executionMillis,
            Progress progress) {
        this(
                id,
                version,
                name,
                batch,
                checksum,
                checksumAlgorithm,
                downChecksum,
                appliedAt,
                executionMillis,
                progress,
                null);
    }

    /** Whether {@code cairn baseline} recorded this migration, which never ran on this database. */
    public boolean isBaseline() {
        return BASELINE.equals(origin);
    }

    /** Whether a section of this migration stopped part-way. */
    public boolean isIncomplete() {
        return progress != null;
    }

    /** This row with {@code progress} instead. */
    public HistoryRow withProgress(Progress progress) {
        return new HistoryRow(
                id,
                version,
                name,
                batch,
                checksum,
                checksumAlgorithm,
                downChecksum,
                appliedAt,
                executionMillis,
                progress,
                origin);
    }

    /** This row with other checksums, by algorithm {@code algorithm}. */
    public HistoryRow withChecksums(int algorithm, String checksum, String downChecksum) {
        return new HistoryRow(
                id,
                version,
                name,
                batch,
                checksum,
                algorithm,
                downChecksum,
                appliedAt,
                executionMillis,
                progress,
                origin);
    }

    /**
     * How far a section got that ran outside a transaction and stopped: its first
     * {@code statementsRun} statements ran and stay.
     *
     * @param direction the section: up (the migration is partly applied) or down (partly undone)
     * @param statementsRun how many of its statements ran
     * @param statementsChecksum the checksum of those statements' text, to tell whether they changed since
     */
    public record Progress(Direction direction, int statementsRun, String statementsChecksum) {}
}
