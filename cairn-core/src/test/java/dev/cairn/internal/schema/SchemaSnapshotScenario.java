// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.SchemaSnapshot;
import dev.cairn.SchemaSnapshot.Difference;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link SchemaReader} must do, run on each database by a small {@code *SnapshotIT}
 * subclass that supplies the engine, the reader and the data: a realistic schema reads as the
 * expected lines, by the conventions of {@link Snapshots}; each change that {@code verify} must catch
 * shows as exactly the objects and attributes it altered, and a column type change shows both types;
 * the same schema in another database reads the same; and an ignored table is left out with
 * everything that belongs to it. Each test reads databases of its own, which the extension drops.
 */
// One instance for all tests, so that the parameterised test can take its changes from the subclass.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaSnapshotScenario {

    /** The table that the tests ignore, as Cairn ignores its tracking table. */
    static final String IGNORED = "cairn_history";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** Returns the database the scenario runs on. */
    abstract Engine engine();

    /** Returns the reader under test. */
    abstract SchemaReader reader();

    /** Returns a realistic schema, one statement each, with every kind of object the reader records. */
    abstract List<String> schema();

    /**
     * Returns lines that the schema must read as. Not every line need be here, but every index line
     * must: an index made for a primary key, a unique constraint or a foreign key shows only as that.
     */
    abstract List<String> expectedLines();

    /** Returns text that no line of the schema may hold: what belongs to another object, or nobody's. */
    abstract List<String> leftOut();

    /**
     * Returns lines read with a name that the reader makes up, by their start: exactly one line
     * starts so, and it matches the pattern.
     */
    Map<String, String> madeUpNames() {
        return Map.of();
    }

    /** Returns statements that make objects beside the schema, which the reader must not read. */
    List<String> besideTheSchema() {
        return List.of();
    }

    /** Returns the changes that {@code verify} must catch, each with the differences it must show. */
    abstract List<Change> changes();

    /** Returns a change of a column's type, showing the difference that names both types. */
    abstract Change columnTypeChange();

    /**
     * Returns whether a difference comes with any change of a table on this database, besides the
     * ones that name what changed (SQLite rebuilds the table, so its definition changes too).
     */
    boolean comesWithEveryTableChange(Difference difference) {
        return false;
    }

    /** Returns the schema made another way, which must read the same; by default the same statements. */
    List<String> schemaMadeAnotherWay() {
        return schema();
    }

    /** Returns statements that make the table {@value #IGNORED} and objects that belong to it. */
    abstract List<String> ignoredTable();

    /** Returns text that a read that does not ignore {@value #IGNORED} shows of it. */
    abstract List<String> ignoredTableShows();

    /** Returns text besides {@value #IGNORED} that a read ignoring it must not show. */
    List<String> ignoredTableTraces() {
        return List.of();
    }

    @Test
    void readsEveryKindOfObjectAsTheExpectedLines() throws SQLException {
        TestDatabase db = database(schema());
        besideTheSchema().forEach(db::execute);

        List<String> lines = lines(read(db));

        assertThat(lines).containsAll(expectedLines());
        assertThat(lines)
                .filteredOn(SchemaSnapshotScenario::isIndex)
                .as("every index, none made for a constraint")
                .containsExactlyInAnyOrderElementsOf(expectedLines().stream()
                        .filter(SchemaSnapshotScenario::isIndex)
                        .toList());
        assertThat(String.join("\n", lines)).doesNotContain(leftOut().toArray(String[]::new));
        madeUpNames()
                .forEach((start, pattern) -> assertThat(lines)
                        .filteredOn(line -> line.startsWith(start))
                        .singleElement()
                        .asString()
                        .matches(pattern));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void namesExactlyWhatAChangeAltered(Change change) throws SQLException {
        TestDatabase db = database(schema());
        SchemaSnapshot before = read(db);

        change.make().accept(db);

        assertThat(read(db).since(before)).map(change.view()).containsExactlyElementsOf(change.differences());
    }

    @Test
    void aColumnTypeChangeShowsBothTypes() throws SQLException {
        TestDatabase db = database(schema());
        SchemaSnapshot before = read(db);
        Change change = columnTypeChange();

        change.make().accept(db);

        assertThat(read(db).since(before))
                .filteredOn(difference -> !comesWithEveryTableChange(difference))
                .map(change.view())
                .containsExactlyElementsOf(change.differences());
    }

    @Test
    void theSameSchemaInAnotherDatabaseReadsTheSame() throws SQLException {
        TestDatabase first = database(schema());
        TestDatabase second = database(schemaMadeAnotherWay());

        SchemaSnapshot snapshot = read(first);

        assertThat(read(second).text()).isEqualTo(snapshot.text());
        assertThat(read(second)).isEqualTo(snapshot);
        // Nothing of the database itself, whose name differs from its scratch copy's.
        assertThat(snapshot.text()).doesNotContain(first.name()).doesNotContain(TestDatabase.NAME_PREFIX);
    }

    @Test
    void leavesOutIgnoredTablesAndWhatTheyOwn() throws SQLException {
        TestDatabase db = database(schema());
        SchemaSnapshot without = read(db);
        ignoredTable().forEach(db::execute);

        SchemaSnapshot ignoring = read(db, Set.of(IGNORED));

        assertThat(read(db).text()).contains(ignoredTableShows());
        List<String> traces = new ArrayList<>(List.of(IGNORED));
        traces.addAll(ignoredTableTraces());
        assertThat(ignoring.text()).doesNotContain(traces.toArray(String[]::new));
        assertThat(ignoring.text()).isEqualTo(without.text());
        assertThat(ignoring).isEqualTo(without);
        assertThat(ignoring).isEqualTo(read(database(schema())));
    }

    /**
     * A change that {@code verify} must catch, named for the test report, and the differences it must
     * show, in path order: by object and attribute ({@link #naming}) or in full ({@link #showing}).
     */
    record Change(
            String description,
            Consumer<TestDatabase> make,
            Function<Difference, Object> view,
            List<Object> differences) {

        /** A change whose differences are named as {@code tuple(object, attribute)}; null for a whole object. */
        static Change naming(String description, List<String> statements, Tuple... differences) {
            return new Change(
                    description,
                    db -> statements.forEach(db::execute),
                    difference -> tuple(difference.object(), difference.attribute()),
                    List.of((Object[]) differences));
        }

        /** A change whose differences are shown in full, as {@link Difference#toString()} has them. */
        static Change showing(String description, List<String> statements, String... differences) {
            return showing(description, db -> statements.forEach(db::execute), differences);
        }

        /** A change made by {@code make} and shown in full, as {@link Difference#toString()} has them. */
        static Change showing(String description, Consumer<TestDatabase> make, String... differences) {
            return new Change(description, make, Difference::toString, List.of((Object[]) differences));
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Makes a database of {@link #engine()} that holds what {@code statements} make. */
    final TestDatabase database(List<String> statements) {
        TestDatabase db = databases.create(engine());
        statements.forEach(db::execute);
        return db;
    }

    final SchemaSnapshot read(TestDatabase db) throws SQLException {
        return read(db, Set.of());
    }

    final SchemaSnapshot read(TestDatabase db, Set<String> ignoredTables) throws SQLException {
        try (Connection connection = db.connect()) {
            return reader().read(connection, ignoredTables);
        }
    }

    static List<String> lines(SchemaSnapshot snapshot) {
        return snapshot.text().lines().toList();
    }

    private static boolean isIndex(String line) {
        return line.contains(" / index ");
    }
}
