// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Migration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The control for the planner's figures: not Cairn's code, but the least that any merge of the
 * files with the tracking table does, and plainly linear: put every file's name in a hash map, then
 * look up every row's name and compare the checksums. Its 10,000/1,000 ratio is what linear work on
 * the same objects costs on this machine, where 10,000 migrations no longer fit in the CPU caches
 * that 1,000 fit in; a Cairn benchmark whose ratio is close to it grows no faster than linear.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BaselineBenchmark {

    /** Returns how many rows match their file, so that none of the work can be dropped as unused. */
    @Benchmark
    public int join(MigrationFiles files) {
        Map<String, Migration> byName = new HashMap<>();
        for (Migration migration : files.scanned) {
            byName.put(migration.name(), migration);
        }
        int matching = 0;
        for (HistoryRow row : files.applied) {
            Migration migration = byName.get(row.name());
            if (migration != null && migration.checksum().equals(row.checksum())) {
                matching++;
            }
        }
        return matching;
    }
}
