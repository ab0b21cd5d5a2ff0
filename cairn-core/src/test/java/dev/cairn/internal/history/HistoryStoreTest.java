// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Direction;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.sql.TableName;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link HistoryStore} on the two embedded databases, SQLite and H2, looked at from a connection of
 * the test's own: the tracking table it creates has the columns the other commands read; rows read
 * back as they were written, in the order of their ids, with their applied-at instant and the
 * progress of a section that stopped part-way; completing, recording progress and deleting change
 * exactly the row they name; a row that another runner removed is refused with a message naming the
 * table and the migration; and a table in another schema (an attached SQLite database, an H2 schema)
 * is kept there.
 */
class HistoryStoreTest {

    private static final TableName TABLE = TableName.of(null, "cairn_migrations");

    /** The columns that status, validate and repair read, in order. */
    private static final List<String> COLUMNS = List.of(
            "id",
            "version",
            "name",
            "batch",
            "checksum",
            "checksum_algorithm",
            "applied_at",
            "execution_ms",
            "incomplete",
            "statements_run",
            "statements_checksum",
            "down_checksum",
            "origin");

    /** The tracking table as versions before checksum algorithm 2 made it, without down_checksum. */
    static final String VERSION_1_TABLE = "CREATE TABLE cairn_migrations (id integer NOT NULL PRIMARY KEY,"
            + " version varchar(255) NOT NULL, name varchar(255) NOT NULL UNIQUE, batch integer NOT NULL,"
            + " checksum varchar(64) NOT NULL, checksum_algorithm integer NOT NULL, applied_at %s NOT NULL,"
            + " execution_ms bigint NOT NULL, incomplete varchar(4), statements_run integer,"
            + " statements_checksum varchar(64))";

    private static final Instant FIRST = Instant.parse("2024-05-01T12:34:56.789Z");
    private static final Instant SECOND = Instant.parse("2024-05-02T08:00:00.001Z");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    private final List<Connection> connections = new ArrayList<>();

    private TestDatabase db;
    private Connection connection;
    private Dialect dialect;

