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

    /**
     * Opens a connection to the database that the script is written from; by default as any other.
     * H2 overrides it to work in a schema of its own, so that a script that names its schema fails.
     */
    Connection openOriginal(TestDatabase db) throws SQLException {
        return db.connect();
    }

    /**
     * Returns text that no statement of a script may hold: what the server writes that would not make
     * the same schema elsewhere (a definer, a counter's current value). The original database's name is
     * always such text.
     */
    List<String> neverInScript() {
        return List.of();
    }

    // The ignored table is left out with what it owns: the rebuilt database, read without ignoring
    // it, reads as the original read ignoring it.
    @Test
    void rebuildsEveryKindOfObjectButTheIgnoredTableAndDropsThem() throws SQLException {
        List<String> statements = new ArrayList<>(snapshots().schema());
        statements.addAll(snapshots().ignoredTable());
        roundTrip(statements);
    }

    @Test
    void rebuildsObjectsInAnOrderThatRunsAndDropsThem() throws SQLException {
        roundTrip(orderedSchema());
    }

    /**
     * Makes {@code statements} on a database and writes its script without
     * {@value SchemaSnapshotScenario#IGNORED}; runs up on a new database and checks that it reads as the
     * first (ignoring that table), then runs down and checks that it reads as it did when new.
     */
    final void roundTrip(List<String> statements) throws SQLException {
        Set<String> ignored = Set.of(SchemaSnapshotScenario.IGNORED);
        Script script;
        SchemaSnapshot expected;
        TestDatabase original = databases.create(snapshots().engine());
        try (Connection connection = openOriginal(original)) {
            run(connection, statements);
            script = dialect().schemaScript().write(connection, ignored);
            expected = snapshots().reader().read(connection, ignored);
        }
        List<String> never = new ArrayList<>(neverInScript());
        never.add(original.name());
        assertThat(String.join(";\n", script.up())).doesNotContain(never);
        List<String> up = throughAFile(script.up());
        List<String> down = throughAFile(script.down());
        try (Connection connection = databases.create(snapshots().engine()).connect()) {
            SchemaSnapshot empty = read(connection);

            run(connection, up);

            SchemaSnapshot built = read(connection);
            assertThat(built.text()).isEqualTo(expected.text());
            assertThat(built.since(expected)).isEmpty();

            run(connection, down);

            assertThat(read(connection).text()).isEqualTo(empty.text());
        }
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

    /** Runs {@code statements} in order, saying which one failed. */
    private static void run(Connection connection, List<String> statements) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + " in: " + sql, e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
    }

    private SchemaSnapshot read(Connection connection) throws SQLException {
        return snapshots().reader().read(connection, Set.of());
    }
}
