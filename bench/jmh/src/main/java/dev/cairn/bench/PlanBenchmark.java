// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.Status;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.plan.Work;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The planner merging the scanned files with the tracking table, as {@code Commands} calls it, with
 * the history given in memory (no database). Each benchmark builds a new {@link Planner}, as every
 * command does, so the merge itself is part of the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlanBenchmark {

    private static final Dialect DIALECT = Workload.POSTGRESQL;

    /** Checks once per trial that each benchmark does the work it is named after. */
    @Setup(Level.Trial)
    public void check(MigrationFiles files) {
        int n = files.migrations;
        Status status = status(files);
        Workload.check(status.applied().size() == n && status.problems().isEmpty(), "status: all applied");
        Workload.check(migrate(files).migrations().size() == n, "migrate: all pending");
        Workload.check(migrateNothingPending(files).isEmpty(), "migrate with all applied: nothing to do");
        Workload.check(rollbackAll(files).migrations().size() == n, "rollback --all: undoes all");
    }

    /** {@code status} with every migration applied: one entry per row, and a check of its checksum. */
    @Benchmark
    public Status status(MigrationFiles files) {
        return new Planner(files.scanned, files.applied).status(DIALECT.splitRules());
    }

    /**
     * {@code migrate} on an empty database: every migration pending, each section split into
     * statements, and the plan handed to the listener as {@code Commands} does ({@link Work#toPlan()}).
     */
    @Benchmark
    public Plan migrate(MigrationFiles files) {
        return plan(files, List.of(), Operation.migrate());
    }

    /**
     * {@code migrate} on an up-to-date database, as in every deploy that brings no new migration:
     * every applied row checked against its file (edited, gone), nothing to run.
     */
    @Benchmark
    public Work migrateNothingPending(MigrationFiles files) {
        return new Planner(files.scanned, files.applied)
                .plan(Operation.migrate(), DIALECT.splitRules(), DIALECT.transactionalDdl());
    }

    /** {@code rollback --all} with every migration applied: each down section split, newest first. */
    @Benchmark
    public Plan rollbackAll(MigrationFiles files) {
        return plan(files, files.applied, Operation.rollbackAll());
    }

    private static Plan plan(MigrationFiles files, List<HistoryRow> history, Operation operation) {
        return new Planner(files.scanned, history)
                .plan(operation, DIALECT.splitRules(), DIALECT.transactionalDdl())
                .toPlan();
    }
}
