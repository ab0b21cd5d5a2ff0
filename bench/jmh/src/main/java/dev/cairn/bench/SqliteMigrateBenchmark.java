// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import dev.cairn.Cairn;
import dev.cairn.MigrateResult;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.sql.StatementSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * {@code Cairn.migrate()} through the public API, from an empty SQLite file to every migration
 * applied in one batch (one transaction), on a new database file for every call. The floor runs the
 * same statements and one tracking-row insert per migration over plain JDBC in one transaction,
 * from SQL already in memory, as {@code bench/run}'s psql floor does for PostgreSQL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Fewer iterations than the others: one call at 10,000 takes seconds, so these already run it 5 times.
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SqliteMigrateBenchmark {

    /** How many migrations the directory holds. */
    @Param({"1000", "10000"})
    public int migrations;

    private Path root;
    private Path directory;
    private List<String> upStatements;
    private int runs;
    private Path database;

    @Setup(Level.Trial)
    public void write() throws Exception {
        root = Files.createTempDirectory("cairn-jmh-sqlite-");
        directory = root.resolve("migrations");
        Files.move(Workload.writeMigrations(migrations), directory);
        Dialect sqlite = Dialect.forUrl("jdbc:sqlite:");
        List<String> statements = new ArrayList<>();
        for (Migration migration : MigrationDirectory.scan(directory)) {
            StatementSplitter.split(migration.up().text(), migration.up().firstLine(), sqlite.splitRules())
                    .forEach(statement -> statements.add(statement.sql()));
        }
        upStatements = List.copyOf(statements);
        Workload.check(upStatements.size() == migrations, "one statement per up section");
    }

    /** A database file that does not exist yet, in a directory of its own (for Cairn's lock file). */
    @Setup(Level.Invocation)
    public void newDatabase() throws Exception {
        database = Files.createDirectory(root.resolve("run-" + runs++)).resolve("bench.sqlite3");
    }

    @TearDown(Level.Invocation)
    public void deleteDatabase() {
        Workload.deleteTree(database.getParent());
    }

    @TearDown(Level.Trial)
    public void delete() {
        Workload.deleteTree(root);
    }

    @Benchmark
    public MigrateResult migrate() {
        MigrateResult result = Cairn.configure()
                .url("jdbc:sqlite:" + database)
                .migrationsDirectory(directory)
                .load()
                .migrate();
        Workload.check(result.applied().size() == migrations, "every migration applied");
        return result;
    }

    /** Returns the number of migrations recorded. */
    @Benchmark
    public int floor() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE cairn_migrations (id integer primary key, version text not null,"
                        + " name text not null unique, batch integer not null, checksum text not null,"
                        + " applied_at text not null, execution_ms integer not null)");
                try (PreparedStatement record = connection.prepareStatement("INSERT INTO cairn_migrations"
                        + " (id, version, name, batch, checksum, applied_at, execution_ms)"
                        + " VALUES (?, ?, ?, 1, ?, ?, ?)")) {
                    for (int n = 1; n <= upStatements.size(); n++) {
                        ddl.execute(upStatements.get(n - 1));
                        record.setInt(1, n);
                        record.setString(2, String.format(Locale.ROOT, "%05d", n));
                        record.setString(3, Workload.name(n));
                        record.setString(4, "0".repeat(64));
                        record.setString(5, "2026-11-24T15:30:00Z");
                        record.setLong(6, 0);
                        record.executeUpdate();
                    }
                }
            }
            connection.commit();
        }
        return upStatements.size();
    }
}
