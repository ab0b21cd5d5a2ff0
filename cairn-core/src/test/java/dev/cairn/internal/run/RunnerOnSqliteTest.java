// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.Direction;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationRun;
import dev.cairn.Operation;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Runner} on SQLite, whose DDL is transactional: a batch of migrations runs in one transaction
 * with its tracking rows, so a failure in the third migration rolls back the first two, their rows
 * and even a tracking table made for them, and the {@link MigrationFailedException} says that nothing
 * stays; a {@code transaction:false} section commits what ran before it and itself, so a later failure
 * leaves exactly those, as {@code stillApplied()} and the message say; such a section that stops
 * part-way is recorded as incomplete and a later run resumes after the statements that ran; a
 * rollback undoes its batch and forgets its rows in one transaction, or nothing at all. The listener
 * hears each migration start and finish, in order.
 */
class RunnerOnSqliteTest {

    private static final String NL = System.lineSeparator();

    private static final String USERS = """
            -- migrate:up
            CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);
            -- migrate:down
            DROP TABLE users;
            """;

    private static final String ORDERS = """
            -- migrate:up
            CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);
            INSERT INTO orders VALUES (1, 1);
            -- migrate:down
            DROP TABLE orders;
            """;

    private static final String ITEMS = """
            -- migrate:up
            CREATE TABLE items (id integer);
            INSERT INTO items VALUES (1);
            -- migrate:down
            DROP TABLE items;
            """;

    /** Fails at its second statement, on line 3. */
    private static final String BROKEN_PARTS = """
            -- migrate:up
            CREATE TABLE parts (id integer);
            INSERT INTO nowhere VALUES (1);
            -- migrate:down
            DROP TABLE parts;
            """;

    private static final String NO_SUCH_TABLE = "[SQLITE_ERROR] SQL error or missing database (no such table: nowhere)";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Project project;

    @BeforeEach
    void createProject() throws SQLException {
        project = new Project(databases.create(Engine.SQLITE));
    }

    @AfterEach
    void closeProject() throws SQLException {
        project.close();
    }

    private MigrationFailedException failure(Operation operation) {
        return catchThrowableOfType(MigrationFailedException.class, () -> project.run(operation));
    }

    private HistoryRow applied(int id, String name, int batch) {
        Migration migration = project.migration(name);
        return new HistoryRow(
                id,
                migration.version().text(),
                name,
                batch,
                migration.checksums(SplitRules.SQLITE).up(),
                Checksum.ALGORITHM,
                migration.checksums(SplitRules.SQLITE).down(),
                Project.NOW,
                0,
                null);
    }

    @Test
    void aBatchIsRecordedRowByRowWithItsChecksumsAndTheClocksTime() throws SQLException {
        project.file("1_users", USERS).file("2_orders", ORDERS).file("3_items", ITEMS);

        List<MigrationRun> runs = project.run(Operation.migrate());

        assertThat(runs)
                .extracting(MigrationRun::name, MigrationRun::version, MigrationRun::direction, MigrationRun::batch)
                .containsExactly(
                        tuple("1_users", "1", Direction.UP, 1),
                        tuple("2_orders", "2", Direction.UP, 1),
                        tuple("3_items", "3", Direction.UP, 1));
        assertThat(project.historyRows())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("executionMillis")
                .containsExactly(applied(1, "1_users", 1), applied(2, "2_orders", 1), applied(3, "3_items", 1));
        assertThat(project.tables()).containsExactlyInAnyOrder("cairn_migrations", "users", "orders", "items");
        assertThat(project.heard)
                .containsExactly(
                        "starting 1_users up",
                        "finished 1_users up batch 1",
                        "starting 2_orders up",
                        "finished 2_orders up batch 1",
                        "starting 3_items up",
                        "finished 3_items up batch 1");
    }

