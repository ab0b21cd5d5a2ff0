// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import dev.cairn.Cairn;
import dev.cairn.LintOptions;
import dev.cairn.LintResult;
import dev.cairn.internal.lint.LintRules;
import dev.cairn.internal.lint.Linter;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.sql.Placeholders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code cairn lint --all} on PostgreSQL migrations ({@link LintWorkload}), in process: {@link #lint} is
 * the whole public call, {@code Cairn.configure().url(…).migrationsDirectory(…).load().lint(everyMigration())},
 * which reads the files and connects to nothing (the URL names the database); {@link #linter} is the
 * linter alone on migrations scanned once, splitting each up and down section into statements and
 * running every rule; {@link #scan} reads the same files, as the call does first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// As the scan's: at 10,000 files one call takes over 100 ms, and file reading settles slowly.
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LintBenchmark {

    /** A port nothing listens on: nothing may connect, and nothing does. */
    private static final String URL = "jdbc:postgresql://127.0.0.1:1/none";

    /** How many migrations the directory holds. */
    @Param({"1000", "10000"})
    public int migrations;

    private Path directory;
    private List<Migration> scanned;
    private Set<String> known;

    @Setup(Level.Trial)
    public void write() throws Exception {
        directory = LintWorkload.write(migrations, Files.createTempDirectory("cairn-jmh-lint-"));
        scanned = MigrationDirectory.scan(directory);
        known = Set.copyOf(LintRules.POSTGRESQL.ids());
        Workload.check(scanned.size() == migrations, "scanned " + scanned.size() + " of " + migrations + " files");
        int expected = LintWorkload.expectedFindings(migrations);
        LintResult api = lint();
        Workload.check(
                api.linted() == migrations && api.findings().size() == expected,
                "lint: " + api.linted() + " linted and " + api.findings().size() + " findings, expected " + migrations
                        + " and " + expected);
        int alone = linter().findings().size();
        Workload.check(alone == expected, "linter alone: " + alone + " findings, expected " + expected);
    }

    @TearDown(Level.Trial)
    public void delete() {
        Workload.deleteTree(directory);
    }

    /** The whole call: configure, read every file, lint every migration. */
    @Benchmark
    public LintResult lint() {
        return Cairn.configure().url(URL).migrationsDirectory(directory).load().lint(LintOptions.everyMigration());
    }

    /** The linter alone, on migrations already read: split every section, run every rule. */
    @Benchmark
    public Linter.Report linter() {
        return new Linter(
                        LintRules.POSTGRESQL,
                        Workload.POSTGRESQL.splitRules(),
                        Placeholders.NONE,
                        Map.of(),
                        Set.of(),
                        known)
                .lint(scanned, migration -> true);
    }

    /** Reading the same files, as {@link #lint} does first. */
    @Benchmark
    public List<Migration> scan() {
        return MigrationDirectory.scan(directory);
    }
}
