// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
            if (engine == Engine.H2) {
                // Made here, with its user, rather than by the first connection of the code under test.
                assertThat(H2Backend.directory(db).resolve(db.name() + ".mv.db"))
                        .isRegularFile();
            }
            assertThat(db.tables()).isEmpty();

            // Unquoted mixed case: PostgreSQL stores widgets, H2 WIDGETS, MariaDB Widgets (and on Linux
            // then needs it spelled so in every statement); every engine answers as the SQL was written.
            db.execute("CREATE TABLE Widgets (id INTEGER PRIMARY KEY, Label VARCHAR(20) NOT NULL)");
            db.execute("INSERT INTO Widgets (id, label) VALUES (1, 'one'), (2, 'two')");

            assertThat(db.tables()).containsExactly("widgets");
            assertThat(db.tableExists("WIDGETS")).isTrue();
            assertThat(db.tableExists("gadgets")).isFalse();
            assertThat(db.columns("widgets")).containsExactly("id", "label");
            assertThat(db.columns("Widgets")).containsExactly("id", "label");
            assertThat(db.columns("WIDGETS")).containsExactly("id", "label");
            assertThat(db.columns("gadgets")).isEmpty();

            List<Map<String, Object>> rows = db.query("SELECT Label AS THE_LABEL, id FROM Widgets WHERE id = ?", 2);
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
                })
                .hasMessage("the test failed");
        assertThat(exists(db)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void databasesAreIndependentAndUniquelyNamed(Engine engine) {
        try (TestDatabase a = TestDatabase.create(engine);
                TestDatabase b = TestDatabase.create(engine)) {
            assertThat(a.name()).isNotEqualTo(b.name());
            assertThat(a.url()).isNotEqualTo(b.url());
            a.execute("CREATE TABLE only_in_a (x INTEGER)");
            assertThat(a.tables()).containsExactly("only_in_a");
            assertThat(b.tables()).isEmpty();

            // On MariaDB both are databases of one server: each must look in its own only.
            a.execute("CREATE TABLE in_both (x INTEGER)");
            b.execute("CREATE TABLE in_both (y INTEGER, z INTEGER)");
            assertThat(a.tables()).containsExactlyInAnyOrder("only_in_a", "in_both");
            assertThat(b.tables()).containsExactly("in_both");
            assertThat(a.columns("in_both")).containsExactly("x");
            assertThat(b.columns("in_both")).containsExactly("y", "z");
            assertThat(b.columns("only_in_a")).isEmpty();
            assertThat(b.tableExists("only_in_a")).isFalse();
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
                case MARIADB -> db.execute("CREATE TABLE counted (id INTEGER AUTO_INCREMENT PRIMARY KEY)");
                case H2 -> {
                    // H2 lists its own INFORMATION_SCHEMA as base tables, and stores ELSEWHERE.COUNTED.
                    db.execute("CREATE SCHEMA elsewhere");
                    db.execute("CREATE TABLE elsewhere.counted"
                            + " (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, note VARCHAR(10))");
                }
                default -> throw new AssertionError("No setup for " + engine);
            }
            assertThat(db.tables()).containsExactlyInAnyOrder("ab_c", "abxc", "counted");
            // An underscore in a name is not a wildcard: ab_c must not pick up abxc's column.
            assertThat(db.columns("ab_c")).containsExactly("x", "y");
            assertThat(db.columns("not_a_table")).as("a view's columns").containsExactly("x");
            if (engine == Engine.POSTGRESQL || engine == Engine.H2) {
                assertThat(db.columns("elsewhere.counted")).containsExactly("id", "note");
                assertThat(db.columns("counted")).containsExactly("id", "note");
                assertThat(db.columns("public.counted")).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB", "H2"})
    void columnsPicksTheTableTheNameMeansAmongSomeThatDifferOnlyInCase(Engine engine) {
        String quote = engine == Engine.MARIADB ? "`" : "\"";
        try (TestDatabase db = TestDatabase.create(engine)) {
            if (engine == Engine.MARIADB) {
                // 1 and 2 (Windows' and macOS's defaults) compare table names in lower case.
                assumeTrue(
                        db.query("SELECT @@lower_case_table_names AS n")
                                .get(0)
                                .get("n")
                                .toString()
                                .equals("0"),
                        "names that differ only in case are one table on a server with lower_case_table_names > 0");
            }
            db.execute("CREATE TABLE " + quote + "Mixed" + quote + " (title_case INTEGER)");
            db.execute("CREATE TABLE " + quote + "mixed" + quote + " (lower_case INTEGER)");
            db.execute("CREATE TABLE " + quote + "MIXED" + quote + " (upper_case INTEGER)");

            assertThat(db.tables()).containsExactly("mixed");
            assertThat(db.columns("Mixed")).containsExactly("title_case");
            assertThat(db.columns("mixed")).containsExactly("lower_case");
            assertThat(db.columns("MIXED")).containsExactly("upper_case");
            switch (engine) {
                case POSTGRESQL ->
                    assertThat(db.columns("mIxEd")).as("unquoted: mixed").containsExactly("lower_case");
                case H2 -> assertThat(db.columns("mIxEd")).as("unquoted: MIXED").containsExactly("upper_case");
                case MARIADB ->
                    assertThatThrownBy(() -> db.columns("mIxEd"))
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("columns(\"mIxEd\") on " + db + " matches [MIXED, Mixed, mixed]");
                default -> throw new AssertionError("No expectation for " + engine);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "H2"})
    void aBareNameMeansTheTableInTheCurrentSchema(Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine)) {
            for (String schema : List.of("elsewhere", "other")) {
                db.execute("CREATE SCHEMA " + schema);
                db.execute("CREATE TABLE " + schema + ".twice (in_" + schema + " INTEGER)");
            }
            assertThatThrownBy(() -> db.columns("twice"))
                    .isInstanceOf(IllegalStateException.class)
                    .extracting(Throwable::getMessage)
                    .asString()
                    .endsWithIgnoringCase("matches [elsewhere.twice, other.twice]: spell the name as the database"
                            + " stores it, or name the schema as schema.table");

            db.execute("CREATE TABLE twice (in_current INTEGER)");
            // H2 has an INFORMATION_SCHEMA.USERS too, which is not the user's.
            db.execute("CREATE TABLE elsewhere.users (id INTEGER)");

            assertThat(db.columns("twice")).containsExactly("in_current");
            assertThat(db.columns("users")).containsExactly("id");
            assertThat(db.columns("elsewhere.twice")).containsExactly("in_elsewhere");
            assertThat(db.columns("OTHER.Twice")).containsExactly("in_other");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void closeDropsEvenWithATransactionLeftOpenAndIsIdempotent(Engine engine) throws Exception {
        TestDatabase db = TestDatabase.create(engine);
        try (Connection leftOpen = db.connect();
                Statement statement = leftOpen.createStatement()) {
            statement.execute("CREATE TABLE t (x INTEGER)");
            // A transaction that has read t: MariaDB's DROP DATABASE would wait for it to end.
            leftOpen.setAutoCommit(false);
            statement.executeQuery("SELECT count(*) FROM t").close();
            db.close();
            assertThat(exists(db)).isFalse();
            db.close();
            switch (engine) {
                // SQLite just loses its file: the session goes on, on the deleted file.
                case SQLITE -> assertThat(leftOpen.isClosed()).isFalse();
                // Not by using it: H2 would log the error to its trace file, making the directory anew.
                case H2 ->
                    assertThat(leftOpen.isClosed())
                            .as("the session left open, after SHUTDOWN")
                            .isTrue();
                default ->
                    assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM t"))
                            .as("the session left open, after the server ended it")
                            .isInstanceOf(SQLException.class);
            }
        } catch (SQLException expected) {
            // Closing a session that the drop ended may report that; the drop is what counts.
        }
        assertThat(exists(db)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void connectAndHelpersSeeTheSameDatabase(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            try (Connection c = db.connect();
                    Statement statement = c.createStatement()) {
                statement.execute("CREATE TABLE seen (x INTEGER)");
                statement.execute("INSERT INTO seen VALUES (42)");
            }
            assertThat(db.query("SELECT x FROM seen"))
                    .extracting(r -> ((Number) r.get("x")).intValue())
                    .containsExactly(42);
            assertThatThrownBy(() -> db.execute("CREATE TABLE seen (x INTEGER)"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(db.name())
                    .hasMessageContaining("CREATE TABLE seen");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storesCharactersBeyondThreeBytesOfUtf8(Engine engine) throws Exception {
        String text = "cairn \uD83E\uDEA8"; // U+1FAA8 ROCK: four bytes in UTF-8, too many for MySQL's old utf8
        try (TestDatabase db = TestDatabase.create(engine)) {
            db.execute("CREATE TABLE notes (body VARCHAR(20))");
            try (Connection c = db.connect();
                    PreparedStatement insert = c.prepareStatement("INSERT INTO notes VALUES (?)")) {
                insert.setString(1, text);
                insert.executeUpdate();
            }
            assertThat(db.query("SELECT body FROM notes")).containsExactly(Map.of("body", text));
        }
    }

    @Test
    void anH2DatabaseIsOpenedByAnotherProcessOnceTheTestsConnectionsAreClosed(@TempDir Path tmp) throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.H2)) {
            db.execute("CREATE TABLE shared (x INTEGER)");
            db.execute("INSERT INTO shared VALUES (1)");
            // H2's own command-line shell, as the CLI tests run the cairn jar: a child JVM, not this one.
            Path h2Jar = Path.of(org.h2.Driver.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            h2Jar.toString(),
                            "org.h2.tools.Shell",
                            "-url",
                            db.url(),
                            "-user",
                            db.user(),
                            "-sql",
                            "INSERT INTO shared SELECT x + 1 FROM shared")
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("shell.log").toFile())
                    .start();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }

            assertThat(child.exitValue())
                    .as(Files.readString(tmp.resolve("shell.log")))
                    .isZero();
            assertThat(db.query("SELECT x FROM shared ORDER BY x"))
                    .extracting(row -> ((Number) row.get("x")).intValue())
                    .containsExactly(1, 2);
        }
    }

    @Test
    void mariaDbTestDatabasesAreUtf8mb4WhateverTheServerDefault() {
        // A server whose default is latin1, as many MySQL installs still are: CREATE DATABASE without a
        // character set would take the session's character_set_server.
        String latin1Server =
                DiscoveryIT.liveServerUrl(Engine.MARIADB) + "&sessionVariables=character_set_server=latin1";
        MariaDbBackend backend = new MariaDbBackend(Engine.MARIADB, MariaDbBackend.spec(latin1Server), Map.of());
        try (TestDatabase db = backend.create()) {
            assertThat(db.query("SELECT @@character_set_server AS server, @@character_set_database AS db"))
                    .containsExactly(Map.of("server", "latin1", "db", "utf8mb4"));
        }
        assertThat(backend.open()).isEmpty();
    }

    @Test
    void aMariaDbDropThatCannotHaveItsLockFailsInsteadOfWaitingADay() throws Exception {
        TestDatabase db = TestDatabase.create(Engine.MARIADB);
        db.execute("CREATE TABLE t (x INTEGER)");
        // A transaction that has read t from another database: its session is not in db, so the drop
        // does not end it, and MariaDB's DROP DATABASE waits for it.
        try (TestDatabase other = TestDatabase.create(Engine.MARIADB);
                Connection holder = other.connect();
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT count(*) FROM " + db.name() + ".t").close();
            long start = System.nanoTime();

            assertThatThrownBy(db::close)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("could not drop test database " + db)
                    .hasMessageContaining("Lock wait timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            holder.rollback();
        }
        db.close();
        assertThat(exists(db)).isFalse();
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
            case H2 -> {
                return Files.exists(H2Backend.directory(db));
            }
            case MARIADB -> {
                ServerAddress admin =
                        ((ServerBackend) Engine.MARIADB.backend()).server().admin();
                try (Connection c = admin.connect(new Properties());
                        PreparedStatement statement = c.prepareStatement(
                                "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
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