    @Test
    void aLaterMigrateIsTheNextBatchWithTheNextIds() throws SQLException {
        project.file("1_users", USERS).file("2_orders", ORDERS);
        project.run(Operation.migrate());

        project.file("3_items", ITEMS);
        List<MigrationRun> runs = project.run(Operation.migrate());

        assertThat(runs).extracting(MigrationRun::name, MigrationRun::batch).containsExactly(tuple("3_items", 2));
        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_orders batch 1", "3 3_items batch 2");
        assertThat(project.run(Operation.migrate())).isEmpty();
    }

    @Test
    void aFailureInTheThirdMigrationRollsBackTheFirstTwoAndTheirRows() throws SQLException {
        project.file("1_users", USERS);
        project.run(Operation.migrate());
        project.file("2_orders", ORDERS).file("3_items", ITEMS).file("4_parts", BROKEN_PARTS);
        project.heard.clear();

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(project.rows()).containsExactly("1 1_users batch 1");
        assertThat(project.tables()).containsExactlyInAnyOrder("cairn_migrations", "users");
        assertThat(e.migration()).isEqualTo("4_parts");
        assertThat(e.direction()).isEqualTo(Direction.UP);
        assertThat(e.file()).isEqualTo(Path.of("migrations", "4_parts.sql"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.statement()).isEqualTo(2);
        assertThat(e.databaseMessage()).isEqualTo(NO_SUCH_TABLE);
        assertThat(e.sqlState()).isEmpty();
        assertThat(e.stillApplied()).isEmpty();
        assertThat(e)
                .hasMessage("Migration 4_parts (up) failed at " + Path.of("migrations", "4_parts.sql") + ":3,"
                        + " statement 2: " + NO_SUCH_TABLE + NL
                        + "The transaction was rolled back: the database is exactly as it was before this command." + NL
                        + "Fix the statement and run the command again.");
        assertThat(project.heard)
                .containsExactly(
                        "starting 2_orders up",
                        "finished 2_orders up batch 2",
                        "starting 3_items up",
                        "finished 3_items up batch 2",
                        "starting 4_parts up");
    }

    @Test
    void afterTheRollbackTheSameBatchRunsAgainOnceFixed() throws SQLException {
        project.file("1_users", USERS).file("2_orders", ORDERS).file("3_items", BROKEN_PARTS);
        failure(Operation.migrate());

        project.file("3_items", ITEMS);
        project.run(Operation.migrate());

        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_orders batch 1", "3 3_items batch 1");
        assertThat(project.count("items")).isEqualTo(1);
    }

    @Test
    void theTrackingTableMadeForAFailedBatchIsRolledBackWithIt() throws SQLException {
        project.file("1_users", USERS).file("2_parts", BROKEN_PARTS);

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(project.tables()).isEmpty();
        assertThat(e.stillApplied()).isEmpty();
    }

    @Test
    void aTransactionFalseSectionCommitsWhatRanBeforeItAndItself() throws SQLException {
        project.file("1_users", USERS)
                .file("2_orders", """
                        -- migrate:up transaction:false
                        CREATE TABLE orders (id integer PRIMARY KEY, user_id integer);
                        INSERT INTO orders VALUES (1, 1);
                        -- migrate:down
                        DROP TABLE orders;
                        """)
                .file("3_items", ITEMS)
                .file("4_parts", BROKEN_PARTS);

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_orders batch 1");
        assertThat(project.tables()).containsExactlyInAnyOrder("cairn_migrations", "users", "orders");
        assertThat(project.count("orders")).isEqualTo(1);
        assertThat(e.stillApplied()).containsExactly("1_users (applied, batch 1)", "2_orders (applied, batch 1)");
        assertThat(e)
                .hasMessageEndingWith(NL
                        + "The transaction was rolled back, with 1 migration it held. Still applied and recorded,"
                        + " because a transaction:false section committed them: 1_users, 2_orders." + NL
                        + "Fix the statement and run the command again.");
    }

    @Test
    void aTransactionFalseSectionThatStopsPartWayIsRecordedAsIncompleteAndResumes() throws SQLException {
        String backfill = """
                -- migrate:up transaction:false
                INSERT INTO users VALUES (1, 'ada');
                INSERT INTO nowhere VALUES (2, 'bob');
                INSERT INTO users VALUES (3, 'cy');
                -- migrate:down
                DELETE FROM users;
                """;
        project.file("1_users", USERS).file("2_backfill", backfill);

        MigrationFailedException e = failure(Operation.migrate());

        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_backfill batch 1 incomplete up after 1");
        assertThat(project.historyRows().get(1).progress().statementsChecksum())
                .isEqualTo(Checksum.OfStatements.of(List.of("INSERT INTO users VALUES (1, 'ada')"), 1));
        assertThat(project.count("users")).isEqualTo(1);
        assertThat(e.statement()).isEqualTo(2);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.stillApplied())
                .containsExactly(
                        "1_users (applied, batch 1)",
                        "2_backfill: statement 1 of its up section (recorded as incomplete)");
        assertThat(e)
                .hasMessageContaining(NL + "Still applied and recorded: 1_users. The section is transaction:false, so"
                        + " each statement took effect as it ran: statement 1 of 2_backfill's up section ran and"
                        + " stays, and the tracking table records it as incomplete (`cairn status` shows it)." + NL
                        + "To go on: fix statement 2 and run `cairn migrate` again; it resumes with that statement")
                .hasMessageEndingWith(
                        " Or finish applying it by hand and run `cairn repair 2_backfill --finished-by-hand` to"
                                + " record it as applied; or undo what ran by hand and run `cairn repair --forget"
                                + " 2_backfill` to start it over.");

        project.file("2_backfill", backfill.replace("nowhere", "users"));
        project.heard.clear();
        project.run(Operation.migrate());

        // Statement 1 did not run again: its row would clash with the first.
        assertThat(project.count("users")).isEqualTo(3);
        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_backfill batch 2");
        assertThat(project.heard)
                .containsExactly("starting 2_backfill up after statement 1", "finished 2_backfill up batch 2");
    }

