// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Cairn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes that use the extension, for the module's tests to run through JUnit's engines; some
 * fail on purpose. They are nested classes, which Surefire and Failsafe never pick up themselves, in a
 * class whose name neither matches.
 */
final class Fixtures {
    private Fixtures() {}

    /** What a fixture's test saw in its database. */
    record Seen(
            String fixture, MigratedDatabase database, int accountsBefore, int plans, int trackingRows, int pending) {}

    /** Filled by the fixtures' tests, read by the module's tests after a run. */
    static final List<Seen> SEEN = Collections.synchronizedList(new ArrayList<>());

    static int count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Looks at the database through each injected type, then writes a row, which the other class's copy
     * must not see.
     */
    abstract static class UsesTheDatabase {
        @Test
        void seesTheMigratedDatabase(DataSource dataSource, MigratedDatabase database, Cairn cairn)
                throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                int accounts = count(connection, "accounts");
                SEEN.add(new Seen(
                        getClass().getSimpleName(),
                        database,
                        accounts,
                        count(connection, "plans"),
                        count(connection, "cairn_migrations"),
                        cairn.status().pending().size()));
                statement.executeUpdate("INSERT INTO accounts (id, email) VALUES (1, 'a@example.com')");
            }
        }
    }

    @CairnDatabase
    static class SqliteFirst extends UsesTheDatabase {}

    @CairnDatabase(engine = Engine.SQLITE)
    static class SqliteSecond extends UsesTheDatabase {}

    @CairnDatabase(engine = Engine.H2)
    static class H2First extends UsesTheDatabase {}

    @CairnDatabase(engine = Engine.H2)
    static class H2Second extends UsesTheDatabase {}

    @CairnDatabase(engine = Engine.H2_FILE)
    static class H2FileFirst extends UsesTheDatabase {}

    @CairnDatabase(engine = Engine.H2_FILE)
    static class H2FileSecond extends UsesTheDatabase {}

    /** The server (or embedded server) comes from the system property the test sets, or from nothing. */
    @CairnDatabase(engine = Engine.POSTGRESQL)
    static class PostgresFirst extends UsesTheDatabase {}

    @CairnDatabase(engine = Engine.POSTGRESQL)
    static class PostgresSecond extends UsesTheDatabase {}

    @CairnDatabase(engine = Engine.MARIADB)
    static class MariaDbFirst extends UsesTheDatabase {}

    @CairnDatabase(engine = Engine.MARIADB)
    static class MariaDbSecond extends UsesTheDatabase {}

    /** A class whose second test fails: its database must be dropped all the same. */
    abstract static class FailsOnce extends UsesTheDatabase {
        @Test
        void failsOnPurpose() {
            throw new AssertionError("fails on purpose");
        }
    }

    @CairnDatabase
    static class SqliteFailsOnce extends FailsOnce {}

    @CairnDatabase(engine = Engine.H2)
    static class H2FailsOnce extends FailsOnce {}

    @CairnDatabase(engine = Engine.H2_FILE)
    static class H2FileFailsOnce extends FailsOnce {}

    @CairnDatabase(engine = Engine.POSTGRESQL)
    static class PostgresFailsOnce extends FailsOnce {}

    @CairnDatabase(engine = Engine.MARIADB)
    static class MariaDbFailsOnce extends FailsOnce {}

    @CairnDatabase(locations = "classpath:db/nothing")
    static class NoMigrations {
        @Test
        void neverRuns() {}
    }

    @CairnDatabase(locations = "classpath:db/failing")
    static class FailingMigration {
        @Test
        void neverRuns() {}
    }

    @CairnDatabase(engine = Engine.POSTGRESQL, url = "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres")
    static class PostgresDown {
        @Test
        void neverRuns() {}
    }

    @CairnDatabase(engine = Engine.MARIADB, url = "jdbc:mariadb://127.0.0.1:1/?user=root")
    static class MariaDbDown {
        @Test
        void neverRuns() {}
    }

    /** The programmatic form, with its accessors. */
    static class Registered {
        @RegisterExtension
        static final CairnExtension DB = CairnExtension.h2().locations("classpath:db/migrations");

        @Test
        void usesTheAccessors() throws SQLException {
            try (Connection connection = DB.dataSource().getConnection()) {
                SEEN.add(new Seen(
                        "Registered",
                        DB.database(),
                        count(connection, "accounts"),
                        count(connection, "plans"),
                        count(connection, "cairn_migrations"),
                        DB.cairn().status().pending().size()));
            }
            assertThat(DB.url()).isEqualTo(DB.database().url());
        }
    }

    static class RegisteredInAnInstanceField {
        @RegisterExtension
        final CairnExtension db = CairnExtension.sqlite();

        @Test
        void neverRuns() {}
    }

    /** A nested class shares its outer class's database. */
    @CairnDatabase
    static class Outer {
        @Test
        void outer(MigratedDatabase database) {
            SEEN.add(new Seen("Outer", database, 0, 0, 0, 0));
        }

        @Nested
        class Inner {
            @Test
            void inner(MigratedDatabase database) {
                SEEN.add(new Seen("Inner", database, 0, 0, 0, 0));
            }
        }
    }

    @VerifyMigrations
    static class SqliteVerifiesGood {}

    @VerifyMigrations(locations = "classpath:db/baddown")
    static class SqliteVerifiesBad {}

    @VerifyMigrations(locations = "classpath:db/baddown", roundTrip = true)
    static class SqliteVerifiesBadRoundTrip {}

    @VerifyMigrations(roundTrip = true)
    static class SqliteVerifiesGoodRoundTrip {}

    @VerifyMigrations(engine = Engine.H2)
    static class H2VerifiesGood {}

    @VerifyMigrations(locations = "classpath:db/nothing")
    static class VerifiesNothing {}

    @VerifyMigrations(engine = Engine.POSTGRESQL)
    static class PostgresVerifiesGood {}

    @VerifyMigrations(engine = Engine.POSTGRESQL, locations = "classpath:db/baddown")
    static class PostgresVerifiesBad {}

    @VerifyMigrations(engine = Engine.POSTGRESQL, locations = "classpath:db/verdicts")
    static class PostgresVerifiesVerdicts {}

    @VerifyMigrations(engine = Engine.POSTGRESQL, locations = "classpath:db/verdicts", strict = true)
    static class PostgresVerifiesVerdictsStrictly {}

    @VerifyMigrations(engine = Engine.MARIADB)
    static class MariaDbVerifiesGood {}

    @VerifyMigrations(engine = Engine.MARIADB, locations = "classpath:db/baddown")
    static class MariaDbVerifiesBad {}
}
