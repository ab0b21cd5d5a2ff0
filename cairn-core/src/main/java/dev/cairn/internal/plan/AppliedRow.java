// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.sql.SplitRules;
import java.time.Instant;

/** The tracking row of a migration recorded as applied: by a run, or by a baseline. */
public final class AppliedRow {

    private AppliedRow() {}

    /**
     * The row of {@code migration} applied at {@code appliedAt}, having taken {@code executionMillis}:
     * its checksums by the current algorithm, with its statements cut by {@code rules}, and
     * {@code origin} (null for a run).
     */
    public static HistoryRow of(
            int id,
            Migration migration,
            int batch,
            SplitRules rules,
            Instant appliedAt,
            long executionMillis,
            String origin) {
        Checksum.Sections checksums = migration.checksums(rules);
        return new HistoryRow(
                id,
                migration.version().text(),
                migration.name(),
                batch,
                checksums.up(),
                Checksum.ALGORITHM,
                checksums.down(),
                appliedAt,
                executionMillis,
                null,
                origin);
    }
}
