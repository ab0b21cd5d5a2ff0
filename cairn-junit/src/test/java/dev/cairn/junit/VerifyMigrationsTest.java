// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link VerifyMigrations} through the {@code cairn-verify} engine, on SQLite and H2. */
class VerifyMigrationsTest {

    /** A project whose downs all undo their ups passes, one test per migration. */
    static void passes(Class<?> fixture) {
        EngineExecutionResults results = Runs.verify(fixture);

        assertThat(Runs.failures(results.allEvents().list())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
        assertThat(results.testEvents().started().list())
                .extracting(event -> event.getTestDescriptor().getDisplayName())
                .containsExactly(
                        "20260101000000_create_accounts", "20260101000100_create_plans", "20260101000200_seed_plans");
    }

    /** A down that leaves its up's table and adds another fails that migration's test with verify's report. */
    static void failsWithTheReport(Class<?> fixture) {
        EngineExecutionResults results = Runs.verify(fixture);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertThat(Runs.failures(results.testEvents().list()))
                .singleElement()
                .asString()
                .startsWith("AssertionError: 20260101000100_create_audit: differs")
                .containsPattern("(?i)table audit: (missing|added)")
                .containsPattern("(?i)table audit_leftover: added");
    }

    @Test
    void aGoodProjectPassesOnSqlite() {
        passes(Fixtures.SqliteVerifiesGood.class);
    }

    @Test
    void aGoodProjectPassesOnH2() {
        passes(Fixtures.H2VerifiesGood.class);
    }

    @Test
    void aBadDownFailsWithTheReportOnSqlite() {
        failsWithTheReport(Fixtures.SqliteVerifiesBad.class);
    }

    @Test
    void aRoundTripIsOneTest() {
        EngineExecutionResults good = Runs.verify(Fixtures.SqliteVerifiesGoodRoundTrip.class);
        good.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));

        EngineExecutionResults bad = Runs.verify(Fixtures.SqliteVerifiesBadRoundTrip.class);
        bad.testEvents().assertStatistics(stats -> stats.succeeded(0).failed(1));
        assertThat(Runs.failures(bad.testEvents().list()))
                .singleElement()
                .asString()
                .contains("round trip of 2 migrations (20260101000000_create_accounts .. 20260101000100_create_audit)")
                .contains("audit_leftover");
    }

    @Test
    void noMigrationsFailTheClass() {
        EngineExecutionResults results = Runs.verify(Fixtures.VerifiesNothing.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(Runs.failures(results.containerEvents().list()))
                .singleElement()
                .asString()
                .contains("Found no migrations in classpath:db/nothing");
    }

    @Test
    void jupiterLeavesAnAnnotatedClassToTheVerifyEngine() {
        EngineExecutionResults results = Runs.jupiter(Fixtures.SqliteVerifiesBad.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
    }
}
