// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.history.HistoryStore;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.plan.Work;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.sql.TableName;
import dev.cairn.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A project for the runner's tests: migration files made in memory ({@link MigrationFile}) and a test
 * database. {@link #run} does what a change command does under its lock, on a connection opened as a
 * command's session opens it (the dialect's session properties, autocommit off): reads the tracking
 * table, plans with the {@link Planner}, runs the work with a {@link Runner} whose clock stands at
 * {@link #NOW}, and rolls back what was left uncommitted as the session does when it closes. What the
 * tests look at afterwards is read on connections of their own, so it is what the database committed.
 */
final class Project implements AutoCloseable {

    static final TableName TABLE = TableName.of(null, "cairn_migrations");

    /** Where the runner's clock stands: every row it writes was applied then. */
    static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");

    final TestDatabase db;
    final Dialect dialect;

    /** What the listener heard, in order: {@code starting NAME DIRECTION}, {@code finished NAME …}. */
    final List<String> heard = new ArrayList<>();

    /** Whether the last run that succeeded left its connection in autocommit. */
    boolean autoCommitAfterRun;

    private final Map<String, Migration> files = new LinkedHashMap<>();
    private final MigrationListener listener = new MigrationListener() {
        @Override
        public void migrationStarting(Plan.Migration migration) {
            heard.add(
                    "starting " + migration.name() + " " + migration.direction().label()
                            + (migration.resumeAfter() == 0 ? "" : " after statement " + migration.resumeAfter()));
        }

        @Override
        public void migrationFinished(MigrationRun run) {
            heard.add("finished " + run.name() + " " + run.direction().label() + " batch " + run.batch());
        }
    };

    /**
     * Held open while the project lives: H2 closes a file database with its last connection and
     * opens it again with the next, which would make every look at it take a tenth of a second.
     */
    private final Connection keepOpen;

    Project(TestDatabase db) throws SQLException {
        this.db = db;
        this.dialect = Dialect.forUrl(db.url());
        this.keepOpen = db.connect();
    }

    /** Adds the file {@code migrations/<name>.sql} holding {@code text}, or replaces it: an edit. */
    Project file(String name, String text) {
        files.put(name, MigrationFile.migration(name, text));
        return this;
    }

    /** The migration of the file {@code name}. */
    Migration migration(String name) {
        return files.get(name);
    }

    /** What {@code operation} would do now, as a change command plans it. */
    Work plan(Operation operation) throws SQLException {
        try (Connection connection = session()) {
            return plan(new HistoryStore(connection, dialect, TABLE), operation);
        }
    }

    private Work plan(HistoryStore history, Operation operation) throws SQLException {
        List<HistoryRow> rows = history.exists() ? history.read() : List.of();
        List<Migration> migrations = new ArrayList<>(files.values());
        migrations.sort(Comparator.comparing(Migration::version));
        return new Planner(migrations, rows).plan(operation, dialect.splitRules(), dialect.transactionalDdl());
    }

    /**
     * Plans and runs {@code operation} as one change command does, on a session of its own: creates the
     * tracking table if it is missing, and at the end rolls back what the runner left uncommitted.
     */
    List<MigrationRun> run(Operation operation) throws SQLException {
        try (Connection connection = session()) {
            try {
                HistoryStore history = new HistoryStore(connection, dialect, TABLE);
                boolean tableExists = history.exists();
                Work work = plan(history, operation);
                List<MigrationRun> runs = new Runner(
                                connection, dialect, history, listener, Clock.fixed(NOW, ZoneOffset.UTC))
                        .run(work, !tableExists);
                autoCommitAfterRun = connection.getAutoCommit();
                return runs;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        }
    }

    /** A connection as a change command's session opens it: the dialect's properties, autocommit off. */
    private Connection session() throws SQLException {
        Properties properties = new Properties();
        if (db.user() != null) {
            properties.setProperty("user", db.user());
        }
        dialect.addSessionProperties(properties, false, Duration.ofSeconds(1));
        Connection connection = DriverManager.getConnection(db.url(), properties);
        connection.setAutoCommit(false);
        return connection;
    }

    /** The tracking table's committed rows; none if it does not exist. */
    List<HistoryRow> historyRows() throws SQLException {
        try (Connection other = db.connect()) {
            return new HistoryStore(other, dialect, TABLE).readIfExists();
        }
    }

    /**
     * The tracking table's committed rows in short: {@code 1 1_users batch 1}, with
     * {@code incomplete up after 1} for a section that stopped after its first statement.
     */
    List<String> rows() throws SQLException {
        return historyRows().stream()
                .map(row -> row.id() + " " + row.name() + " batch " + row.batch()
                        + (row.isIncomplete()
                                ? " incomplete " + row.progress().direction().label() + " after "
                                        + row.progress().statementsRun()
                                : ""))
                .toList();
    }

    /** The committed tables, in lower case. */
    Set<String> tables() {
        return db.tables();
    }

    /** The number of committed rows in {@code table}. */
    long count(String table) {
        return ((Number) db.query("SELECT count(*) AS n FROM " + table).get(0).get("n")).longValue();
    }

    @Override
    public void close() throws SQLException {
        keepOpen.close();
    }
}
