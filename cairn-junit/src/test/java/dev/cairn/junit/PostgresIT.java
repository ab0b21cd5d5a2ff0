// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The scenario on a PostgreSQL server: CAIRN_TEST_POSTGRES_URL, else 127.0.0.1:5432 as postgres. */
class PostgresIT extends ServerScenario {
    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    String defaultUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    }

    @Override
    String databasesLike() {
        return "SELECT datname FROM pg_database WHERE datname LIKE ?";
    }

    @Override
    List<Class<?>> twoClasses() {
        return classes(Fixtures.PostgresFirst.class, Fixtures.PostgresSecond.class);
    }

    @Override
    Class<?> failsATest() {
        return Fixtures.PostgresFailsOnce.class;
    }

    @Override
    Class<?> serverDown() {
        return Fixtures.PostgresDown.class;
    }

    @Override
    Class<?> verifiesGood() {
        return Fixtures.PostgresVerifiesGood.class;
    }

    @Override
    Class<?> verifiesBad() {
        return Fixtures.PostgresVerifiesBad.class;
    }

    @Test
    void anEquivalentDownPassesWithAReportAndAMissingDownIsSkipped() {
        EngineExecutionResults results = Runs.verify(Fixtures.PostgresVerifiesVerdicts.class);

        results.testEvents()
                .assertStatistics(stats -> stats.succeeded(2).failed(0).skipped(1));
        assertThat(results.testEvents().skipped().list()).singleElement().satisfies(event -> {
            assertThat(event.getTestDescriptor().getDisplayName()).isEqualTo("20260101000200_index_email");
            assertThat(event.getPayload(String.class))
                    .hasValueSatisfying(
                            reason -> assertThat(reason).startsWith("irreversible: the migration has no down section"));
        });
        assertThat(results.allEvents().reportingEntryPublished().list())
                .singleElement()
                .satisfies(event -> assertThat(event.getPayload(ReportEntry.class)
                                .orElseThrow()
                                .getKeyValuePairs()
                                .get("cairn.verify"))
                        .startsWith("20260101000100_drop_nickname: equivalent")
                        .contains("nickname came back last"));
    }

    @Test
    void strictFailsTheEquivalentAndTheIrreversible() {
        EngineExecutionResults results = Runs.verify(Fixtures.PostgresVerifiesVerdictsStrictly.class);

        results.testEvents()
                .assertStatistics(stats -> stats.succeeded(1).failed(2).skipped(0));
        assertThat(Runs.failures(results.testEvents().list()))
                .containsExactly(
                        "AssertionError: 20260101000100_drop_nickname: equivalent\n"
                                + "  table people: column order id, nickname, email -> id, email, nickname"
                                + " [equivalent: column order only: nickname came back last (id, email, nickname"
                                + " instead of id, nickname, email), as a dropped and re-added column does; only"
                                + " SELECT * and INSERT without a column list see it]\n",
                        "AssertionError: 20260101000200_index_email: irreversible\n"
                                + "  it has no down section, so nothing proves that it can be rolled back\n");
    }
}
