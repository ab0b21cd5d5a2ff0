// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import dev.cairn.Cairn;
import dev.cairn.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * {@code Cairn.status()} through the public API on a SQLite file in which every migration is
 * applied: scan the directory, connect, read the tracking table, plan, disconnect. The floor is
 * what no tool can skip: connect and read every row of the same tracking table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// More warm-up than the in-process benchmarks: at 10,000 one call takes a few hundred ms, and the first
// iterations run few calls.
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SqliteStatusBenchmark {

    /** How many migrations the directory holds and the database has applied. */
    @Param({"1000", "10000"})
    public int migrations;

    private Path root;
    private String url;
    private Cairn cairn;

    @Setup(Level.Trial)
    public void migrateOnce() throws Exception {
        Path directory = Workload.writeMigrations(migrations);
        root = Files.createTempDirectory("cairn-jmh-sqlite-");
        Files.move(directory, root.resolve("migrations"));
        url = "jdbc:sqlite:" + root.resolve("bench.sqlite3");
        cairn = Cairn.configure()
                .url(url)
                .migrationsDirectory(root.resolve("migrations"))
                .load();
        int applied = cairn.migrate().applied().size();
        Workload.check(applied == migrations, "applied " + applied + " of " + migrations);
        Workload.check(floor() == migrations, "the tracking table has a row per migration");
    }

    @TearDown(Level.Trial)
    public void delete() {
        Workload.deleteTree(root);
    }

    @Benchmark
    public Status status() {
        return cairn.status();
    }

    /** Returns the number of rows read. */
    @Benchmark
    public int floor() throws SQLException {
        int rows = 0;
        try (Connection connection = DriverManager.getConnection(url);
                Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("SELECT * FROM cairn_migrations ORDER BY id")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
                rows++;
            }
        }
        return rows;
    }
}
