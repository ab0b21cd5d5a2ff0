// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes that use {@link TestDatabases}, for {@link TestDatabasesIT} to run through JUnit's
 * engine; some fail on purpose. They are nested classes, which failsafe never picks up itself, in a
 * class of their own: nested in TestDatabasesIT, a run that selects it by pattern
 * ({@code -Dit.test='*TestDatabases*'}) would select them too. The test-jar leaves them out.
 */
final class ExtensionFixtures {
    private ExtensionFixtures() {}

    // What the fixtures run on, and what they made and saw: set before a run, read after it.
    static Engine engine = Engine.SQLITE;
    static final List<TestDatabase> made = new ArrayList<>();
    static final List<Boolean> existedInAfterEach = new ArrayList<>();

    static class MakesDatabasesInATest {
        @RegisterExtension
        final TestDatabases databases = new TestDatabases();

        @BeforeEach
        void makeOne() {
            made.add(databases.create(engine));
        }

        @Test
        void makesTwoMore() {
            made.add(databases.create(engine));
            TestDatabase db = databases.create(engine);
            made.add(db);
            db.execute("CREATE TABLE t (x INTEGER)");
        }

        @AfterEach
        void look() {
            made.forEach(db -> existedInAfterEach.add(TestDatabaseIT.exists(db)));
        }
    }

    static class FailsAfterMakingADatabase {
        @RegisterExtension
        final TestDatabases databases = new TestDatabases();

        @Test
        void fails() {
            made.add(databases.create(engine));
            throw new AssertionError("the test failed");
        }
    }

    static class SkippedAfterMakingADatabase {
        @RegisterExtension
        final TestDatabases databases = new TestDatabases();

        @Test
        void needsPostgresToo() {
            made.add(databases.create(Engine.SQLITE));
            throw new EngineUnavailableException(Engine.POSTGRESQL, "no server here", "start one");
        }
    }

    static class MakesDatabasesThatCannotBeDropped {
        @RegisterExtension
        final TestDatabases databases = new TestDatabases();

        @Test
        void passes() throws IOException {
            made.add(databases.create(Engine.SQLITE));
            made.add(jammed(databases.create(Engine.SQLITE)));
            made.add(databases.create(Engine.SQLITE));
            made.add(jammed(databases.create(Engine.SQLITE)));
            made.add(databases.create(Engine.SQLITE));
        }

        @Test
        void fails() throws IOException {
            made.add(jammed(databases.create(Engine.SQLITE)));
            throw new AssertionError("the test failed");
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharesADatabaseMadeBeforeAll {
        @RegisterExtension
        static final TestDatabases databases = new TestDatabases();

        static TestDatabase shared;

        @BeforeAll
        static void makeShared() {
            shared = databases.create(Engine.SQLITE);
            made.add(shared);
        }

        @Test
        @Order(1)
        void first() {
            made.add(databases.create(Engine.SQLITE));
            shared.execute("CREATE TABLE t (x INTEGER)");
        }

        @Test
        @Order(2)
        void second() {
            assertThat(TestDatabaseIT.exists(made.get(1)))
                    .as("the first test's database")
                    .isFalse();
            assertThat(shared.tables()).containsExactly("t");
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharesADatabaseMadeBeforeAllPerClass {
        @RegisterExtension
        final TestDatabases databases = new TestDatabases();

        TestDatabase shared;

        @BeforeAll
        void makeShared() {
            shared = databases.create(Engine.SQLITE);
            made.add(shared);
        }

        @Test
        @Order(1)
        void first() {
            made.add(databases.create(Engine.SQLITE));
            shared.execute("CREATE TABLE t (x INTEGER)");
        }

        @Test
        @Order(2)
        void second() {
            assertThat(TestDatabaseIT.exists(made.get(1)))
                    .as("the first test's database")
                    .isFalse();
            assertThat(shared.tables()).containsExactly("t");
        }
    }

    /** Puts a non-empty directory beside the SQLite file, which the drop cannot delete. */
    static TestDatabase jammed(TestDatabase db) throws IOException {
        Files.writeString(Files.createDirectory(jam(db)).resolve("stuck"), "stuck");
        return db;
    }

    /** Takes away what {@link #jammed} put there, if anything, so that the database can be dropped. */
    static void unjam(TestDatabase db) throws IOException {
        if (db.engine() == Engine.SQLITE && Files.isDirectory(jam(db))) {
            Files.delete(jam(db).resolve("stuck"));
            Files.delete(jam(db));
        }
    }

    private static Path jam(TestDatabase db) {
        return SqliteBackend.file(db).resolveSibling("jam");
    }
}
