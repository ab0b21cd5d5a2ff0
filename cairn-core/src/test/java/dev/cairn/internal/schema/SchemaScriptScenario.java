// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.SchemaSnapshot;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.schema.SchemaScript.Script;
import dev.cairn.internal.sql.Statement;
import dev.cairn.internal.sql.StatementSplitter;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every {@link SchemaScript} must do, run on each database by a small {@code *SchemaScriptIT}
 * subclass: the script written from a database, put in a file ({@code ;} and a line break after each
 * statement) and cut again by the dialect's splitter, builds on an empty database a schema that
 * {@link SchemaReader} reads exactly as the first, and its down leaves that database as empty as a
 * new one. The schemas are {@link SchemaSnapshotScenario}'s (every kind of object each reader
 * records) and a few that make the order matter.
 */
abstract class SchemaScriptScenario {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** Returns the snapshot scenario whose engine, reader, schema and ignored table these tests take. */
    abstract SchemaSnapshotScenario snapshots();

    /** Returns the dialect whose script and splitter are under test. */
    abstract Dialect dialect();

    /**
     * Returns a schema whose order of creation matters: a foreign key cycle between two tables, a
     * table whose foreign key references itself, a view on a view, a trigger.
     */
    abstract List<String> orderedSchema();

    @Test
    void rebuildsEveryKindOfObjectAndDropsIt() throws SQLException {
        roundTrip(snapshots().schema());
    }

    @Test
    void rebuildsObjectsInAnOrderThatRuns() throws SQLException {
        roundTrip(orderedSchema());
    }

    @Test
    void leavesOutAnIgnoredTableAndWhatItOwns() throws SQLException {
        List<String> statements = new ArrayList<>(snapshots().schema());
        statements.addAll(snapshots().ignoredTable());

        TestDatabase rebuilt = roundTrip(statements);

        assertThat(rebuilt.tables()).doesNotContain(SchemaSnapshotScenario.IGNORED);
    }

    /**
     * Makes {@code statements} on a database, writes its script without {@value SchemaSnapshotScenario#IGNORED},
     * runs up on a new database and checks that it reads the same, then runs down and checks that it
     * reads as an empty one; returns that second database.
     */
    final TestDatabase roundTrip(List<String> statements) throws SQLException {
        Set<String> ignored = Set.of(SchemaSnapshotScenario.IGNORED);
        TestDatabase original = databases.create(snapshots().engine());
        statements.forEach(original::execute);
        Script script;
        try (Connection connection = original.connect()) {
            script = dialect().schemaScript().write(connection, ignored);
        }
        List<String> up = throughAFile(script.up());
        List<String> down = throughAFile(script.down());
        TestDatabase rebuilt = databases.create(snapshots().engine());
        SchemaSnapshot empty = read(rebuilt);

        up.forEach(rebuilt::execute);

        SchemaSnapshot expected = read(original, ignored);
        assertThat(read(rebuilt).text()).isEqualTo(expected.text());
        assertThat(read(rebuilt).since(expected)).isEmpty();

        down.forEach(rebuilt::execute);

        assertThat(read(rebuilt).text()).isEqualTo(empty.text());
        return rebuilt;
    }

    /** The statements written into a file and cut again by the dialect's splitter, which must give them back. */
    private List<String> throughAFile(List<String> statements) {
        String file = statements.stream().map(sql -> sql + ";\n").reduce("", String::concat);
        List<String> split = StatementSplitter.split(file, 1, dialect().splitRules()).stream()
                .map(Statement::sql)
                .toList();
        assertThat(split).containsExactlyElementsOf(statements);
        return split;
    }

    private SchemaSnapshot read(TestDatabase db) throws SQLException {
        return read(db, Set.of());
    }

    private SchemaSnapshot read(TestDatabase db, Set<String> ignored) throws SQLException {
        try (Connection connection = db.connect()) {
            return snapshots().reader().read(connection, ignored);
        }
    }
}
