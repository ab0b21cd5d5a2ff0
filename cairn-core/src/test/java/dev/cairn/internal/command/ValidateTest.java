// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Operation;
import dev.cairn.Problem;
import dev.cairn.ValidateResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} on an in-process SQLite file: every disagreement between the files and the tracking
 * table in one result, with how many migrations it checked, from one read of each.
 */
class ValidateTest {

    @TempDir
    Path project;

    private Settings settings;

    @BeforeEach
    void settings() {
        Settings.Draft draft = new Settings.Draft();
        draft.workingDirectory = project;
        draft.url = "jdbc:sqlite:" + project.resolve("dev.sqlite3");
        settings = Settings.resolve(draft, null);
    }

    private void migration(String name, String text) throws IOException {
        Files.createDirectories(settings.migrationsDirectory());
        Files.writeString(settings.migrationsDirectory().resolve(name + ".sql"), text);
    }

    @Test
    void aDatabaseThatDoesNotExistYetHasOnlyPendingMigrationsAndNoProblem() throws IOException {
        migration("1_a", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");

        ValidateResult result = new Validate(settings).validate();

        assertThat(result.isValid()).isTrue();
        assertThat(result.migrations()).isEqualTo(1);
        assertThat(project.resolve("dev.sqlite3")).doesNotExist();
    }

    @Test
    void everyProblemIsListedAndEveryMigrationCounted() throws IOException {
        migration("1_a", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");
        migration("2_b", "-- migrate:up\nCREATE TABLE b (id int);\n-- migrate:down\nDROP TABLE b;\n");
        migration("4_d", "-- migrate:up\nCREATE TABLE d (id int);\n");
        new Change(settings, Clock.systemUTC()).migrate(Operation.migrate());
        migration("1_a", "-- migrate:up\nCREATE TABLE a (id bigint);\n-- migrate:down\nDROP TABLE a;\n");
        Files.delete(settings.migrationsDirectory().resolve("2_b.sql"));
        migration("3_c", "-- migrate:up\nCREATE TABLE c (id int);\n");
        migration("5_e", "-- migrate:up\nSELECT 'never closed;\n");
        migration("05_f", "-- migrate:up\nSELECT 1;\n");

        ValidateResult result = new Validate(settings).validate();

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems())
                .extracting(Problem::kind, Problem::migration)
                .containsExactlyInAnyOrder(
                        Tuple.tuple(Problem.Kind.DUPLICATE_VERSION, "5_e.sql"),
                        Tuple.tuple(Problem.Kind.EDITED, "1_a"),
                        Tuple.tuple(Problem.Kind.MISSING_FILE, "2_b"),
                        Tuple.tuple(Problem.Kind.OUT_OF_ORDER, "3_c"));
        // Applied 1_a, 2_b (file gone) and 4_d; pending 3_c and 05_f, the first file of version 5 (the
        // second is the problem).
        assertThat(result.migrations()).isEqualTo(5);
    }

    @Test
    void aStatementThatNeverEndsIsAProblemWithItsLine() throws IOException {
        migration("1_a", "-- migrate:up\nCREATE TABLE a (id int);\nSELECT 'never closed;\n");

        ValidateResult result = new Validate(settings).validate();

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.UNPARSEABLE);
            assertThat(problem.migration()).isEqualTo("1_a");
            assertThat(problem.message()).contains("1_a.sql:3");
        });
        assertThat(result.migrations()).isEqualTo(1);
    }
}
