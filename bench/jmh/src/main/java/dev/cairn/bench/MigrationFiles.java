// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.source.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The in-process benchmarks' input, made once per trial: {@link #migrations} files on disk, the
 * migrations as scanned from them, their sections, and a tracking table (in memory) in which every
 * one of them is applied.
 */
@State(Scope.Benchmark)
public class MigrationFiles {

    /** How many migrations the directory holds. */
    @Param({"1000", "10000"})
    public int migrations;

    /** The directory of migration files. */
    Path directory;

    /** The migrations as {@link MigrationDirectory#scan} returns them, in version order. */
    List<Migration> scanned;

    /** Every up and down section of {@link #scanned}, in order. */
    List<Section> sections;

    /** A tracking table in which every migration is applied, in one batch. */
    List<HistoryRow> applied;

    @Setup(Level.Trial)
    public void write() {
        directory = Workload.writeMigrations(migrations);
        scanned = MigrationDirectory.scan(directory);
        Workload.check(scanned.size() == migrations, "scanned " + scanned.size() + " of " + migrations + " files");
        List<Section> all = new ArrayList<>(2 * migrations);
        for (Migration migration : scanned) {
            all.add(migration.up());
            all.add(migration.down());
        }
        sections = List.copyOf(all);
        applied = Workload.appliedHistory(scanned);
    }

    @TearDown(Level.Trial)
    public void delete() {
        Workload.deleteTree(directory);
    }
}
