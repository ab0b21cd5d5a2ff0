// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.Direction;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationRun;
import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.plan.Work;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Runner} on H2, whose DDL commits as it runs: every migration runs statement by statement in
 * autocommit, its tracking row written before its first statement and kept one statement behind the
 * database at most. When a statement fails, the statements before it stay, and so does the row,
 * marked incomplete with how many statements ran and their checksum; the
 * {@link MigrationFailedException} lists exactly that and says how to go on. A later run resumes after
 * the statements that ran. A failing first statement leaves the row as it was: none for a new
 * migration, the same progress for one that resumed. A rollback deletes each row after its down
 * section, and a down section that stops part-way is recorded as incomplete too.
 */
class RunnerOnH2Test {

    private static final String NL = System.lineSeparator();

    private static final String USERS = """
            -- migrate:up
            CREATE TABLE users (id int PRIMARY KEY, name varchar(50) NOT NULL);
            -- migrate:down
            DROP TABLE users;
            """;

    /** Three statements; the second fails, on line 3. */
    private static final String ORDERS = """
            -- migrate:up
            CREATE TABLE orders (id int PRIMARY KEY);
            INSERT INTO nowhere VALUES (1);
            CREATE INDEX orders_id ON orders (id);
            -- migrate:down
            DROP INDEX orders_id;
            DROP TABLE orders;
            """;

    private static final String FIXED_ORDERS = ORDERS.replace("nowhere", "orders");

    private static final String ITEMS = """
            -- migrate:up
            CREATE TABLE items (id int);
            -- migrate:down
            DROP TABLE items;
            """;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Project project;

    @BeforeEach
    void createProject() throws SQLException {
        project = new Project(databases.create(Engine.H2));
    }

    @AfterEach
    void closeProject() throws SQLException {
        project.close();
    }

    private MigrationFailedException failure(Operation operation) {
        return catchThrowableOfType(MigrationFailedException.class, () -> project.run(operation));
    }

    @Test
    void eachMigrationCommitsAsItRunsAndIsRecordedComplete() throws SQLException {
        project.file("1_users", USERS).file("2_orders", FIXED_ORDERS);

        List<MigrationRun> runs = project.run(Operation.migrate());

        assertThat(runs)
                .extracting(MigrationRun::name, MigrationRun::direction, MigrationRun::batch)
                .containsExactly(tuple("1_users", Direction.UP, 1), tuple("2_orders", Direction.UP, 1));
        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_orders batch 1");
        assertThat(project.historyRows())
                .extracting(HistoryRow::checksum, HistoryRow::appliedAt)
                .containsExactly(
                        tuple(
                                project.migration("1_users")
                                        .checksums(SplitRules.H2)
                                        .up(),
                                Project.NOW),
                        tuple(
                                project.migration("2_orders")
                                        .checksums(SplitRules.H2)
                                        .up(),
                                Project.NOW));
        assertThat(project.tables()).containsExactlyInAnyOrder("cairn_migrations", "users", "orders");
        assertThat(project.count("orders")).isEqualTo(1);
        assertThat(project.heard)
                .containsExactly(
                        "starting 1_users up",
                        "finished 1_users up batch 1",
                        "starting 2_orders up",
                        "finished 2_orders up batch 1");
        assertThat(project.autoCommitAfterRun)
                .as("autocommit is off again, as the session had it")
                .isFalse();
    }