    @AfterEach
    void closeConnections() throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
    }

    private HistoryStore open(Engine engine) throws SQLException {
        db = databases.create(engine);
        connection = db.connect();
        connections.add(connection);
        dialect = Dialect.forUrl(db.url());
        return new HistoryStore(connection, dialect, TABLE);
    }

    private static HistoryRow row(int id, String name, int batch, Instant appliedAt, HistoryRow.Progress progress) {
        return new HistoryRow(
                id,
                Integer.toString(id),
                id + "_" + name,
                batch,
                "sum" + id,
                2,
                "down" + id,
                appliedAt,
                10L * id,
                progress);
    }

    private static HistoryRow row(int id, String name) {
        return row(id, name, 1, FIRST, null);
    }

    @OnEmbeddedDatabases
    void createsTheTrackingTableWithTheColumnsTheCommandsRead(Engine engine) throws SQLException {
        HistoryStore history = open(engine);
        assertThat(history.exists()).isFalse();

        history.create();

        assertThat(history.exists()).isTrue();
        assertThat(db.columns("cairn_migrations")).containsExactlyElementsOf(COLUMNS);
        assertThat(history.read()).isEmpty();
        assertThat(history.table()).isEqualTo(TABLE);
    }

    @OnEmbeddedDatabases
    void readIfExistsOnAMissingTableIsEmptyAndCreatesNothing(Engine engine) throws SQLException {
        HistoryStore history = open(engine);

        assertThat(history.readIfExists()).isEmpty();

        assertThat(db.tables()).isEmpty();
        assertThatThrownBy(history::read).isInstanceOf(SQLException.class);
    }

    @OnEmbeddedDatabases
    void rowsReadBackAsWrittenInTheOrderOfTheirIds(Engine engine) throws SQLException {
        HistoryStore history = open(engine);
        history.create();
        HistoryRow third = row(3, "stopped", 2, SECOND, new HistoryRow.Progress(Direction.UP, 2, "ab12"));
        HistoryRow first = row(1, "users");
        HistoryRow second = row(2, "orders", 2, SECOND, null);

        history.insert(third);
        history.insertAll(List.of(first, second));

        assertThat(history.read()).containsExactly(first, second, third);
        assertThat(history.readIfExists()).containsExactly(first, second, third);
        assertThat(history.read().get(2).isIncomplete()).isTrue();
        assertThat(db.query("SELECT name, incomplete, statements_run, statements_checksum FROM cairn_migrations"
                        + " WHERE id = 3"))
                .containsExactly(Map.of(
                        "name", "3_stopped", "incomplete", "up", "statements_run", 2, "statements_checksum", "ab12"));
        assertThat(db.query("SELECT incomplete, statements_run, statements_checksum FROM cairn_migrations"
                        + " WHERE id = 1"))
                .singleElement()
                .satisfies(columns -> assertThat(columns.values()).hasSize(3).containsOnlyNulls());
    }

    /** SQLite keeps text, so applied_at is written readable and sortable; H2 keeps a timestamp. */
    @OnEmbeddedDatabases
    void appliedAtKeepsTheInstantToTheDatabasesPrecision(Engine engine) throws SQLException {
        HistoryStore history = open(engine);
        history.create();
        Instant precise = Instant.parse("2024-05-01T23:59:59.789123456Z");

        history.insert(row(1, "users", 1, precise, null));

        Instant expected = precise.truncatedTo(engine == Engine.SQLITE ? ChronoUnit.MILLIS : ChronoUnit.MICROS);
        assertThat(history.read().get(0).appliedAt()).isEqualTo(expected);
        if (engine == Engine.SQLITE) {
            assertThat(db.query("SELECT applied_at FROM cairn_migrations"))
                    .containsExactly(Map.of("applied_at", "2024-05-01T23:59:59.789Z"));
        }
    }

    @OnEmbeddedDatabases
    void progressIsRecordedForEachSectionAndNullClearsIt(Engine engine) throws SQLException {
        HistoryStore history = open(engine);
        history.create();
        HistoryRow row = row(1, "users");
        history.insert(row);
        history.insert(row(2, "orders"));

        history.progress(row, new HistoryRow.Progress(Direction.UP, 2, "c2"));
        assertThat(history.read().get(0).progress()).isEqualTo(new HistoryRow.Progress(Direction.UP, 2, "c2"));

        history.progress(row, new HistoryRow.Progress(Direction.DOWN, 1, "d1"));
        assertThat(history.read().get(0).progress()).isEqualTo(new HistoryRow.Progress(Direction.DOWN, 1, "d1"));
        assertThat(db.query("SELECT incomplete FROM cairn_migrations WHERE id = 1"))
                .containsExactly(Map.of("incomplete", "down"));

        history.progress(row, null);
        assertThat(history.read()).containsExactly(row, row(2, "orders"));
        assertThat(db.query("SELECT incomplete, statements_run, statements_checksum FROM cairn_migrations"
                        + " WHERE id = 1"))
                .singleElement()
                .satisfies(columns -> assertThat(columns.values()).hasSize(3).containsOnlyNulls());
    }

    @OnEmbeddedDatabases
    void completeRecordsTheFinishedRunAndClearsTheProgress(Engine engine) throws SQLException {
        HistoryStore history = open(engine);
        history.create();
        history.insert(row(1, "users"));
        HistoryRow stopped = row(2, "orders", 1, FIRST, new HistoryRow.Progress(Direction.UP, 1, "c1"));
        history.insert(stopped);

        HistoryRow finished = new HistoryRow(2, "2", "2_orders", 3, "newsum", 2, "newdown", SECOND, 42, null);
        history.complete(finished);

        assertThat(history.read()).containsExactly(row(1, "users"), finished);
    }

    @OnEmbeddedDatabases
    void aBaselineRowKeepsItsOriginAndATableWithoutTheColumnGetsItAlone(Engine engine) throws SQLException {
        HistoryStore history = open(engine);
        history.create();
        HistoryRow baseline =
                new HistoryRow(1, "1", "1_users", 1, "up", 2, "down", FIRST, 0, null, HistoryRow.BASELINE);
        history.insert(baseline);
        assertThat(history.read()).containsExactly(baseline);
        assertThat(history.read().get(0).isBaseline()).isTrue();

        // As the version before baselines made it: every column but origin, whose rows ran under Cairn.
        execute("ALTER TABLE cairn_migrations DROP COLUMN origin");
        HistoryStore again = new HistoryStore(connection, dialect, TABLE);
        assertThat(again.read()).extracting(HistoryRow::isBaseline).containsExactly(false);
        assertThat(again.addMissingColumns()).isTrue();
        assertThat(db.columns("cairn_migrations")).containsExactlyElementsOf(COLUMNS);
    }

    @OnEmbeddedDatabases
    void aTableOfAnEarlierVersionIsReadAsItIsAndGetsItsMissingColumnOnce(Engine engine) throws SQLException {
        HistoryStore history = open(engine);
        execute(VERSION_1_TABLE.formatted(engine == Engine.SQLITE ? "text" : "timestamp with time zone"));
        execute("INSERT INTO cairn_migrations (id, version, name, batch, checksum, checksum_algorithm, applied_at,"
                + " execution_ms) VALUES (1, '1', '1_users', 1, 'wholefile', 1, "
                + (engine == Engine.SQLITE
                        ? "'2024-05-01T12:34:56.789Z'"
                        : "TIMESTAMP WITH TIME ZONE" + " '2024-05-01 12:34:56.789+00'")
                + ", 10)");
        HistoryRow old = new HistoryRow(1, "1", "1_users", 1, "wholefile", 1, null, FIRST, 10, null);

        assertThat(history.read()).containsExactly(old);
        assertThat(db.columns("cairn_migrations")).doesNotContain("down_checksum", "origin");

        assertThat(history.addMissingColumns()).isTrue();
        assertThat(history.addMissingColumns()).isFalse();
        assertThat(db.columns("cairn_migrations")).containsExactlyElementsOf(COLUMNS);
        assertThat(history.read()).containsExactly(old);

        HistoryRow upgraded = old.withChecksums(2, "up1", "down1");
        history.recordChecksums(List.of(upgraded));
        history.insert(row(2, "orders"));
        assertThat(history.read()).containsExactly(upgraded, row(2, "orders"));
    }

    @OnEmbeddedDatabases
    void deleteAndDeleteAllForgetExactlyTheirRows(Engine engine) throws SQLException {
        HistoryStore history = open(engine);
        history.create();
        history.insertAll(List.of(row(1, "a"), row(2, "b"), row(3, "c"), row(4, "d")));

        history.delete(row(4, "d"));
        history.deleteAll(List.of(row(3, "c"), row(1, "a")));

        assertThat(history.read()).containsExactly(row(2, "b"));
    }

    @OnEmbeddedDatabases
    void refusesToChangeARowThatAnotherRunnerRemoved(Engine engine) throws SQLException {
        HistoryStore history = open(engine);
        history.create();
        history.insert(row(1, "kept"));
        HistoryRow gone = row(7, "gone");
        String message = "The tracking table cairn_migrations has no row 7 for 7_gone; another runner changed it"
                + " without the lock";

        assertThatThrownBy(() -> history.complete(gone))
                .isInstanceOf(SQLException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> history.progress(gone, new HistoryRow.Progress(Direction.UP, 1, "c1")))
                .isInstanceOf(SQLException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> history.delete(gone))
                .isInstanceOf(SQLException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> history.deleteAll(List.of(row(1, "kept"), gone)))
                .isInstanceOf(SQLException.class)
                .hasMessage(message);
    }

    /** Why {@link HistoryStore#release()} exists: SQLite refuses VACUUM while a statement is open. */
    @Test
    void releaseLetsSqliteVacuumAndTheStoreWritesOnAfterwards() throws SQLException {
        HistoryStore history = open(Engine.SQLITE);
        history.create();
        history.insert(row(1, "a"));
        history.delete(row(1, "a"));
        assertThatThrownBy(() -> execute("VACUUM")).hasMessageContaining("cannot VACUUM");

        history.release();
        execute("VACUUM");

        history.insert(row(2, "b"));
        history.insertAll(List.of(row(3, "c")));
        history.deleteAll(List.of(row(3, "c")));
        assertThat(history.read()).containsExactly(row(2, "b"));
    }

    @Test
    void aTableInAnAttachedSqliteDatabaseIsKeptThere() throws SQLException {
        open(Engine.SQLITE);
        Path audit = dir.resolve("audit.sqlite3");
        execute("ATTACH DATABASE '" + audit + "' AS audit");
        HistoryStore inAudit = new HistoryStore(connection, dialect, TableName.of("audit", "cairn_migrations"));
        HistoryStore inMain = new HistoryStore(connection, dialect, TABLE);

        inAudit.create();
        inAudit.insert(row(1, "users"));

        assertThat(inAudit.exists()).isTrue();
        assertThat(inMain.exists()).isFalse();
        assertThat(inMain.readIfExists()).isEmpty();
        assertThat(inAudit.read()).containsExactly(row(1, "users"));
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void aTableInAnH2SchemaIsKeptThereAndItsSchemaIsCreated() throws SQLException {
        open(Engine.H2);
        HistoryStore inAudit = new HistoryStore(connection, dialect, TableName.of("audit", "cairn_migrations"));
        HistoryStore inPublic = new HistoryStore(connection, dialect, TABLE);

        inAudit.create();
        inAudit.insert(row(1, "users"));

        assertThat(inAudit.exists()).isTrue();
        assertThat(inPublic.exists()).isFalse();
        assertThat(inAudit.read()).containsExactly(row(1, "users"));
        assertThat(db.columns("audit.cairn_migrations")).containsExactlyElementsOf(COLUMNS);
        assertThat(db.query("SELECT TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'CAIRN_MIGRATIONS'"))
                .containsExactly(Map.of("table_schema", "AUDIT"));
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A test run once on in-process SQLite and once on in-process H2. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE", "H2"})
    @interface OnEmbeddedDatabases {}
}
