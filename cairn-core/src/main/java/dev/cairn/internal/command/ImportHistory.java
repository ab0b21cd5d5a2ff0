// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.ImportOptions;
import dev.cairn.ImportResult;
import dev.cairn.internal.history.ForeignHistory;
import dev.cairn.internal.history.ForeignRow;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.plan.Adoption;
import dev.cairn.internal.source.BackgroundScan;
import dev.cairn.internal.source.Migration;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * {@code import TOOL}: read the files → connect → take the lock (not on a dry run) → read Cairn's
 * tracking table (it must have no rows) and the other tool's history → match them
 * ({@link Adoption}) → record the matched migrations as applied, in one transaction, running none
 * → commit. The other tool's table is only read.
 */
public final class ImportHistory {

    private final Settings settings;
    private final Clock clock;

    /** The import for these settings, with the times the other tool did not keep from {@code clock}. */
    public ImportHistory(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Imports the history that {@code options} name. */
    public ImportResult run(ImportOptions options) {
        Stopwatch stopwatch = new Stopwatch();
        if (!options.dryRun()) {
            // A look that only reads, first: an import that finds no history creates nothing, not even an
            // embedded database's file or the lock beside it.
            try (Session look = Session.forReading(settings)) {
                find(look, options);
            }
        }
        BackgroundScan scan = settings.startScan();
        try (Session session = scan.meanwhile(() -> options.dryRun()
                ? Session.forReading(settings)
                : Session.forChange(settings, settings.listener(), scan::migrations, null))) {
            ForeignHistory.Found table = find(session, options);
            List<ForeignRow> rows;
            try {
                rows = new ForeignHistory(session.connection(), session.dialect()).read(options.tool(), table);
            } catch (SQLException e) {
                throw session.failure("reading " + options.tool().label() + "'s history table " + table, e);
            }
            List<Migration> migrations = scan.migrations();
            boolean tableExists;
            List<HistoryRow> history;
            try {
                tableExists = session.history().exists();
                history = tableExists ? session.history().read() : List.of();
            } catch (SQLException e) {
                throw session.readFailure(e);
            }
            Adoption.Outcome outcome = new Adoption(options.tool(), table.toString(), migrations)
                    .plan(
                            rows,
                            history,
                            options.allowUnmatched(),
                            session.dialect().splitRules(),
                            clock.instant());
            if (!options.dryRun() && !outcome.rows().isEmpty()) {
                try {
                    if (tableExists) {
                        session.history().addMissingColumns();
                    } else {
                        session.history().create();
                    }
                    session.history().insertAll(outcome.rows());
                    session.connection().commit();
                } catch (SQLException e) {
                    throw session.failure("recording the imported history", e);
                }
            }
            return new ImportResult(
                    options.tool(),
                    table.toString(),
                    outcome.recorded(),
                    outcome.leftOut(),
                    options.dryRun(),
                    stopwatch.elapsed());
        }
    }

    /** The other tool's history table, as found in the catalog. */
    private ForeignHistory.Found find(Session session, ImportOptions options) {
        if (!session.exists()) {
            throw notFound(options);
        }
        try {
            return new ForeignHistory(session.connection(), session.dialect())
                    .find(
                            options.schema(),
                            options.table().orElse(options.tool().defaultTable()))
                    .orElseThrow(() -> notFound(options));
        } catch (SQLException e) {
            throw session.failure("looking for " + options.tool().label() + "'s history table in the catalog", e);
        }
    }

    private ConfigurationException notFound(ImportOptions options) {
        String table = options.table().orElse(options.tool().defaultTable());
        return new ConfigurationException("No " + options.tool().label() + " history in " + settings.target()
                + ": it has no table " + table
                + options.schema().map(s -> " in schema " + s).orElse("")
                + " (in any letter case). If " + options.tool().label() + " kept its history elsewhere, name the"
                + " table with --table" + (options.schema().isEmpty() ? " and its schema with --schema" : "")
                + ". Nothing was written.");
    }
}
