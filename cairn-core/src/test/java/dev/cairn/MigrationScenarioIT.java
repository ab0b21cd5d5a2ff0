// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foundation's scenarios, through the public API, on every engine: each test gets its own
 * database and checks what users rely on — the schema, the tracking rows, the results and the
 * messages.
 */
class MigrationScenarioIT {

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /**
     * The test's database. Each test makes it first, before anything else, so that an engine without a
     * server skips the test (or fails it under CI) there, and never inside an assertion that expects an
     * exception.
     */
    private TestDatabase db;

    private Cairn cairn() {
        return builder().load();
    }

    private Cairn.Builder builder() {
        return TestCairn.configure(db, project.resolve("migrations"));
    }

    private void migration(String name, String up, String down) throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        String text = "-- migrate:up\n" + up + "\n" + (down == null ? "" : "-- migrate:down\n" + down + "\n");
        Files.writeString(project.resolve("migrations").resolve(name + ".sql"), text);
    }

    private void table(int version, String name) throws IOException {
        migration(
                version + "_create_" + name,
                "CREATE TABLE " + name + " (id integer PRIMARY KEY);",
                "DROP TABLE " + name + ";");
    }

    static Stream<Engine> transactionalDdl() {
        return Arrays.stream(Engine.values()).filter(MigrationScenarioIT::hasTransactionalDdl);
    }

    static Stream<Engine> autocommitDdl() {
        return Arrays.stream(Engine.values()).filter(engine -> !hasTransactionalDdl(engine));
    }

    /** Whether DDL can be rolled back, so that a failed batch leaves nothing behind. */
    private static boolean hasTransactionalDdl(Engine engine) {
        return engine == Engine.SQLITE || engine == Engine.POSTGRESQL;
    }

    /** Each tracking row as name@batch:complete, or :up/N or :down/N for a section that stopped after N statements. */
    private List<String> progress() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row :
                db.query("SELECT name, batch, incomplete, statements_run FROM cairn_migrations ORDER BY id")) {
            rows.add(row.get("name") + "@" + ((Number) row.get("batch")).intValue() + ":"
                    + (row.get("incomplete") == null
                            ? "complete"
                            : row.get("incomplete") + "/" + ((Number) row.get("statements_run")).intValue()));
        }
        return rows;
    }

    /** The tables other than Cairn's own (the tracking table, and H2's lock table beside it). */
    private List<String> userTables() {
        return db.tables().stream()
                .filter(table -> !table.startsWith("cairn_migrations"))
                .toList();
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row : db.query("SELECT name, batch FROM cairn_migrations ORDER BY id")) {
            rows.add(row.get("name") + "@" + ((Number) row.get("batch")).intValue());
        }
        return rows;
    }

    /** A progress display hears of every statement before it runs, numbered within its section. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theListenerHearsEachStatementBeforeItRuns(Engine engine) throws IOException {
        db = databases.create(engine);
        migration(
                "1_users",
                "CREATE TABLE users (id integer PRIMARY KEY);\nINSERT INTO users VALUES (1);\n"
                        + "INSERT INTO users VALUES (2);",
                "DROP TABLE users;");
        List<String> heard = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void statementStarting(Plan.Migration migration, int number) {
                heard.add(migration.name() + " " + migration.direction().label() + " " + number + "/"
                        + (migration.resumeAfter() + migration.statements().size()));
            }
        };

        builder().listener(listener).load().migrate();
        builder().listener(listener).load().rollback();

        assertThat(heard).containsExactly("1_users up 1/3", "1_users up 2/3", "1_users up 3/3", "1_users down 1/1");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migrateAppliesEveryPendingMigrationAsOneBatchAndRecordsEach(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        table(2, "posts");

        MigrateResult first = cairn().migrate();

        assertThat(first.batch()).hasValue(1);
        assertThat(first.applied()).extracting(MigrationRun::name).containsExactly("1_create_users", "2_create_posts");
        assertThat(db.tables()).contains("users", "posts", "cairn_migrations");
        assertThat(rows()).containsExactly("1_create_users@1", "2_create_posts@1");
        Map<String, Object> row =
                db.query("SELECT * FROM cairn_migrations WHERE id = 1").get(0);
        assertThat(row.get("version")).isEqualTo("1");
        assertThat((String) row.get("checksum")).matches("[0-9a-f]{64}");
        assertThat(((Number) row.get("checksum_algorithm")).intValue()).isEqualTo(2);
        assertThat((String) row.get("down_checksum")).matches("[0-9a-f]{64}").isNotEqualTo(row.get("checksum"));
        assertThat(row.get("applied_at")).isNotNull();
        assertThat(((Number) row.get("execution_ms")).longValue()).isGreaterThanOrEqualTo(0);

        table(3, "tags");
        MigrateResult second = cairn().migrate();
        assertThat(second.batch()).hasValue(2);
        assertThat(rows()).containsExactly("1_create_users@1", "2_create_posts@1", "3_create_tags@2");

        MigrateResult third = cairn().migrate();
        assertThat(third.batch()).isEmpty();
        assertThat(third.applied()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusAndDryRunReadOnlyAndCreateNothing(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        table(2, "posts");
        Cairn cairn = cairn();

        Status before = cairn.status();
        Plan plan = cairn.plan(Operation.migrate());

        assertThat(before.pending())
                .extracting(Status.Migration::name)
                .containsExactly("1_create_users", "2_create_posts");
        assertThat(before.currentVersion()).isEmpty();
        assertThat(plan.batch()).hasValue(1);
        assertThat(plan.migrations())
                .extracting(Plan.Migration::name)
                .containsExactly("1_create_users", "2_create_posts");
        assertThat(plan.migrations().get(0).statements()).singleElement().satisfies(statement -> {
            assertThat(statement.sql()).isEqualTo("CREATE TABLE users (id integer PRIMARY KEY)");
            assertThat(statement.line()).isEqualTo(2);
        });
        assertThat(db.tables()).isEmpty();

        cairn.up();
        Status after = cairn.status();
        assertThat(after.currentVersion()).contains("1");
        assertThat(after.currentBatch()).isEqualTo(1);
        assertThat(after.applied()).singleElement().satisfies(applied -> {
            assertThat(applied.name()).isEqualTo("1_create_users");
            assertThat(applied.batch()).contains(1);
            assertThat(applied.appliedAt()).isPresent();
            assertThat(applied.state()).isEqualTo(Status.State.APPLIED);
        });
        assertThat(after.pending()).extracting(Status.Migration::name).containsExactly("2_create_posts");
        assertThat(cairn.plan(Operation.rollback()).migrations())
                .extracting(Plan.Migration::direction)
                .containsExactly(Direction.DOWN);
        assertThat(rows()).containsExactly("1_create_users@1");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upAndDownMoveOneMigrationAtATime(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        table(2, "posts");
        Cairn cairn = cairn();

        assertThat(cairn.up().batch()).hasValue(1);
        assertThat(cairn.up().batch()).hasValue(2);
        assertThat(cairn.up().applied()).isEmpty();
        assertThat(rows()).containsExactly("1_create_users@1", "2_create_posts@2");

        RollbackResult down = cairn.down();
        assertThat(down.reverted()).extracting(MigrationRun::name).containsExactly("2_create_posts");
        assertThat(down.batches()).containsExactly(2);
        assertThat(db.tables()).contains("users").doesNotContain("posts");
        assertThat(rows()).containsExactly("1_create_users@1");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rollbackUndoesTheNewestBatchNewestFirst(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        cairn().migrate();
        table(2, "posts");
        table(3, "tags");
        cairn().migrate();
        List<String> order = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void migrationStarting(Plan.Migration migration) {
                order.add(migration.name());
            }
        };

        RollbackResult result = builder().listener(listener).load().rollback();

        assertThat(result.reverted()).extracting(MigrationRun::name).containsExactly("3_create_tags", "2_create_posts");
        assertThat(result.reverted()).extracting(MigrationRun::direction).containsOnly(Direction.DOWN);
        assertThat(order).containsExactly("3_create_tags", "2_create_posts");
        assertThat(db.tables()).contains("users").doesNotContain("posts", "tags");
        assertThat(rows()).containsExactly("1_create_users@1");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rollbackToAVersionKeepsThatVersion(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        table(2, "posts");
        cairn().migrate();
        table(3, "tags");
        cairn().migrate();

        RollbackResult result = cairn().rollbackTo("1");

        assertThat(result.reverted()).extracting(MigrationRun::name).containsExactly("3_create_tags", "2_create_posts");
        assertThat(result.batches()).containsExactly(2, 1);
        assertThat(db.tables()).contains("users").doesNotContain("posts", "tags");
        assertThat(rows()).containsExactly("1_create_users@1");
        assertThatThrownBy(() -> cairn().rollbackTo("3"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'3': it is not applied");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rollbackToABatchAndRollbackAll(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        cairn().migrate();
        table(2, "posts");
        cairn().migrate();
        table(3, "tags");
        cairn().migrate();

        assertThat(cairn().rollbackToBatch(1).batches()).containsExactly(3, 2);
        assertThat(rows()).containsExactly("1_create_users@1");

        cairn().migrate();
        assertThat(rows()).containsExactly("1_create_users@1", "2_create_posts@2", "3_create_tags@2");

        RollbackResult all = cairn().rollbackAll();
        assertThat(all.reverted())
                .extracting(MigrationRun::name)
                .containsExactly("3_create_tags", "2_create_posts", "1_create_users");
        assertThat(userTables()).isEmpty();
        assertThat(rows()).isEmpty();
        assertThat(cairn().rollback().reverted()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("transactionalDdl")
    void aFailureInTheMiddleOfABatchLeavesTheDatabaseExactlyAsItWas(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        migration(
                "2_broken",
                "CREATE TABLE posts (id integer PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);",
                "DROP TABLE posts;");
        table(3, "tags");

        assertThatThrownBy(() -> cairn().migrate())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.migration()).isEqualTo("2_broken");
                    assertThat(e.direction()).isEqualTo(Direction.UP);
                    assertThat(e.file().getFileName().toString()).isEqualTo("2_broken.sql");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.statement()).isEqualTo(2);
                    assertThat(e.databaseMessage()).containsIgnoringCase("no_such_table");
                    assertThat(e.stillApplied()).isEmpty();
                })
                .hasMessageContaining("2_broken.sql:4")
                .hasMessageContaining("exactly as it was");

        // Nothing at all: not the first migration, not even the tracking table created for it.
        assertThat(db.tables()).isEmpty();

        Files.writeString(
                project.resolve("migrations/2_broken.sql"),
                "-- migrate:up\nCREATE TABLE posts (id integer PRIMARY KEY);\n-- migrate:down\nDROP TABLE posts;\n");
        assertThat(cairn().migrate().applied()).hasSize(3);
        table(4, "likes");
        migration("5_broken", "SELECT * FROM nothing_here;", null);
        assertThatThrownBy(() -> cairn().migrate()).isInstanceOf(MigrationFailedException.class);
        assertThat(db.tables()).doesNotContain("likes");
        assertThat(rows()).containsExactly("1_create_users@1", "2_broken@1", "3_create_tags@1");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anIrreversibleMigrationIsRefusedBeforeAnythingChanges(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        migration("2_drop_legacy", "CREATE TABLE legacy_gone (id integer);", null);
        cairn().migrate();

        assertThatThrownBy(() -> cairn().rollback())
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .contains("2_drop_legacy")
                                .contains("irreversible"))
                .hasMessageContaining("Nothing was changed");

        assertThat(db.tables()).contains("users", "legacy_gone");
        assertThat(rows()).containsExactly("1_create_users@1", "2_drop_legacy@1");
        assertThatThrownBy(() -> cairn().plan(Operation.rollbackAll())).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @MethodSource("transactionalDdl")
    void aTransactionFalseSectionRunsOutsideTheBatchTransaction(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        // Statements that their database refuses inside a transaction block.
        String outside =
                engine == Engine.POSTGRESQL ? "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);" : "VACUUM;";
        String outsideDown = engine == Engine.POSTGRESQL ? "DROP INDEX CONCURRENTLY users_id_idx;" : "VACUUM;";
        Files.writeString(
                project.resolve("migrations/2_outside.sql"),
                "-- migrate:up transaction:false\n" + outside + "\n-- migrate:down transaction:false\n" + outsideDown
                        + "\n");
        migration("3_broken", "INSERT INTO users VALUES (1);\nINSERT INTO nowhere VALUES (1);", "DELETE FROM users;");

        assertThatThrownBy(() -> cairn().migrate())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.migration()).isEqualTo("3_broken");
                    assertThat(e.stillApplied())
                            .containsExactly("1_create_users (applied, batch 1)", "2_outside (applied, batch 1)");
                })
                .hasMessageContaining("transaction:false section committed them");

        // The first two stay applied and recorded, so that history matches the schema.
        assertThat(rows()).containsExactly("1_create_users@1", "2_outside@1");
        assertThat(db.query("SELECT count(*) AS n FROM users").get(0).get("n")).isIn(0, 0L);

        Files.delete(project.resolve("migrations/3_broken.sql"));
        RollbackResult rollback = cairn().rollback();
        assertThat(rollback.reverted()).extracting(MigrationRun::name).containsExactly("2_outside", "1_create_users");
        assertThat(db.tables()).containsExactly("cairn_migrations");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingTransactionFalseSectionIsRecordedAsIncompleteAndResumes(Engine engine) throws IOException {
        db = databases.create(engine);
        Files.createDirectories(project.resolve("migrations"));
        Path file = project.resolve("migrations/1_partial.sql");
        Files.writeString(
                file,
                "-- migrate:up transaction:false\n"
                        + "CREATE TABLE first_half (id integer);\n"
                        + "CREATE TABLE first_half (id integer);\n"
                        + "CREATE TABLE second_half (id integer);\n");

        assertThatThrownBy(() -> cairn().migrate())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.statement()).isEqualTo(2);
                    assertThat(e.stillApplied())
                            .containsExactly("1_partial: statement 1 of its up section (recorded as incomplete)");
                })
                .hasMessageContaining("statement 1 of 1_partial's up section ran and stays")
                .hasMessageContaining("fix statement 2 and run `cairn migrate` again");

        // The tracking table says exactly what the schema holds.
        assertThat(db.tables()).contains("first_half").doesNotContain("second_half");
        assertThat(progress()).containsExactly("1_partial@1:up/1");
        assertThat(cairn().status().migrations()).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(Status.State.INCOMPLETE);
            assertThat(m.incomplete()).contains(new Status.Incomplete(Direction.UP, 1));
        });

        Files.writeString(
                file,
                Files.readString(file)
                        .replaceFirst(
                                "CREATE TABLE first_half \\(id integer\\);\n(?=CREATE TABLE second)", "SELECT 1;\n"));
        Plan plan = cairn().plan(Operation.migrate());
        assertThat(plan.migrations()).singleElement().satisfies(m -> {
            assertThat(m.resumeAfter()).isEqualTo(1);
            assertThat(m.statements()).extracting(Plan.Statement::line).containsExactly(3, 4);
        });
        MigrateResult resumed = cairn().migrate();

        assertThat(resumed.applied()).extracting(MigrationRun::name).containsExactly("1_partial");
        assertThat(db.tables()).contains("first_half", "second_half");
        assertThat(progress()).containsExactly("1_partial@2:complete");
        assertThat(cairn().status().problems()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("autocommitDdl")
    void withoutTransactionalDdlAFailureKeepsWhatRanRecordedAndResumesAfterTheFix(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        migration(
                "2_broken",
                "CREATE TABLE posts (id integer PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);",
                "DROP TABLE posts;");
        table(3, "tags");

        assertThatThrownBy(() -> cairn().migrate())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.migration()).isEqualTo("2_broken");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.statement()).isEqualTo(2);
                    assertThat(e.databaseMessage()).containsIgnoringCase("no_such_table");
                    assertThat(e.stillApplied())
                            .containsExactly(
                                    "1_create_users (applied, batch 1)",
                                    "2_broken: statement 1 of its up section (recorded as incomplete)");
                })
                .hasMessageContaining("commits DDL as it runs")
                .hasMessageContaining("run `cairn migrate` again; it resumes with that statement")
                .hasMessageContaining("`cairn repair 2_broken --finished-by-hand`");

        // What ran stays, and the tracking table says so; nothing after the failure ran.
        assertThat(db.tables()).contains("users", "posts").doesNotContain("tags");
        assertThat(progress()).containsExactly("1_create_users@1:complete", "2_broken@1:up/1");
        Status status = cairn().status();
        assertThat(status.migrations())
                .extracting(Status.Migration::state)
                .containsExactly(Status.State.APPLIED, Status.State.INCOMPLETE, Status.State.PENDING);
        assertThat(status.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.INCOMPLETE);
            assertThat(problem.message())
                    .contains(
                            "stopped after statement 1 of its up section: statement 1 ran and stays", "cairn migrate");
        });

        // A rollback cannot trust a down section to undo half an up: refused, nothing changed.
        assertThatThrownBy(() -> cairn().rollback())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Nothing was changed");
        // Resuming after an edit of a statement that ran would make the history lie: refused.
        Path file = project.resolve("migrations/2_broken.sql");
        Files.writeString(
                file,
                "-- migrate:up\nCREATE TABLE posts (id integer PRIMARY KEY, title varchar(10));\n"
                        + "INSERT INTO posts VALUES (1, 'a');\n-- migrate:down\nDROP TABLE posts;\n");
        assertThatThrownBy(() -> cairn().migrate())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("the statements that ran have changed");
        assertThat(progress()).containsExactly("1_create_users@1:complete", "2_broken@1:up/1");

        Files.writeString(
                file,
                "-- migrate:up\nCREATE TABLE posts (id integer PRIMARY KEY);\n"
                        + "INSERT INTO posts VALUES (1);\n-- migrate:down\nDROP TABLE posts;\n");
        MigrateResult resumed = cairn().migrate();

        assertThat(resumed.batch()).hasValue(2);
        assertThat(resumed.applied()).extracting(MigrationRun::name).containsExactly("2_broken", "3_create_tags");
        assertThat(db.query("SELECT count(*) AS n FROM posts").get(0).get("n")).isIn(1, 1L);
        assertThat(progress())
                .containsExactly("1_create_users@1:complete", "2_broken@2:complete", "3_create_tags@2:complete");
        assertThat(cairn().status().problems()).isEmpty();
        assertThat(cairn().rollbackAll().reverted()).hasSize(3);
        assertThat(db.tables()).doesNotContain("users", "posts", "tags");
    }

    /**
     * A data migration where DDL commits by itself: its INSERTs run in one transaction with their
     * progress write, so a failing INSERT takes the rows of its group back with it, the row counts only
     * the DDL before them, and the resumed run inserts each row exactly once.
     */
    @ParameterizedTest
    @MethodSource("autocommitDdl")
    void withoutTransactionalDdlAFailingDataStatementTakesItsGroupBackAndTheResumeInsertsEachRowOnce(Engine engine)
            throws IOException {
        db = databases.create(engine);
        StringBuilder up = new StringBuilder("CREATE TABLE events (id integer PRIMARY KEY);\n");
        for (int i = 1; i <= 300; i++) {
            up.append("INSERT INTO events VALUES (")
                    .append(i == 250 ? "'broken'" : String.valueOf(i))
                    .append(");\n");
        }
        migration("1_events", up.toString(), "DROP TABLE events;");

        MigrationFailedException failed = catchThrowableOfType(MigrationFailedException.class, () -> cairn().migrate());

        // A group commits after 1000 statements or 200 ms: where the last one ended depends on speed, but
        // the rows in the table are always exactly those of the statements the row says ran.
        assertThat(failed.statement()).isEqualTo(251);
        assertThat(progress()).singleElement().asString().startsWith("1_events@1:up/");
        int ran = Integer.parseInt(progress().get(0).substring("1_events@1:up/".length()));
        assertThat(ran).isBetween(1, 250);
        assertThat(((Number) db.query("SELECT count(*) AS n FROM events").get(0).get("n")).intValue())
                .isEqualTo(ran - 1);
        assertThat(failed.stillApplied())
                .containsExactly("1_events: " + (ran == 1 ? "statement 1" : "statements 1-" + ran)
                        + " of its up section (recorded as incomplete)");
        if (ran < 250) {
            assertThat(failed)
                    .hasMessageContaining(", which only changed data, ran in one transaction with it and")
                    .hasMessageContaining("To go on: fix statement 251 and run `cairn migrate` again; it resumes with"
                            + " statement " + (ran + 1));
        }

        Files.writeString(
                project.resolve("migrations/1_events.sql"),
                "-- migrate:up\n" + up.toString().replace("'broken'", "250") + "-- migrate:down\nDROP TABLE events;\n");
        cairn().migrate();

        assertThat(db.query("SELECT count(*) AS n, count(DISTINCT id) AS d FROM events"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(((Number) row.get("n")).intValue()).isEqualTo(300);
                    assertThat(((Number) row.get("d")).intValue()).isEqualTo(300);
                });
        assertThat(progress()).containsExactly("1_events@2:complete"); // a resumed migration joins the new batch
    }

    @ParameterizedTest
    @MethodSource("autocommitDdl")
    void withoutTransactionalDdlARollbackThatStopsResumesAfterTheFix(Engine engine) throws IOException {
        db = databases.create(engine);
        Path file = project.resolve("migrations/1_pair.sql");
        migration(
                "1_pair",
                "CREATE TABLE a (id integer);\nCREATE TABLE b (id integer);",
                "DROP TABLE b;\nDROP TABLE no_such_table;\nDROP TABLE a;");
        cairn().migrate();

        assertThatThrownBy(() -> cairn().rollback())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.direction()).isEqualTo(Direction.DOWN);
                    assertThat(e.statement()).isEqualTo(2);
                    assertThat(e.stillApplied())
                            .containsExactly("1_pair: statement 1 of its down section (recorded as incomplete)");
                })
                .hasMessageContaining("run `cairn rollback` again");
        assertThat(db.tables()).contains("a").doesNotContain("b");
        assertThat(progress()).containsExactly("1_pair@1:down/1");
        assertThatThrownBy(() -> cairn().migrate())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Nothing was changed");

        Files.writeString(file, Files.readString(file).replace("DROP TABLE no_such_table;\n", ""));
        RollbackResult resumed = cairn().rollback();

        assertThat(resumed.reverted()).extracting(MigrationRun::name).containsExactly("1_pair");
        assertThat(db.tables()).doesNotContain("a", "b");
        assertThat(progress()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("autocommitDdl")
    void repairRecordsAMigrationFinishedByHand(Engine engine) throws IOException {
        db = databases.create(engine);
        migration(
                "1_half",
                "CREATE TABLE a (id integer);\nCREATE TABLE b (id integer) nonsense;",
                "DROP TABLE b;\nDROP TABLE a;");
        assertThatThrownBy(() -> cairn().migrate()).isInstanceOf(MigrationFailedException.class);
        assertThat(progress()).containsExactly("1_half@1:up/1");

        assertThatThrownBy(() -> cairn().repair())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("`cairn repair 1_half --finished-by-hand`");
        assertThat(progress()).containsExactly("1_half@1:up/1");

        db.execute("CREATE TABLE b (id integer)"); // the user finishes the migration by hand
        RepairResult repair = cairn().repair(RepairOptions.all().confirmingFinishedByHand());

        assertThat(repair.repairs()).singleElement().satisfies(r -> {
            assertThat(r.migration()).isEqualTo("1_half");
            assertThat(r.kind()).isEqualTo(RepairResult.Kind.COMPLETED);
        });
        assertThat(progress()).containsExactly("1_half@1:complete");
        assertThat(cairn().status().problems()).isEmpty();
        assertThat(cairn().repair().repairs()).isEmpty();
        assertThat(cairn().rollback().reverted()).hasSize(1);
        assertThat(db.tables()).doesNotContain("a", "b");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theTrackingTableNameAndSchemaAreConfigurableAndChecked(Engine engine) throws IOException {
        db = databases.create(engine);
        table(1, "users");
        // A schema of its own where the engine has them inside one database; MySQL's schemas are
        // databases, so there the test database itself stands in.
        Cairn.Builder builder = builder();
        String schema = engine == Engine.SQLITE ? "main" : engine == Engine.MARIADB ? db.name() : "audit";

        builder.table("schema_history").schema(schema).load().migrate();

        List<Map<String, Object>> rows = db.query("SELECT name FROM " + schema + ".schema_history");
        assertThat(rows).extracting(row -> row.get("name")).containsExactly("1_create_users");
        assertThat(db.tables()).doesNotContain("cairn_migrations");
        assertThat(builder()
                        .table("schema_history")
                        .schema(schema)
                        .load()
                        .status()
                        .applied())
                .hasSize(1);
        assertThatThrownBy(() -> builder().table("t; DROP TABLE users").load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not a plain identifier");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theErrorPointsAtTheStatementsLineInTheFile(Engine engine) throws IOException {
        db = databases.create(engine);
        migration(
                "1_typo",
                "CREATE TABLE ok (id integer);\n\nCREATE TABLE\n  broken (\n    id integer,,\n  );",
                "DROP TABLE ok;");

        assertThatThrownBy(() -> cairn().migrate()).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
            assertThat(e.statement()).isEqualTo(2);
            // PostgreSQL, MySQL and H2 say where in the statement; SQLite does not, so its line is the
            // statement's.
            assertThat(e.line()).isEqualTo(engine == Engine.SQLITE ? 4 : 6);
            assertThat(e.getMessage()).doesNotContain("Position:");
        });
    }
}
