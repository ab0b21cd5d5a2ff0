// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import dev.cairn.Direction;
import dev.cairn.MigrationFileException;
import dev.cairn.Operation;
import dev.cairn.Problem;
import dev.cairn.Status;
import dev.cairn.ValidationException;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.Statement;
import dev.cairn.internal.sql.TransactionRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {

    @TempDir
    Path dir;

    /** Five reversible migrations; 1-2 applied in batch 1, 3 in batch 2; 4 and 5 pending. */
    private List<Migration> migrations;

    private final List<HistoryRow> history = new ArrayList<>();

    void fiveMigrationsThreeApplied() throws IOException {
        for (int version = 1; version <= 5; version++) {
            write(
                    version + "_m" + version + ".sql",
                    "-- migrate:up\nCREATE TABLE t" + version + " (id int);\n-- migrate:down\nDROP TABLE t" + version
                            + ";\n");
        }
        migrations = MigrationDirectory.scan(dir);
        apply(1, 1);
        apply(2, 1);
        apply(3, 2);
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(Operation.migrate(), List.of("4_m4", "5_m5"), 3),
                Arguments.of(Operation.migrateTo("4"), List.of("4_m4"), 3),
                Arguments.of(Operation.migrateTo("5_m5"), List.of("4_m4", "5_m5"), 3),
                Arguments.of(Operation.migrateTo("2"), List.of(), -1),
                Arguments.of(Operation.up(), List.of("4_m4"), 3),
                Arguments.of(Operation.down(), List.of("3_m3"), -1),
                Arguments.of(Operation.rollback(), List.of("3_m3"), -1),
                Arguments.of(Operation.rollbackAll(), List.of("3_m3", "2_m2", "1_m1"), -1),
                Arguments.of(Operation.rollbackTo("1"), List.of("3_m3", "2_m2"), -1),
                Arguments.of(Operation.rollbackTo("3_m3"), List.of(), -1),
                Arguments.of(Operation.rollbackToBatch(1), List.of("3_m3"), -1),
                Arguments.of(Operation.rollbackToBatch(0), List.of("3_m3", "2_m2", "1_m1"), -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void plansEachChangeInTheOrderItRuns(Operation operation, List<String> expected, int batch) throws IOException {
        fiveMigrationsThreeApplied();

        Work work = planner().plan(operation, SplitRules.POSTGRESQL);

        assertThat(work.steps()).extracting(step -> step.migration().name()).containsExactlyElementsOf(expected);
        assertThat(work.batch().orElse(-1)).isEqualTo(expected.isEmpty() ? -1 : batch);
        Direction direction = operation.direction();
        assertThat(work.steps()).allSatisfy(step -> assertThat(step.direction()).isEqualTo(direction));
        assertThat(work.nextId()).isEqualTo(4);
    }

    @Test
    void aRollbackUndoesInTheReverseOrderOfApplicationNotOfVersion() throws IOException {
        fiveMigrationsThreeApplied();
        apply(5, 3);
        apply(4, 3); // applied out of order, after 5

        Work work = planner().plan(Operation.rollback(), SplitRules.POSTGRESQL);

        assertThat(work.steps()).extracting(step -> step.migration().name()).containsExactly("4_m4", "5_m5");
        assertThat(work.steps()).extracting(Step::batch).containsOnly(3);
        assertThat(work.steps().get(0).row().name()).isEqualTo("4_m4");
    }

    @Test
    void stepsCarryTheirStatementsWithFileLines() throws IOException {
        fiveMigrationsThreeApplied();

        Work work = planner().plan(Operation.up(), SplitRules.POSTGRESQL);

        assertThat(work.steps().get(0).statements()).singleElement().satisfies(statement -> {
            assertThat(statement.sql()).isEqualTo("CREATE TABLE t4 (id int)");
            assertThat(statement.line()).isEqualTo(2);
        });
        assertThat(work.toPlan().migrations().get(0).statements().get(0).line()).isEqualTo(2);
    }

    @Test
    void unknownTargetsAreConfigurationErrorsThatSayWhereToLook() throws IOException {
        fiveMigrationsThreeApplied();

        assertThatThrownBy(() -> planner().plan(Operation.migrateTo("42"), SplitRules.POSTGRESQL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No migration has the version or name '42'")
                .hasMessageContaining("the versions run from 1 to 5 (the status lists them all).");
        assertThatThrownBy(() -> planner().plan(Operation.rollbackTo("4"), SplitRules.POSTGRESQL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'4': it is not applied")
                .hasMessageContaining("The applied versions are 1, 2, 3.");
        assertThatThrownBy(() -> planner().plan(Operation.rollbackToBatch(7), SplitRules.POSTGRESQL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the newest batch is 2");
    }

    @Test
    void refusesToUndoIrreversibleMigrationsNamingEachOne() throws IOException {
        write("1_keep.sql", "-- migrate:up\nCREATE TABLE a (id int);\n");
        write("2_keep.sql", "-- migrate:up\nCREATE TABLE b (id int);\n");
        write("3_drop.sql", "-- migrate:up\nCREATE TABLE c (id int);\n-- migrate:down\nDROP TABLE c;\n");
        migrations = MigrationDirectory.scan(dir);
        apply(1, 1);
        apply(2, 1);
        apply(3, 1);

        assertThatThrownBy(() -> planner().plan(Operation.rollback(), SplitRules.POSTGRESQL))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "2_keep: it is irreversible (2_keep.sql has no `-- migrate:down` section)",
                                        "1_keep: it is irreversible (1_keep.sql has no `-- migrate:down` section)"))
                .hasMessageStartingWith("Cannot rollback: 2 migrations cannot be undone. Nothing was changed.");
    }

    @Test
    void refusesEveryChangeWhileAnAppliedFileIsEditedOrGoneNamingEachOne() throws IOException {
        write("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");
        write("2_b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n-- migrate:down\nDROP TABLE b;\n");
        write("4_d.sql", "-- migrate:up\nCREATE TABLE d (id int);\n-- migrate:down\nDROP TABLE d;\n");
        migrations = MigrationDirectory.scan(dir);
        apply(1, 1);
        apply(2, 1);
        history.add(row(3, "3_gone", 1));
        write("2_b.sql", "-- migrate:up\nCREATE TABLE b (id bigint);\n-- migrate:down\nDROP TABLE b;\n");
        migrations = MigrationDirectory.scan(dir);

        for (Operation operation : List.of(
                Operation.migrate(),
                Operation.up(),
                Operation.down(),
                Operation.rollback(),
                Operation.rollbackAll(),
                Operation.rollbackToBatch(0))) {
            assertThatThrownBy(() -> planner().plan(operation, SplitRules.POSTGRESQL))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.problems())
                                    .containsExactly(
                                            "2_b.sql: the up section was changed after it was applied (more"
                                                    + " than comments or whitespace); revert that edit and write a"
                                                    + " new migration instead (a change to the down section alone is"
                                                    + " allowed), or, if the edit is deliberate and reviewed, run"
                                                    + " `cairn repair` to record it",
                                            "3_gone is applied (batch 1) but its file is gone; restore the file"
                                                    + " (from version control), or, if it was removed on purpose,"
                                                    + " forget it with `cairn repair --forget 3_gone`: the tracking"
                                                    + " table then no longer has it, and what it made stays in the"
                                                    + " database"))
                    .hasMessageStartingWith("Cannot " + operation + ": the migration files disagree with the"
                            + " tracking table. Nothing was changed.");
        }
        // A checkout with Windows line endings and a byte order mark is not an edit.
        write("2_b.sql", "\uFEFF-- migrate:up\r\nCREATE TABLE b (id int);\r\n-- migrate:down\r\nDROP TABLE b;\r\n");
        Files.delete(dir.resolve("4_d.sql"));
        write("3_gone.sql", "-- migrate:up\nCREATE TABLE c (id int);\n-- migrate:down\nDROP TABLE c;\n");
        migrations = MigrationDirectory.scan(dir);
        history.set(
                2,
                new HistoryRow(
                        3,
                        "3",
                        "3_gone",
                        1,
                        migrations.get(2).checksums(SplitRules.POSTGRESQL).up(),
                        Checksum.ALGORITHM,
                        migrations.get(2).checksums(SplitRules.POSTGRESQL).down(),
                        Instant.parse("2026-11-24T15:30:00Z"),
                        1,
                        null));
        assertThat(planner().plan(Operation.rollback(), SplitRules.POSTGRESQL).steps())
                .hasSize(3);
    }

    @Test
    void refusesAPendingMigrationOlderThanTheNewestAppliedUnlessAllowed() throws IOException {
        write("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n");
        write("3_c.sql", "-- migrate:up\nCREATE TABLE c (id int);\n");
        migrations = MigrationDirectory.scan(dir);
        apply(1, 1);
        apply(3, 1);
        write("2_from_a_branch.sql", "-- migrate:up\nCREATE TABLE b (id int);\n");
        write("4_d.sql", "-- migrate:up\nCREATE TABLE d (id int);\n");
        migrations = MigrationDirectory.scan(dir);

        assertThatThrownBy(() -> planner().plan(Operation.migrate(), SplitRules.POSTGRESQL))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith("2_from_a_branch is pending but older than the newest applied"
                                        + " migration (3)")
                                .contains("Operation.allowingOutOfOrder()", "--allow-out-of-order"));
        assertThatThrownBy(() -> planner().plan(Operation.up(), SplitRules.POSTGRESQL))
                .isInstanceOf(ValidationException.class);

        Work work = planner().plan(Operation.migrate().allowingOutOfOrder(), SplitRules.POSTGRESQL);
        assertThat(work.steps()).extracting(step -> step.migration().name()).containsExactly("2_from_a_branch", "4_d");
    }

    @Test
    void refusesTransactionControlInATransactionalSectionButNotOutsideOne() throws IOException {
        write("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\nCOMMIT;\n");
        migrations = MigrationDirectory.scan(dir);

        assertThatThrownBy(() -> planner().plan(Operation.migrate(), SplitRules.POSTGRESQL))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("1_a.sql:3: COMMIT ends or starts a transaction")
                .hasMessageContaining("transaction:false");

        write("1_a.sql", "-- migrate:up transaction:false\nCREATE TABLE a (id int);\nCOMMIT;\n");
        migrations = MigrationDirectory.scan(dir);
        assertThat(planner().plan(Operation.migrate(), SplitRules.POSTGRESQL).steps())
                .hasSize(1);
    }

    @Test
    void refusesAStatementThatCannotRunInATransactionBeforeAnythingRunsWithFileLineAndHint() throws IOException {
        write("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n\nCREATE INDEX\n  CONCURRENTLY a_id ON a (id);\n");
        write("2_b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n-- migrate:down\nDROP INDEX CONCURRENTLY b_id;\n");
        migrations = MigrationDirectory.scan(dir);

        assertThatThrownBy(
                        () -> planner().plan(Operation.migrate(), SplitRules.POSTGRESQL, TransactionRules.POSTGRESQL))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("1_a.sql:4: CREATE INDEX CONCURRENTLY cannot run inside a transaction")
                .hasMessageContaining("refused before anything runs")
                .hasMessageContaining("mark the section `-- migrate:up transaction:false`");
        assertThat(planner().unsplittable(SplitRules.POSTGRESQL, TransactionRules.POSTGRESQL))
                .extracting(Problem::message)
                .containsExactly(
                        dir.resolve("1_a.sql") + ":4: CREATE INDEX CONCURRENTLY cannot run inside a transaction, and"
                                + " Cairn runs this section in one (so it is refused before anything runs); mark the"
                                + " section `-- migrate:up transaction:false` (best in a migration of its own: such a"
                                + " section runs outside the batch's transaction, and a failure in it is not rolled"
                                + " back)",
                        dir.resolve("2_b.sql") + ":4: DROP INDEX CONCURRENTLY cannot run inside a transaction, and"
                                + " Cairn runs this section in one (so it is refused before anything runs); mark the"
                                + " section `-- migrate:down transaction:false` (best in a migration of its own: such a"
                                + " section runs outside the batch's transaction, and a failure in it is not rolled"
                                + " back)");
        // Where DDL auto-commits nothing runs in Cairn's transaction; SQLite refuses only VACUUM.
        assertThat(planner()
                        .plan(Operation.migrate(), SplitRules.POSTGRESQL, TransactionRules.AUTOCOMMIT)
                        .steps())
                .hasSize(2);
        assertThat(planner()
                        .plan(Operation.migrate(), SplitRules.SQLITE, TransactionRules.SQLITE)
                        .steps())
                .hasSize(2);

        write("1_a.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n");
        migrations = MigrationDirectory.scan(dir);
        assertThat(planner()
                        .plan(Operation.up(), SplitRules.POSTGRESQL, TransactionRules.POSTGRESQL)
                        .steps())
                .hasSize(1);
    }

    @Test
    void whereDdlIsNotTransactionalASectionMayHoldItsOwnTransaction() throws IOException {
        write("1_a.sql", "-- migrate:up\nSTART TRANSACTION;\nUPDATE a SET n = 1;\nCOMMIT;\n");
        migrations = MigrationDirectory.scan(dir);

        assertThat(planner()
                        .plan(Operation.migrate(), SplitRules.MYSQL, false)
                        .steps()
                        .get(0)
                        .statements())
                .hasSize(3);
        assertThatThrownBy(() -> planner().plan(Operation.migrate(), SplitRules.MYSQL, true))
                .isInstanceOf(MigrationFileException.class);
    }

    @Test
    void savepointsAndRollbackToSavepointAreNotTransactionControl() throws IOException {
        write("1_a.sql", "-- migrate:up\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\nrollback to s;\n");
        migrations = MigrationDirectory.scan(dir);

        assertThat(planner()
                        .plan(Operation.migrate(), SplitRules.POSTGRESQL)
                        .steps()
                        .get(0)
                        .statements())
                .hasSize(3);
    }

    @Test
    void statusMergesFilesAndHistoryAndNamesEachProblem() throws IOException {
        fiveMigrationsThreeApplied();
        history.add(row(4, "7_gone", 2));
        write("2_m2.sql", "-- migrate:up\nCREATE TABLE t2 (id bigint);\n-- migrate:down\nDROP TABLE t2;\n");
        write("0_early.sql", "-- Merged late.\n-- migrate:up\n");
        migrations = MigrationDirectory.scan(dir);

        Status status = planner().status(SplitRules.POSTGRESQL);

        assertThat(status.currentBatch()).isEqualTo(2);
        assertThat(status.currentVersion()).contains("7");
        assertThat(status.migrations())
                .extracting(Status.Migration::name, Status.Migration::state)
                .containsExactly(
                        Tuple.tuple("1_m1", Status.State.APPLIED),
                        Tuple.tuple("2_m2", Status.State.APPLIED),
                        Tuple.tuple("3_m3", Status.State.APPLIED),
                        Tuple.tuple("7_gone", Status.State.MISSING),
                        Tuple.tuple("0_early", Status.State.PENDING),
                        Tuple.tuple("4_m4", Status.State.PENDING),
                        Tuple.tuple("5_m5", Status.State.PENDING));
        assertThat(status.problems())
                .extracting(Problem::kind, Problem::migration)
                .containsExactly(
                        Tuple.tuple(Problem.Kind.EDITED, "2_m2"),
                        Tuple.tuple(Problem.Kind.MISSING_FILE, "7_gone"),
                        // The gone migration has version 7, so every pending one is older than the newest applied.
                        Tuple.tuple(Problem.Kind.OUT_OF_ORDER, "0_early"),
                        Tuple.tuple(Problem.Kind.OUT_OF_ORDER, "4_m4"),
                        Tuple.tuple(Problem.Kind.OUT_OF_ORDER, "5_m5"));
        Status.Migration early = status.pending().get(0);
        assertThat(early.description()).isEqualTo("Merged late.");
        assertThat(early.reversible()).isFalse();
        assertThat(status.applied()).hasSize(4);
        assertThat(status.applied().get(0).batch()).contains(1);
    }

    @Test
    void aChangedDownIsANoticeThatRefusesNothingWhileAChangedUpRefuses() throws IOException {
        fiveMigrationsThreeApplied();
        write(
                "3_m3.sql",
                "-- migrate:up\nCREATE TABLE t3 (id int); -- the table\n-- migrate:down\nDROP TABLE t3 CASCADE;\n");
        migrations = MigrationDirectory.scan(dir);

        assertThat(planner().status(SplitRules.POSTGRESQL).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.kind()).isEqualTo(Problem.Kind.DOWN_CHANGED);
                    assertThat(problem.isNotice()).isTrue();
                });
        assertThat(planner().plan(Operation.rollback(), SplitRules.POSTGRESQL).steps())
                .singleElement()
                .satisfies(step -> assertThat(step.statements())
                        .extracting(Statement::sql)
                        .containsExactly("DROP TABLE t3 CASCADE"));

        write("3_m3.sql", "-- migrate:up\nCREATE TABLE t3 (id bigint);\n-- migrate:down\nDROP TABLE t3;\n");
        migrations = MigrationDirectory.scan(dir);
        assertThat(planner().status(SplitRules.POSTGRESQL).problems())
                .extracting(Problem::kind)
                .containsExactly(Problem.Kind.EDITED);
        assertThatThrownBy(() -> planner().plan(Operation.rollback(), SplitRules.POSTGRESQL))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void rowsOfAlgorithmOneCompareTheWholeFileAndOnlyUnchangedOnesAreUpgraded() throws IOException {
        fiveMigrationsThreeApplied();
        history.replaceAll(row ->
                row.withChecksums(Checksum.WHOLE_FILE, migration(row.name()).checksum(), null));
        // A comment is an edit to the whole-file rule.
        write("2_m2.sql", "-- migrate:up\nCREATE TABLE t2 (id int); -- the table\n-- migrate:down\nDROP TABLE t2;\n");
        migrations = MigrationDirectory.scan(dir);

        assertThat(planner().status(SplitRules.POSTGRESQL).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.kind()).isEqualTo(Problem.Kind.EDITED);
                    assertThat(problem.message())
                            .startsWith("2_m2.sql was changed after it was applied. Its tracking row was written by an"
                                    + " earlier Cairn")
                            .contains("run `cairn migrate --to 2_m2`");
                });
        List<HistoryRow> upgrades = planner().checksumUpgrades(SplitRules.POSTGRESQL);
        assertThat(upgrades).extracting(HistoryRow::name).containsExactly("1_m1", "3_m3");
        Checksum.Sections first = migration("1_m1").checksums(SplitRules.POSTGRESQL);
        assertThat(upgrades.get(0))
                .isEqualTo(history.get(0).withChecksums(Checksum.ALGORITHM, first.up(), first.down()));

        history.set(0, upgrades.get(0));
        history.set(2, upgrades.get(1));
        assertThat(planner().status(SplitRules.POSTGRESQL).problems())
                .extracting(Problem::migration)
                .containsExactly("2_m2");
        assertThat(planner().checksumUpgrades(SplitRules.POSTGRESQL)).isEmpty();
    }

    @Test
    void aRowOfAnAlgorithmThisVersionDoesNotKnowIsNotCompared() throws IOException {
        fiveMigrationsThreeApplied();
        history.replaceAll(row -> row.withChecksums(3, "future", null));

        assertThat(planner().status(SplitRules.POSTGRESQL).problems()).isEmpty();
        assertThat(planner().checksumUpgrades(SplitRules.POSTGRESQL)).isEmpty();
    }

    private Migration migration(String name) {
        return migrations.stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void statusOfAnEmptyDatabaseIsAllPending() throws IOException {
        fiveMigrationsThreeApplied();
        history.clear();

        Status status = planner().status(SplitRules.POSTGRESQL);

        assertThat(status.currentVersion()).isEmpty();
        assertThat(status.currentBatch()).isZero();
        assertThat(status.pending()).hasSize(5);
        assertThat(status.problems()).isEmpty();
    }

    private Planner planner() {
        return new Planner(migrations, history);
    }

    private void apply(int version, int batch) {
        Migration migration = migrations.stream()
                .filter(m -> m.version().text().equals(Integer.toString(version)))
                .findFirst()
                .orElseThrow();
        history.add(new HistoryRow(
                history.size() + 1,
                migration.version().text(),
                migration.name(),
                batch,
                migration.checksums(SplitRules.POSTGRESQL).up(),
                Checksum.ALGORITHM,
                migration.checksums(SplitRules.POSTGRESQL).down(),
                Instant.parse("2026-11-24T15:30:00Z"),
                12,
                null));
    }

    private HistoryRow row(int id, String name, int batch) {
        return new HistoryRow(
                id,
                name.substring(0, name.indexOf('_')),
                name,
                batch,
                "0".repeat(64),
                Checksum.ALGORITHM,
                "0".repeat(64),
                Instant.parse("2026-11-24T15:30:00Z"),
                1,
                null);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
