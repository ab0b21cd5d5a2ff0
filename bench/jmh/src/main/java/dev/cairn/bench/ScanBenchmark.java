// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the migrations directory, as every command does first: list the files, read each,
 * decode it as strict UTF-8, cut it into its up and down sections, checksum it, sort by version and
 * check that no two share one. The files stay in the OS page cache, so this is Cairn's own work plus
 * one open and read per file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// More warm-up than the planner's: at 10,000 files one call takes over 100 ms, and file reading settles slowly.
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScanBenchmark {

    @Benchmark
    public List<Migration> scan(MigrationFiles files) {
        return MigrationDirectory.scan(files.directory);
    }
}
