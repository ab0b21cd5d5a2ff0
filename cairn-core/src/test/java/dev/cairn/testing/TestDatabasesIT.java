// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * TestDatabases through JUnit's own engine, running small fixture classes: every database a test made
 * is gone once the test has ended, whether it passed, failed or was skipped; one that cannot be
 * dropped fails the test without keeping the others. The fixtures are nested classes, which failsafe
 * never picks up itself.
 */
class TestDatabasesIT {

    // What the fixtures run on, and what they made and saw: set before a run, read after it.
    static Engine engine;
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
            made.add(databases.create(engine));
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

    @BeforeEach
    void forget() {
        made.clear();
        existedInAfterEach.clear();
        engine = Engine.SQLITE;
    }

    @AfterEach
    void dropWhatAFailureLeft() throws IOException {
        for (TestDatabase db : made) {
            unjam(db);
            db.close();
        }
    }

    @AfterAll
    static void dropWitness() {
        TestDatabaseIT.dropWitness();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dropsEveryDatabaseATestMadeOnceItsAfterEachMethodsHaveRun(Engine engine) {
        TestDatabasesIT.engine = engine;

        List<TestExecutionResult> results = run(selectClass(MakesDatabasesInATest.class));

        assertThat(results).extracting(TestExecutionResult::getStatus).containsExactly(Status.SUCCESSFUL);
        assertThat(made).hasSize(3).extracting(TestDatabase::name).doesNotHaveDuplicates();
        assertThat(existedInAfterEach).containsExactly(true, true, true);
        assertThat(made).noneMatch(TestDatabaseIT::exists);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dropsTheDatabasesOfAFailedTestAndKeepsItsFailureAsItWas(Engine engine) {
        TestDatabasesIT.engine = engine;

        List<TestExecutionResult> results = run(selectClass(FailsAfterMakingADatabase.class));

        assertThat(results).extracting(TestExecutionResult::getStatus).containsExactly(Status.FAILED);
        Throwable failure = results.get(0).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessage("the test failed");
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(made).hasSize(1).noneMatch(TestDatabaseIT::exists);
    }

    @Test
    void aSkippedTestStaysSkippedAndItsDatabasesAreDropped() {
        List<TestExecutionResult> results = run(selectClass(SkippedAfterMakingADatabase.class));

        assertThat(results).extracting(TestExecutionResult::getStatus).containsExactly(Status.ABORTED);
        assertThat(results.get(0).getThrowable()).containsInstanceOf(EngineUnavailableException.class);
        assertThat(made).hasSize(1).noneMatch(TestDatabaseIT::exists);
    }

    @Test
    void aDatabaseThatCannotBeDroppedFailsThePassingTestAfterTheOthersAreDropped() {
        List<TestExecutionResult> results = run(selectMethod(MakesDatabasesThatCannotBeDropped.class, "passes"));

        assertThat(results).extracting(TestExecutionResult::getStatus).containsExactly(Status.FAILED);
        // Dropped newest first: the later jammed database is the failure, the earlier one rides along.
        Throwable failure = results.get(0).getThrowable().orElseThrow();
        assertThat(failure)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("could not drop test database " + made.get(3) + ": ");
        assertThat(failure.getSuppressed())
                .singleElement()
                .isInstanceOf(IllegalStateException.class)
                .extracting(Throwable::getMessage)
                .asString()
                .startsWith("could not drop test database " + made.get(1) + ": ");
        assertThat(List.of(made.get(0), made.get(2), made.get(4))).noneMatch(TestDatabaseIT::exists);
        // Still open, so the end-of-run sweep of TestRunSummary tries once more.
        assertThat(Engine.SQLITE.backend().open()).contains(made.get(1), made.get(3));
    }

    @Test
    void aDatabaseThatCannotBeDroppedIsAddedToTheFailureOfAFailedTest() {
        List<TestExecutionResult> results = run(selectMethod(MakesDatabasesThatCannotBeDropped.class, "fails"));

        assertThat(results).extracting(TestExecutionResult::getStatus).containsExactly(Status.FAILED);
        Throwable failure = results.get(0).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessage("the test failed");
        assertThat(failure.getSuppressed())
                .singleElement()
                .isInstanceOf(IllegalStateException.class)
                .extracting(Throwable::getMessage)
                .asString()
                .startsWith("could not drop test database " + made.get(0) + ": ");
    }

    @ParameterizedTest
    @ValueSource(classes = {SharesADatabaseMadeBeforeAll.class, SharesADatabaseMadeBeforeAllPerClass.class})
    void aDatabaseMadeBeforeAllIsSharedByTheClassAndDroppedAfterItsLastTest(Class<?> fixture) {
        List<TestExecutionResult> results = run(selectClass(fixture));

        assertThat(results).extracting(TestExecutionResult::getStatus).containsOnly(Status.SUCCESSFUL);
        assertThat(results).hasSize(2);
        assertThat(made).hasSize(2).noneMatch(TestDatabaseIT::exists);
    }

    /**
     * Runs the fixture and returns the results of its tests. A fixture skipped because {@link #engine}
     * is missing skips the test that ran it, as any database test is skipped; a failure of the fixture
     * class itself (such as an {@code @AfterAll} drop) fails it.
     */
    private static List<TestExecutionResult> run(DiscoverySelector fixture) {
        EngineExecutionResults execution =
                EngineTestKit.engine("junit-jupiter").selectors(fixture).execute();
        List<TestExecutionResult> results = execution
                .testEvents()
                .finished()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .toList();
        results.stream()
                .map(TestExecutionResult::getThrowable)
                .flatMap(Optional::stream)
                .filter(thrown -> thrown instanceof EngineUnavailableException e && e.engine() == engine)
                .findFirst()
                .ifPresent(thrown -> {
                    throw (EngineUnavailableException) thrown;
                });
        assertThat(execution.containerEvents().failed().stream())
                .as("failures of the fixture class")
                .isEmpty();
        return results;
    }

    /** Puts a non-empty directory beside the SQLite file, which the drop cannot delete. */
    private static TestDatabase jammed(TestDatabase db) throws IOException {
        Files.writeString(Files.createDirectory(jam(db)).resolve("stuck"), "stuck");
        return db;
    }

    private static void unjam(TestDatabase db) throws IOException {
        if (db.engine() == Engine.SQLITE && Files.isDirectory(jam(db))) {
            Files.delete(jam(db).resolve("stuck"));
            Files.delete(jam(db));
        }
    }

    private static Path jam(TestDatabase db) {
        return SqliteBackend.file(db).resolveSibling("jam");
    }
}