    @Test
    void aRollbackUndoesItsBatchAndForgetsItsRows() throws SQLException {
        project.file("1_users", USERS);
        project.run(Operation.migrate());
        project.file("2_orders", ORDERS).file("3_items", ITEMS);
        project.run(Operation.migrate());
        project.heard.clear();

        List<MigrationRun> runs = project.run(Operation.rollback());

        assertThat(runs)
                .extracting(MigrationRun::name, MigrationRun::direction, MigrationRun::batch)
                .containsExactly(tuple("3_items", Direction.DOWN, 2), tuple("2_orders", Direction.DOWN, 2));
        assertThat(project.rows()).containsExactly("1 1_users batch 1");
        assertThat(project.tables()).containsExactlyInAnyOrder("cairn_migrations", "users");
        assertThat(project.heard)
                .containsExactly(
                        "starting 3_items down",
                        "finished 3_items down batch 2",
                        "starting 2_orders down",
                        "finished 2_orders down batch 2");
    }

    @Test
    void aFailingDownSectionLeavesTheWholeBatchApplied() throws SQLException {
        project.file("1_users", USERS)
                .file("2_orders", ORDERS.replace("DROP TABLE orders;", "DROP TABLE orders;\nDROP TABLE nowhere;"))
                .file("3_items", ITEMS);
        project.run(Operation.migrate());

        MigrationFailedException e = failure(Operation.rollback());

        assertThat(project.rows()).containsExactly("1 1_users batch 1", "2 2_orders batch 1", "3 3_items batch 1");
        assertThat(project.tables()).containsExactlyInAnyOrder("cairn_migrations", "users", "orders", "items");
        assertThat(e.direction()).isEqualTo(Direction.DOWN);
        assertThat(e.stillApplied()).isEmpty();
        assertThat(e)
                .hasMessage("Migration 2_orders (down) failed at " + Path.of("migrations", "2_orders.sql") + ":6,"
                        + " statement 2: [SQLITE_ERROR] SQL error or missing database (no such table: nowhere)" + NL
                        + "The transaction was rolled back: the database is exactly as it was before this command." + NL
                        + "Fix the statement and run the command again.");
    }
}
