// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static dev.cairn.testing.ExtensionFixtures.existedInAfterEach;
import static dev.cairn.testing.ExtensionFixtures.made;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.cairn.testing.ExtensionFixtures.FailsAfterMakingADatabase;
import dev.cairn.testing.ExtensionFixtures.MakesDatabasesInATest;
import dev.cairn.testing.ExtensionFixtures.MakesDatabasesThatCannotBeDropped;
import dev.cairn.testing.ExtensionFixtures.SharesADatabaseMadeBeforeAll;
import dev.cairn.testing.ExtensionFixtures.SharesADatabaseMadeBeforeAllPerClass;
import dev.cairn.testing.ExtensionFixtures.SkippedAfterMakingADatabase;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * TestDatabases through JUnit's own engine, running the classes of {@link ExtensionFixtures}: every
 * database a test made is gone once the test has ended, whether it passed, failed or was skipped; one
 * that cannot be dropped fails the test without keeping the others.
 */
class TestDatabasesIT {

    @BeforeEach
    void forget() {
        made.clear();
        existedInAfterEach.clear();
        ExtensionFixtures.engine = Engine.SQLITE;
    }

    @AfterEach
    void dropWhatAFailureLeft() throws IOException {
        for (TestDatabase db : made) {
            ExtensionFixtures.unjam(db);
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
        ExtensionFixtures.engine = engine;

        List<TestExecutionResult> results = run(selectClass(MakesDatabasesInATest.class));

        assertThat(results).extracting(TestExecutionResult::getStatus).containsExactly(Status.SUCCESSFUL);
        assertThat(made).hasSize(3).extracting(TestDatabase::name).doesNotHaveDuplicates();
        assertThat(existedInAfterEach).containsExactly(true, true, true);
        assertThat(made).noneMatch(TestDatabaseIT::exists);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dropsTheDatabasesOfAFailedTestAndKeepsItsFailureAsItWas(Engine engine) {
        ExtensionFixtures.engine = engine;

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

        assertThat(results)
                .extracting(TestExecutionResult::getStatus)
                .containsExactly(Status.SUCCESSFUL, Status.SUCCESSFUL);
        assertThat(made).hasSize(2).noneMatch(TestDatabaseIT::exists);
    }

    /**
     * Runs the fixture and returns the results of its tests. A fixture skipped because the engine it
     * runs on is missing skips the test that ran it, as any database test is skipped; a failure of
     * the fixture class itself (such as a drop after all its tests) fails it.
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
                .filter(thrown ->
                        thrown instanceof EngineUnavailableException e && e.engine() == ExtensionFixtures.engine)
                .findFirst()
                .ifPresent(thrown -> {
                    throw (EngineUnavailableException) thrown;
                });
        assertThat(execution.containerEvents().failed().stream())
                .as("failures of the fixture class")
                .isEmpty();
        return results;
    }
}
