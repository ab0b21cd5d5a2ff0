// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TestDatabase on every engine: made empty, usable through its helpers, and really gone after close. */
class TestDatabaseIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void makesAnEmptyDatabaseAndDropsItOnClose(Engine engine) {
        TestDatabase dropped;
        try (TestDatabase db = TestDatabase.create(engine)) {
            dropped = db;
            assertThat(db.engine()).isEqualTo(engine);
            assertThat(db.name()).matches("cairn_t_[a-z0-9]{12}");
            assertThat(exists(db)).isTrue();
            assertThat(db.tables()).isEmpty();

            db.execute("CREATE TABLE Widgets (id INTEGER PRIMARY KEY, Label VARCHAR(20) NOT NULL)");
            db.execute("INSERT INTO widgets (id, label) VALUES (1, 'one'), (2, 'two')");

            assertThat(db.tables()).containsExactly("widgets");
            assertThat(db.tableExists("WIDGETS")).isTrue();
            assertThat(db.tableExists("gadgets")).isFalse();
            assertThat(db.columns("widgets")).containsExactly("id", "label");
            assertThat(db.columns("Widgets")).containsExactly("id", "label");
            assertThat(db.columns("gadgets")).isEmpty();

            List<Map<String, Object>> rows = db.query("SELECT Label AS THE_LABEL, id FROM widgets WHERE id = ?", 2);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsOnlyKeys("the_label", "id").containsEntry("the_label", "two");
            assertThat(((Number) rows.get(0).get("id")).intValue()).isEqualTo(2);
        }
        assertThat(exists(dropped)).as("%s after close()", dropped).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dropsTheDatabaseWhenTheTestFails(Engine engine) {
        // Made outside the lambda, so that a skip (engine unavailable) stays a skip.
        TestDatabase db = TestDatabase.create(engine);
        assertThatThrownBy(() -> {
            try (db) {
                db.execute("CREATE TABLE t (x INTEGER)");
                throw new AssertionError("the test failed");
            }
        }).hasMessage("the test failed");
        assertThat(exists(db)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void databasesAreIndependentAndUniquelyNamed(Engine engine) {
        try (TestDatabase a = TestDatabase.create(engine); TestDatabase b = TestDatabase.create(engine)) {
            assertThat(a.name()).isNotEqualTo(b.name());
            assertThat(a.url()).isNotEqualTo(b.url());
            a.execute("CREATE TABLE only_in_a (x INTEGER)");
            assertThat(a.tables()).containsExactly("only_in_a");
            assertThat(b.tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tablesListsUserTablesOnly(Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine)) {
            db.execute("CREATE TABLE ab_c (x INTEGER, y INTEGER)");
            db.execute("CREATE TABLE abxc (z INTEGER)");
            db.execute("CREATE VIEW not_a_table AS SELECT x FROM ab_c");
            switch (engine) {
                case SQLITE ->
                    // AUTOINCREMENT makes SQLite create its own sqlite_sequence table.
                    db.execute("CREATE TABLE counted (id INTEGER PRIMARY KEY AUTOINCREMENT)");
                case POSTGRESQL -> {
                    db.execute("CREATE SCHEMA elsewhere");
                    db.execute("CREATE TABLE elsewhere.counted (id SERIAL PRIMARY KEY, note TEXT)");
                }
                default -> throw new AssertionError("No setup for " + engine);
            }
            assertThat(db.tables()).containsExactlyInAnyOrder("ab_c", "abxc", "counted");
            // An underscore in a name is not a wildcard: ab_c must not pick up abxc's column.
            assertThat(db.columns("ab_c")).containsExactly("x", "y");
            if (engine == Engine.POSTGRESQL) {
                assertThat(db.columns("elsewhere.counted")).containsExactly("id", "note");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void closeDropsEvenWithASessionLeftOpenAndIsIdempotent(Engine engine) throws Exception {
        TestDatabase db = TestDatabase.create(engine);
        try (Connection leftOpen = db.connect(); Statement statement = leftOpen.createStatement()) {
            statement.execute("CREATE TABLE t (x INTEGER)");
            db.close();
            assertThat(exists(db)).isFalse();
            db.close();
        } catch (SQLException expected) {
            // PostgreSQL's FORCE ends the session, so closing it may report that; the drop is what counts.
        }
        assertThat(exists(db)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void connectAndHelpersSeeTheSameDatabase(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            try (Connection c = db.connect(); Statement statement = c.createStatement()) {
                statement.execute("CREATE TABLE seen (x INTEGER)");
                statement.execute("INSERT INTO seen VALUES (42)");
            }
            assertThat(db.query("SELECT x FROM seen")).extracting(r -> ((Number) r.get("x")).intValue())
                    .containsExactly(42);
            assertThatThrownBy(() -> db.execute("CREATE TABLE seen (x INTEGER)"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(db.name())
                    .hasMessageContaining("CREATE TABLE seen");
        }
    }

    @Test
    void namesAreRandomAndCarryThePrefix() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String name = Backend.newName();
            assertThat(name).startsWith(TestDatabase.NAME_PREFIX).hasSize(TestDatabase.NAME_PREFIX.length() + 12);
            names.add(name);
        }
        assertThat(names).hasSize(10_000);
    }

    private static TestDatabase witness;

    /** Returns a database to look at the server's catalog from, made once for the whole class. */
    private static synchronized TestDatabase witness() {
        if (witness == null) {
            witness = TestDatabase.create(Engine.POSTGRESQL);
        }
        return witness;
    }

    @AfterAll
    static synchronized void dropWitness() {
        if (witness != null) {
            witness.close();
            witness = null;
        }
    }

    /** Whether the database is still there, asked of the engine itself rather than of TestDatabase. */
    static boolean exists(TestDatabase db) {
        switch (db.engine()) {
            case SQLITE -> {
                Path file = SqliteBackend.file(db);
                return Files.exists(file) || Files.exists(file.getParent());
            }
            case POSTGRESQL -> {
                // Ask from another database on the same server: a dropped one cannot be connected to.
                try (Connection c = witness().connect();
                        PreparedStatement statement =
                                c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
                    statement.setString(1, db.name());
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getInt(1) > 0;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            default -> throw new IllegalArgumentException("no existence check for " + db.engine());
        }
    }
}
