// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * What a user relies on, for one engine: each test class sees every migration applied (schema, rows and
 * tracking table), has a copy of its own, and the copies and the template are gone after the run, also
 * after a class that failed. One small subclass per engine.
 */
abstract class ExtensionScenario {

    /** Two fixture classes with the same settings. */
    abstract List<Class<?>> twoClasses();

    /** A fixture class of the same settings whose second test fails. */
    abstract Class<?> failsATest();

    /** Whether the database still exists. */
    abstract boolean exists(MigratedDatabase database) throws Exception;

    /** The templates that exist now (directories of the embedded engines, databases of a server). */
    abstract Set<String> templates() throws Exception;

    @BeforeEach
    void forgetWhatWasSeen() {
        Fixtures.SEEN.clear();
    }

    @Test
    void eachClassGetsItsOwnMigratedCopyAndNothingIsLeftAfterTheRun() throws Exception {
        Set<String> before = templates();

        EngineExecutionResults results = Runs.jupiter(twoClasses().toArray(Class<?>[]::new));

        assertThat(Runs.failures(results.allEvents().list())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Fixtures.SEEN).hasSize(2).allSatisfy(seen -> {
            // 0: the other class's insert went to its own copy.
            assertThat(seen.accountsBefore()).isZero();
            assertThat(seen.plans()).as("rows a migration inserted").isEqualTo(2);
            assertThat(seen.trackingRows()).as("tracking rows").isEqualTo(3);
            assertThat(seen.pending())
                    .as("pending, by Cairn's status of the copy")
                    .isZero();
            assertThat(seen.database().name()).startsWith("cairn_test_");
        });
        assertThat(Fixtures.SEEN.get(0).database().name())
                .isNotEqualTo(Fixtures.SEEN.get(1).database().name());
        for (Fixtures.Seen seen : Fixtures.SEEN) {
            assertThat(exists(seen.database())).as(seen.database() + " exists").isFalse();
        }
        assertThat(templates()).as("templates after the run").isEqualTo(before);
    }

    @Test
    void aClassWhoseTestFailsHasItsCopyDroppedToo() throws Exception {
        EngineExecutionResults results = Runs.jupiter(failsATest());

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(Runs.failures(results.testEvents().list()))
                .singleElement()
                .asString()
                .contains("fails on purpose");
        assertThat(Fixtures.SEEN).hasSize(1);
        assertThat(exists(Fixtures.SEEN.get(0).database())).isFalse();
    }
}
