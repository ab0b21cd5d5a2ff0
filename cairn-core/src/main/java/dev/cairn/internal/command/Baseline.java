// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.BaselineResult;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.source.BackgroundScan;
import dev.cairn.internal.source.Migration;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * {@code baseline V}: read the files → connect → take the lock → read the tracking table (it must
 * have no rows) → record every migration up to V as applied, in one batch, origin {@code baseline},
 * without running any → commit. For a database whose schema was made before Cairn, by hand or by
 * another tool.
 */
public final class Baseline {

    private final Settings settings;
    private final Clock clock;

    /** The baseline for these settings, with the tracking table's times from {@code clock}. */
    public Baseline(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Records the migrations up to {@code target} (a version or a full name) as applied. */
    public BaselineResult record(String target) {
        Stopwatch stopwatch = new Stopwatch();
        BackgroundScan scan = settings.startScan();
        try (Session session =
                scan.meanwhile(() -> Session.forChange(settings, settings.listener(), scan::migrations, null))) {
            List<Migration> migrations = scan.migrations();
            boolean tableExists;
            List<HistoryRow> history;
            try {
                tableExists = session.history().exists();
                history = tableExists ? session.history().read() : List.of();
            } catch (SQLException e) {
                throw session.readFailure(e);
            }
            List<HistoryRow> rows = new Planner(migrations, history, settings.placeholders())
                    .baseline(target, session.dialect().splitRules(), clock.instant());
            try {
                if (tableExists) {
                    session.history().addMissingColumns();
                } else {
                    session.history().create();
                }
                session.history().insertAll(rows);
                session.connection().commit();
            } catch (SQLException e) {
                throw session.failure("recording the baseline", e);
            }
            return new BaselineResult(
                    rows.get(rows.size() - 1).version(),
                    1,
                    rows.stream().map(HistoryRow::name).toList(),
                    stopwatch.elapsed());
        }
    }
}
