// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.sql.StatementSplitter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cutting every up and down section into statements with PostgreSQL's rules (the dialect's
 * {@link Dialect#splitRules()}), as planning a migrate and a full rollback do between them, and as
 * {@code validate} does for every section.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SplitBenchmark {

    /** Returns the number of statements, so that none of the work can be dropped as unused. */
    @Benchmark
    public int split(MigrationFiles files) {
        int statements = 0;
        for (Section section : files.sections) {
            statements += StatementSplitter.split(section.text(), section.firstLine(), Workload.POSTGRESQL.splitRules())
                    .size();
        }
        return statements;
    }
}
