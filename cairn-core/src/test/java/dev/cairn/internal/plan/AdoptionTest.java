// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ImportOptions.Tool;
import dev.cairn.ImportResult;
import dev.cairn.ValidationException;
import dev.cairn.internal.history.ForeignRow;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.sql.SplitRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How another tool's history entries find Cairn's migrations, and what is recorded for them. */
class AdoptionTest {

    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    private List<Migration> migrations(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(dir.resolve(name + ".sql"), "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n");
        }
        return MigrationDirectory.scan(dir);
    }

    private static ForeignRow knex(int id, String name, int batch) {
        return new ForeignRow(id, null, null, null, name, null, null, true, Integer.toString(batch), EARLIER, 0);
    }

    private static ForeignRow flyway(int rank, String version, String script, String type, boolean success) {
        return new ForeignRow(rank, null, null, version, "d", script, type, success, null, EARLIER, 12);
    }

    private static ForeignRow liquibase(int order, String id, String file, String type, String deployment) {
        return new ForeignRow(order, id, "ann", null, "sql", file, type, !type.equals("FAILED"), deployment, null, 0);
    }

    private static List<String> recorded(Adoption.Outcome outcome) {
        return outcome.recorded().stream()
                .map(r -> r.name() + "@" + r.batch() + (r.baseline() ? " baseline" : "") + " " + r.from())
                .toList();
    }

    private static Adoption.Outcome plan(Tool tool, List<Migration> migrations, boolean leaveOut, ForeignRow... rows) {
        return new Adoption(tool, "t", migrations).plan(List.of(rows), List.of(), leaveOut, SplitRules.SQLITE, NOW);
    }

    @Test
    void knexEntriesMatchByNameWithoutExtensionOrByVersionAndKeepTheirBatchesAndTimes() throws IOException {
        List<Migration> migrations = migrations("20240101_users", "20240102_posts", "20240103_tags");

        Adoption.Outcome outcome = plan(
                Tool.KNEX,
                migrations,
                false,
                knex(1, "20240101_users.js", 1),
                knex(2, "20240102_posts.ts", 1),
                knex(3, "20240103_add_tags.js", 2)); // renamed since: its version still finds it

        assertThat(recorded(outcome))
                .containsExactly(
                        "20240101_users@1 [20240101_users.js]",
                        "20240102_posts@1 [20240102_posts.ts]",
                        "20240103_tags@2 [20240103_add_tags.js]");
        HistoryRow row = outcome.rows().get(2);
        assertThat(row.id()).isEqualTo(3);
        assertThat(row.origin()).isEqualTo("knex");
        assertThat(row.appliedAt()).isEqualTo(EARLIER);
        assertThat(row.checksum()).isNotBlank();
        assertThat(outcome.leftOut()).isEmpty();
    }

    @Test
    void anUnmatchedEntryAndAMigrationTheToolSkippedRefuseTheImportUnlessLeftOut() throws IOException {
        List<Migration> migrations = migrations("1_users", "2_posts", "3_tags");
        ForeignRow[] rows = {knex(1, "1_users.js", 1), knex(2, "3_tags.js", 1), knex(3, "9_gone.js", 2)};

        assertThatThrownBy(() -> plan(Tool.KNEX, migrations, false, rows))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Cannot import the knex history (t): 2 mismatches between it and Cairn's"
                        + " migrations. Fix the files, or add --allow-unmatched to leave them out. Nothing was"
                        + " written.")
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsExactly(
                                "9_gone.js (t row 3) matches no migration (by its name without the extension, or by"
                                        + " its leading digits as a version)",
                                "2_posts: knex never applied it, though it applied newer ones (up to 3); left out,"
                                        + " it stays pending, and `cairn migrate` runs it only with"
                                        + " allow-out-of-order"));

        Adoption.Outcome leftOut = plan(Tool.KNEX, migrations, true, rows);
        assertThat(recorded(leftOut)).containsExactly("1_users@1 [1_users.js]", "3_tags@1 [3_tags.js]");
        assertThat(leftOut.leftOut()).hasSize(2);
    }

    @Test
    void flywayRowsMatchByVersionOrDescriptionEachVersionABatchAndABaselineCoversWhatIsBelowIt() throws IOException {
        List<Migration> migrations = migrations("1_init", "2_users", "101_add_posts", "102_tags");

        Adoption.Outcome outcome = plan(
                Tool.FLYWAY,
                migrations,
                false,
                flyway(1, null, "<< Flyway Schema Creation >>", "SCHEMA", true),
                flyway(2, "2", "<< Flyway Baseline >>", "BASELINE", true),
                flyway(3, "2.1", "V2.1__add_posts.sql", "SQL", true),
                flyway(4, "102", "V102__tags.sql", "SQL", true));

        assertThat(recorded(outcome))
                .containsExactly(
                        "1_init@1 baseline [<< Flyway Baseline >> 2]",
                        "2_users@1 baseline [<< Flyway Baseline >> 2]",
                        "101_add_posts@2 [V2.1__add_posts.sql]",
                        "102_tags@3 [V102__tags.sql]");
        assertThat(outcome.rows())
                .extracting(HistoryRow::origin)
                .containsExactly("baseline", "baseline", "flyway", "flyway");
        assertThat(outcome.rows().get(3).executionMillis()).isEqualTo(12);
        assertThat(outcome.rows().get(0).appliedAt()).isEqualTo(NOW); // Flyway never ran it
    }

    @Test
    void flywayRowsFindTheFilesTheConverterRenumberedByTheirNames() throws IOException {
        // import flyway --files made these of V1.1__a, V1.2__add-tags, V1_10__foo and V11__other.
        List<Migration> migrations = migrations("101_a", "102_add_tags", "110_foo", "1100_other");

        Adoption.Outcome outcome = plan(
                Tool.FLYWAY,
                migrations,
                false,
                flyway(1, "1.1", "V1.1__a.sql", "SQL", true),
                flyway(2, "1.2", "sql/V1.2__add-tags.sql", "SQL", true),
                flyway(3, "1.10", "V1_10__foo.sql", "SQL", true),
                flyway(4, "11", "V11__other.sql", "SQL", true));

        assertThat(outcome.recorded())
                .extracting(ImportResult.Recorded::name)
                .containsExactly("101_a", "102_add_tags", "110_foo", "1100_other");
    }

    @Test
    void flywayFailedAndRepeatableRowsAreListedAndADeletedVersionNoLongerCounts() throws IOException {
        List<Migration> migrations = migrations("1_init", "2_users", "3_posts");

        assertThatThrownBy(() -> plan(
                        Tool.FLYWAY,
                        migrations,
                        false,
                        flyway(1, "1", "V1__init.sql", "SQL", true),
                        flyway(2, "2", "V2__users.sql", "SQL", false),
                        flyway(3, null, "R__views.sql", "SQL", true)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsExactly(
                                "V2__users.sql (t row 2) failed (flyway left it part-applied or not applied at"
                                        + " all): finish or undo it by hand and remove its row the flyway way"
                                        + " (flyway repair), then import again",
                                "R__views.sql (t row 3) is a repeatable migration, which Cairn has not got: make"
                                        + " it a versioned migration file, or leave it out with --allow-unmatched"));

        Adoption.Outcome outcome = plan(
                Tool.FLYWAY,
                migrations,
                false,
                flyway(1, "1", "V1__init.sql", "SQL", true),
                flyway(2, "2", "V2__users.sql", "SQL", true),
                flyway(3, "2", "V2__users.sql", "DELETE", true));
        assertThat(recorded(outcome)).containsExactly("1_init@1 [V1__init.sql]");
    }

    @Test
    void liquibaseChangeSetsOfOneFileMakeOneMigrationAndADeploymentIsABatch() throws IOException {
        List<Migration> migrations = migrations("001_users", "002_posts", "20240101_tags");

        // Change set "1" is version 1; "u2" is found by its file's name, "raw" by its file's leading digits.
        assertThat(plan(Tool.LIQUIBASE, migrations, false, liquibase(1, "1", "db/a.sql", "EXECUTED", "d1"))
                        .recorded())
                .extracting(ImportResult.Recorded::name)
                .containsExactly("001_users");
        assertThatThrownBy(() -> plan(
                        Tool.LIQUIBASE,
                        migrations,
                        false,
                        liquibase(1, "1", "db/changes/001_users.sql", "EXECUTED", "d1"),
                        liquibase(2, "tag-1", "db/master.xml", "EXECUTED", "d1")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 mismatch between it");
        Adoption.Outcome outcome = plan(
                Tool.LIQUIBASE,
                migrations,
                false,
                liquibase(1, "u1", "db/changes/001_users.sql", "EXECUTED", "d1"),
                liquibase(2, "u2", "db/changes/001_users.sql", "EXECUTED", "d1"),
                liquibase(3, "raw", "db/changes/002-posts.xml", "EXECUTED", "d1"),
                new ForeignRow(4, "v1", "ann", null, "tagDatabase", "db/master.xml", "EXECUTED", true, "d2", null, 0),
                liquibase(5, "20240101_tags", "db/master.xml", "MARK_RAN", "d2"),
                liquibase(6, "x", "db/other.sql", "SKIPPED", "d2"));
        assertThat(recorded(outcome))
                .containsExactly(
                        "001_users@1 [u1::ann::db/changes/001_users.sql, u2::ann::db/changes/001_users.sql]",
                        "002_posts@1 [raw::ann::db/changes/002-posts.xml]",
                        "20240101_tags@2 [20240101_tags::ann::db/master.xml]");
        assertThat(outcome.leftOut()).isEmpty();
    }

    @Test
    void anImportIsRefusedOnACairnHistory() throws IOException {
        List<Migration> migrations = migrations("1_users");
        List<HistoryRow> history = List.of(AppliedRow.of(1, migrations.get(0), 1, SplitRules.SQLITE, NOW, 0, null));

        assertThatThrownBy(() -> new Adoption(Tool.KNEX, "t", migrations)
                        .plan(List.of(knex(1, "1_users.js", 1)), history, true, SplitRules.SQLITE, NOW))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Cannot import: the tracking table has 1 row already (the newest 1_users, batch 1). An"
                        + " import is for a database whose history another tool kept; this one has a history,"
                        + " which `cairn status` shows. Nothing was changed.");
    }

    @Test
    void recordedEntriesListWhatTheyStandFor() throws IOException {
        ImportResult.Recorded recorded = plan(Tool.KNEX, migrations("1_users"), false, knex(1, "1_users.js", 3))
                .recorded()
                .get(0);
        assertThat(recorded.batch()).isEqualTo(3);
        assertThat(recorded.from()).containsExactly("1_users.js");
    }
}