    @Test
    void aFailureAtStatementTwoLeavesTheFirstAndARowThatSaysSo() throws SQLException {
        project.file("1_users", USERS).file("2_orders", ORDERS);

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_orders batch 1 incomplete up after 1");
        assertThat(project.historyRows().get(1).progress().statementsChecksum())
                .isEqualTo(Checksum.OfStatements.of(List.of("CREATE TABLE orders (id int PRIMARY KEY)"), 1));
        assertThat(project.tables()).containsExactlyInAnyOrder("cairn_migrations", "users", "orders");
        assertThat(e.migration()).isEqualTo("2_orders");
        assertThat(e.statement()).isEqualTo(2);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.sqlState()).contains("42S02");
        assertThat(e.databaseMessage()).isEqualTo("Table \"NOWHERE\" not found");
        assertThat(e.stillApplied())
                .containsExactly(
                        "1_users (applied, batch 1)",
                        "2_orders: statement 1 of its up section (recorded as incomplete)");
        assertThat(e)
                .hasMessageStartingWith("Migration 2_orders (up) failed at " + Path.of("migrations", "2_orders.sql")
                        + ":3, statement 2: Table \"NOWHERE\" not found [SQLSTATE 42S02]" + NL
                        + "Still applied and recorded: 1_users. H2 commits DDL as it runs, so each statement took"
                        + " effect as it ran: statement 1 of 2_orders's up section ran and stays, and the tracking"
                        + " table records it as incomplete (`cairn status` shows it)." + NL
                        + "To go on: fix statement 2 and run `cairn migrate` again; it resumes with that statement")
                .hasMessageEndingWith(
                        " Or finish applying it by hand and run `cairn repair 2_orders --finished-by-hand` to record"
                                + " it as applied; or undo what ran by hand and run `cairn repair --forget 2_orders`"
                                + " to start it over.");
        assertThat(project.heard)
                .containsExactly("starting 1_users up", "finished 1_users up batch 1", "starting" + " 2_orders up");
    }

    /**
     * The failing statement moves down a section of five, each a DDL statement that commits by itself:
     * the row counts the ones before it.
     */
    @ParameterizedTest(name = "statement {0} fails")
    @ValueSource(ints = {1, 2, 3, 5})
    void theRowCountsTheStatementsThatRanBeforeTheFailure(int failing) throws SQLException {
        List<String> statements = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            statements.add(i == failing ? "CREATE TABLE t" + i + " (id nowhere)" : "CREATE TABLE t" + i + " (id int)");
        }
        project.file("1_users", USERS);
        project.run(Operation.migrate());
        project.file("2_tables", "-- migrate:up\n" + String.join(";\n", statements) + ";\n");

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(e.statement()).isEqualTo(failing);
        assertThat(e.line()).isEqualTo(failing + 1);
        assertThat(project.db.tables())
                .filteredOn(table -> table.matches("t\\d"))
                .hasSize(failing - 1);
        if (failing == 1) {
            assertThat(project.rows()).containsExactly("1 1_users batch 1");
            assertThat(e.stillApplied()).isEmpty();
        } else {
            assertThat(project.rows())
                    .containsExactly("1 1_users batch 1", "2 2_tables batch 2 incomplete up after " + (failing - 1));
            assertThat(project.historyRows().get(1).progress().statementsChecksum())
                    .isEqualTo(Checksum.OfStatements.of(statements, failing - 1));
            assertThat(e.stillApplied()).hasSize(1);
        }
    }

    /**
     * Data statements run in one transaction with their progress write: one that fails takes the data
     * statements of its group back with it, and the row says exactly what stays (the DDL before them).
     */
    @ParameterizedTest(name = "statement {0} fails")
    @ValueSource(ints = {2, 3, 5})
    void aFailingDataStatementRollsBackItsGroupAndTheRowCountsWhatStays(int failing) throws SQLException {
        List<String> statements = new ArrayList<>(List.of("CREATE TABLE filled (id int PRIMARY KEY)"));
        for (int i = 2; i <= 5; i++) {
            statements.add(
                    i == failing ? "INSERT INTO nowhere VALUES (" + i + ")" : "INSERT INTO filled VALUES (" + i + ")");
        }
        project.file("1_users", USERS);
        project.run(Operation.migrate());
        project.file("2_fill", "-- migrate:up\n" + String.join(";\n", statements) + ";\n");

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(e.statement()).isEqualTo(failing);
        assertThat(project.count("filled")).as("the group's rows rolled back").isZero();
        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_fill batch 2 incomplete up after 1");
        assertThat(e.getMessage())
                .contains("statement 1 of 2_fill's up section ran and stays")
                .contains(
                        failing == 2
                                ? "ran and stays, and the tracking table"
                                : (failing == 3 ? "Statement 2" : "Statements 2-4")
                                        + ", which only changed data, ran in one transaction with it and "
                                        + (failing == 3 ? "was" : "were") + " rolled back with it (and will run"
                                        + " again).")
                .contains("To go on: fix statement " + failing + " and run `cairn migrate` again; it" + " resumes with "
                        + (failing == 2 ? "that statement" : "statement 2"));
    }

    /** The migration reads its own tracking row as it runs: DDL is followed by a write, data shares one. */
    @Test
    void theRowIsWrittenBeforeTheFirstStatementAndCountsEachStatementAsItRuns() throws SQLException {
        String watch = "SELECT incomplete, statements_run FROM cairn_migrations WHERE name = '2_watch'";
        project.file("1_users", USERS)
                .file(
                        "2_watch",
                        "-- migrate:up\n"
                                + "CREATE TABLE seen AS " + watch + ";\n"
                                + "CREATE TABLE seen_too AS " + watch + ";\n"
                                + "INSERT INTO seen " + watch + ";\n"
                                + "INSERT INTO seen " + watch + ";\n");

        project.run(Operation.migrate());

        // The last INSERT reads 2 from the group's one write, or 3 if the group had been open for longer
        // than Runner.GROUP_NANOS (a slow machine) and committed with its progress before it: never less.
        List<String> seen = project.db.query("SELECT incomplete, statements_run FROM seen").stream()
                .map(row -> row.get("incomplete") + "/" + row.get("statements_run"))
                .toList();
        assertThat(seen).isIn(List.of("up/0", "up/2", "up/2"), List.of("up/0", "up/2", "up/3"));
        assertThat(project.db.query("SELECT incomplete, statements_run FROM seen_too"))
                .extracting(row -> row.get("incomplete"), row -> row.get("statements_run"))
                .containsExactly(tuple("up", 1));
        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_watch batch 1");
    }

    @Test
    void aLaterRunResumesAfterTheStatementsThatRan() throws SQLException {
        project.file("1_users", USERS).file("2_orders", ORDERS).file("3_items", ITEMS);
        failure(Operation.migrate());
        project.file("2_orders", FIXED_ORDERS);
        project.heard.clear();

        Work work = project.plan(Operation.migrate());
        assertThat(work.steps())
                .extracting(step -> step.migration().name(), step -> step.resumeAt())
                .containsExactly(tuple("2_orders", 1), tuple("3_items", 0));
        assertThat(work.toPlan().migrations().get(0).statements())
                .extracting(Plan.Statement::sql, Plan.Statement::line)
                .containsExactly(
                        tuple("INSERT INTO orders VALUES (1)", 3), tuple("CREATE INDEX orders_id ON orders (id)", 4));
        project.run(Operation.migrate());

        // Statement 1, CREATE TABLE orders, did not run again: it would fail now.
        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_orders batch 2", "3 3_items batch 2");
        assertThat(project.count("orders")).isEqualTo(1);
        assertThat(project.heard)
                .containsExactly(
                        "starting 2_orders up after statement 1",
                        "finished 2_orders up batch 2",
                        "starting 3_items up",
                        "finished 3_items up batch 2");
    }

    @Test
    void aFailingFirstStatementLeavesANewMigrationPending() throws SQLException {
        project.file("1_users", USERS).file("2_items", ITEMS.replace("CREATE TABLE items", "CREATE TABLEX items"));

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(project.rows()).containsExactly("1 1_users batch 1");
        assertThat(e.statement()).isEqualTo(1);
        assertThat(e.stillApplied()).containsExactly("1_users (applied, batch 1)");
        assertThat(e)
                .hasMessageEndingWith(NL + "Still applied and recorded: 1_users. None of 2_items's statements ran: it"
                        + " is still pending." + NL + "Fix the statement and run the command again.");
    }

    @Test
    void aResumedSectionThatFailsAgainKeepsItsRowAsItWas() throws SQLException {
        project.file("1_users", USERS).file("2_orders", ORDERS);
        failure(Operation.migrate());
        List<String> before = project.rows();

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(project.rows()).isEqualTo(before).contains("2 2_orders batch 1 incomplete up after 1");
        assertThat(e.statement()).isEqualTo(2);
        assertThat(e.stillApplied())
                .containsExactly("2_orders: statement 1 of its up section (recorded as incomplete)");
        assertThat(e).hasMessageContaining("statement 1 of 2_orders's up section ran and stays");
    }

    @Test
    void aFailingFirstStatementOfADownSectionLeavesTheMigrationApplied() throws SQLException {
        project.file("1_users", USERS).file("2_items", ITEMS.replace("DROP TABLE items", "DROP TABLE nowhere"));
        project.run(Operation.migrate());

        MigrationFailedException e = failure(Operation.rollback());

        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_items batch 1");
        assertThat(project.tables()).containsExactlyInAnyOrder("cairn_migrations", "users", "items");
        assertThat(e.stillApplied()).isEmpty();
        assertThat(e)
                .hasMessageEndingWith(NL + "None of 2_items's statements ran: it is still applied." + NL
                        + "Fix the statement and run the command again.");
    }

    @Test
    void aRollbackDeletesEachRowAfterItsDownSection() throws SQLException {
        project.file("1_users", USERS).file("2_orders", FIXED_ORDERS);
        project.run(Operation.migrate());
        project.file("3_items", ITEMS);
        project.run(Operation.migrate());
        project.heard.clear();

        assertThat(project.run(Operation.rollback()))
                .extracting(MigrationRun::name)
                .containsExactly("3_items");
        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_orders batch 1");

        assertThat(project.run(Operation.rollbackAll()))
                .extracting(MigrationRun::name, MigrationRun::direction)
                .containsExactly(tuple("2_orders", Direction.DOWN), tuple("1_users", Direction.DOWN));
        assertThat(project.rows()).isEmpty();
        assertThat(project.tables()).containsExactly("cairn_migrations");
        assertThat(project.heard)
                .containsExactly(
                        "starting 3_items down",
                        "finished 3_items down batch 2",
                        "starting 2_orders down",
                        "finished 2_orders down batch 1",
                        "starting 1_users down",
                        "finished 1_users down batch 1");
    }

    @Test
    void aDownSectionThatStopsPartWayIsRecordedAndTheRollbackResumes() throws SQLException {
        String orders = FIXED_ORDERS.replace("DROP INDEX orders_id;", "DROP INDEX orders_id;\nDROP TABLE nowhere;");
        project.file("1_users", USERS).file("2_orders", orders);
        project.run(Operation.migrate());

        MigrationFailedException e = failure(Operation.rollback());

        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_orders batch 1 incomplete down after 1");
        assertThat(e.direction()).isEqualTo(Direction.DOWN);
        assertThat(e.statement()).isEqualTo(2);
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.stillApplied())
                .containsExactly("2_orders: statement 1 of its down section (recorded as incomplete)");
        assertThat(e)
                .hasMessageContaining(NL + "H2 commits DDL as it runs, so each statement took effect as it ran:"
                        + " statement 1 of 2_orders's down section ran and stays, and the tracking table records it as"
                        + " incomplete (`cairn status` shows it)." + NL
                        + "To go on: fix statement 2 and run `cairn rollback` again;")
                .hasMessageEndingWith(
                        " Or finish undoing it by hand and run `cairn repair 2_orders --finished-by-hand` to record"
                                + " it as undone.");

        project.file("2_orders", FIXED_ORDERS);
        project.heard.clear();
        project.run(Operation.rollback());

        assertThat(project.rows()).isEmpty();
        assertThat(project.tables()).containsExactly("cairn_migrations");
        assertThat(project.heard)
                .containsExactly(
                        "starting 2_orders down after statement 1",
                        "finished 2_orders down batch 1",
                        "starting 1_users down",
                        "finished 1_users down batch 1");
    }

    /** After one statement ran, the way on speaks of that one statement, as the sentence before it does. */
    @Test
    void theWayOnAfterOneStatementSpeaksOfOneStatement() throws SQLException {
        project.file("1_users", USERS).file("2_orders", ORDERS);

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(e)
                .hasMessageContaining("it resumes with that statement (statement 1 must stay as it is).")
                .hasMessageNotContaining("statements 1-1");
    }
}
