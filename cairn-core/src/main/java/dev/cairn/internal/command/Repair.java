// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.Direction;
import dev.cairn.RepairResult;
import dev.cairn.RepairResult.Kind;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.history.HistoryStore;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.sql.SplitRules;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code repair}: makes the tracking table agree with a fix made by hand. A migration whose section
 * stopped part-way and was then finished by hand is recorded as applied (up) or undone (down); an
 * applied migration whose file was edited on purpose gets the file's new checksum. Changes nothing but
 * the tracking table, under the migration lock, in one transaction.
 */
public final class Repair {

    private final Settings settings;

    /** The repair for these settings. */
    public Repair(Settings settings) {
        this.settings = settings;
    }

    /** Repairs what needs it; returns each change made. */
    public RepairResult repair() {
        Stopwatch stopwatch = new Stopwatch();
        Map<String, Migration> files = MigrationDirectory.scan(settings.migrationsDirectory()).stream()
                .collect(Collectors.toMap(Migration::name, Function.identity()));
        List<RepairResult.Repair> repairs = new ArrayList<>();
        try (Session session = Session.forChange(settings, settings.listener())) {
            try {
                HistoryStore history = session.history();
                SplitRules rules = session.dialect().splitRules();
                if (history.exists()) {
                    history.addMissingColumns();
                }
                for (HistoryRow row : history.readIfExists()) {
                    Migration file = files.get(row.name());
                    if (row.isIncomplete() && row.progress().direction() == Direction.DOWN) {
                        history.delete(row);
                        repairs.add(repair(
                                row,
                                Kind.UNDONE,
                                " is recorded as undone (its down section had stopped after statement "
                                        + row.progress().statementsRun() + ")."));
                    } else if (row.isIncomplete()) {
                        history.complete(repaired(row, file, rules));
                        repairs.add(repair(
                                row,
                                Kind.COMPLETED,
                                " is recorded as applied (its up section had stopped after statement "
                                        + row.progress().statementsRun() + ")."));
                    } else if (file != null && !carriesChecksumOf(row, file, rules)) {
                        history.complete(repaired(row, file, rules));
                        repairs.add(repair(row, Kind.CHECKSUM, " now carries the checksum of its edited file."));
                    }
                }
                session.connection().commit();
            } catch (SQLException e) {
                throw session.failure("repairing the tracking table", e);
            }
        }
        return new RepairResult(repairs, stopwatch.elapsed());
    }

    private static boolean carriesChecksumOf(HistoryRow row, Migration file, SplitRules rules) {
        Checksum.Sections now = file.checksums(rules);
        return row.checksumAlgorithm() == Checksum.ALGORITHM
                ? row.checksum().equals(now.up()) && now.down().equals(row.downChecksum())
                : row.checksumAlgorithm() == Checksum.WHOLE_FILE
                        && row.checksum().equals(file.checksum());
    }

    private static RepairResult.Repair repair(HistoryRow row, Kind kind, String done) {
        return new RepairResult.Repair(row.name(), kind, row.name() + done);
    }

    /** {@code row} as applied, with the checksum of its file as it is now (or as it was, if it is gone). */
    private static HistoryRow repaired(HistoryRow row, Migration file, SplitRules rules) {
        Checksum.Sections now = file == null ? null : file.checksums(rules);
        return new HistoryRow(
                row.id(),
                row.version(),
                row.name(),
                row.batch(),
                file == null ? row.checksum() : now.up(),
                file == null ? row.checksumAlgorithm() : Checksum.ALGORITHM,
                file == null ? row.downChecksum() : now.down(),
                row.appliedAt(),
                row.executionMillis(),
                null);
    }
}
