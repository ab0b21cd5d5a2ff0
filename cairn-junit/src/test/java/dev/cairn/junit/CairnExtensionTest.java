// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The extension's forms and its errors, on SQLite and H2 (see the scenarios for each engine). */
class CairnExtensionTest {

    @BeforeEach
    void forgetWhatWasSeen() {
        Fixtures.SEEN.clear();
    }

    @Test
    void aStaticFieldGivesTheDatabaseThroughItsAccessors() {
        EngineExecutionResults results = Runs.jupiter(Fixtures.Registered.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(Fixtures.SEEN).singleElement().satisfies(seen -> {
            assertThat(seen.database().engine()).isEqualTo(Engine.H2);
            assertThat(seen.plans()).isEqualTo(2);
            assertThat(seen.trackingRows()).isEqualTo(3);
            assertThat(seen.pending()).isZero();
        });
    }

    @Test
    void anInstanceFieldFailsAndSaysToMakeItStatic() {
        EngineExecutionResults results = Runs.jupiter(Fixtures.RegisteredInAnInstanceField.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(0).failed(1));
        assertThat(Runs.failures(results.testEvents().list()))
                .singleElement()
                .asString()
                .contains("CairnExtension must be registered in a static field");
    }

    @Test
    void aNestedClassSharesItsOuterClassesDatabase() {
        EngineExecutionResults results = Runs.jupiter(Fixtures.Outer.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Fixtures.SEEN).hasSize(2);
        assertThat(Fixtures.SEEN.get(0).database().name())
                .isEqualTo(Fixtures.SEEN.get(1).database().name());
    }

    @Test
    void locationsWithoutMigrationsFailTheClassAndSayWhereItLooked() {
        EngineExecutionResults results = Runs.jupiter(Fixtures.NoMigrations.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(Runs.failures(results.containerEvents().list()))
                .singleElement()
                .asString()
                .contains("TestDatabaseException: Found no migrations in classpath:db/nothing")
                .contains("correct locations in @CairnDatabase");
    }

    @Test
    void aFailingMigrationFailsTheClassWithCairnsMessage() {
        EngineExecutionResults results = Runs.jupiter(Fixtures.FailingMigration.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(Runs.failures(results.containerEvents().list()))
                .singleElement()
                .asString()
                .contains("Migrating the SQLite database cairn_tpl_")
                .contains("20260101000000_broken.sql")
                .contains("no such table: no_such_table")
                .contains("MigrationFailedException");
    }
}
