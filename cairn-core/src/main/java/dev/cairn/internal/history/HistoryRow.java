// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.history;

import java.time.Instant;

/**
 * One row of the tracking table: a migration that is applied.
 *
 * @param id the order of application, 1 for the first migration ever applied
 * @param version the migration's version as written in its name
 * @param name the migration's name
 * @param batch the batch it was applied in
 * @param checksum the hex checksum of its file when it was applied
 * @param checksumAlgorithm the version of the checksum rule that produced {@code checksum}
 * @param appliedAt when it was applied
 * @param executionMillis how long its up section took
 */
public record HistoryRow(
        int id,
        String version,
        String name,
        int batch,
        String checksum,
        int checksumAlgorithm,
        Instant appliedAt,
        long executionMillis) {}
