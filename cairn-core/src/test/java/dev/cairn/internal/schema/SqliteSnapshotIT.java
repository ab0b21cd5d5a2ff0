// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.SchemaSnapshotScenario.Change.naming;
import static dev.cairn.internal.schema.SchemaSnapshotScenario.Change.showing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.SchemaSnapshot.Difference;
import dev.cairn.testing.Engine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link SqliteSchemaReader} on a real SQLite file, through {@link SchemaSnapshotScenario}. SQLite
 * changes most things by rebuilding the table, so most changes also show in the table's
 * {@code definition}.
 */
class SqliteSnapshotIT extends SchemaSnapshotScenario {

    private static final String CUSTOMERS = """
            CREATE TABLE customers (
                id INTEGER PRIMARY KEY,
                email VARCHAR(100) NOT NULL UNIQUE,
                name VARCHAR(100),
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
                notes TEXT,
                created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
            )""";
    private static final List<String> CUSTOMERS_DEPENDENTS = List.of(
            "CREATE UNIQUE INDEX customers_lower_email_idx ON customers (lower(email))",
            "CREATE INDEX customers_recent_active_idx ON customers (created_at DESC) WHERE status = 'active'",
            "CREATE VIEW active_customers AS SELECT id, email FROM customers WHERE status = 'active'",
            """
            CREATE TRIGGER customers_closed AFTER UPDATE OF status ON customers
            WHEN NEW.status = 'closed'
            BEGIN
                UPDATE customers SET notes = 'closed on ' || CURRENT_TIMESTAMP WHERE id = NEW.id;
            END""");
    private static final String ORDER_LINES = """
            CREATE TABLE order_lines (
                order_id INTEGER NOT NULL,
                line_no INTEGER NOT NULL,
                customer_id INTEGER REFERENCES customers ON DELETE CASCADE,
                sku TEXT,
                quantity INTEGER NOT NULL DEFAULT 1,
                sku_upper TEXT AS (upper(sku)) STORED,
                PRIMARY KEY (order_id, line_no),
                UNIQUE (order_id, sku)
            )""";
    private static final List<String> ORDER_LINES_DEPENDENTS = List.of(
            "CREATE INDEX order_lines_customer_idx ON order_lines (customer_id)",
            "CREATE INDEX order_lines_sku_quantity_idx ON order_lines (sku, quantity DESC)",
            "CREATE INDEX order_lines_mixed_idx ON order_lines (coalesce(sku, 'none') DESC, quantity)",
            """
            CREATE TRIGGER order_lines_guard INSERT ON order_lines
            BEGIN
                SELECT RAISE(ABORT, 'negative quantity') WHERE NEW.quantity < 0;
            END""",
            // Keywords where the tokenizer must not take them as such: in a quoted name, a comment, a string.
            """
            CREATE TRIGGER "order_lines ""keep\"\"" BEFORE DELETE ON order_lines FOR EACH ROW -- no BEGIN here
            WHEN OLD.quantity > 0 BEGIN SELECT 'END; BEGIN' /* END */; END""");
    private static final String SHIPMENTS = """
            CREATE TABLE shipments (
                id INTEGER PRIMARY KEY,
                order_id INTEGER NOT NULL,
                line_no INTEGER NOT NULL,
                FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no) ON UPDATE CASCADE
                    DEFERRABLE INITIALLY DEFERRED
            )""";

    @Override
    Engine engine() {
        return Engine.SQLITE;
    }

    @Override
    SchemaReader reader() {
        return new SqliteSchemaReader();
    }

    /** The whole schema, table by table, each followed by what depends on it. */
    @Override
    List<String> schema() {
        List<String> statements = new ArrayList<>();
        statements.add(CUSTOMERS);
        statements.addAll(CUSTOMERS_DEPENDENTS);
        statements.add(ORDER_LINES);
        statements.addAll(ORDER_LINES_DEPENDENTS);
        statements.add(SHIPMENTS);
        return statements;
    }

    @Override
    List<String> expectedLines() {
        return List.of(
                "table customers: column order=id, email, name, status, notes, created_at;"
                        + " definition=CREATE TABLE customers ( id INTEGER PRIMARY KEY,"
                        + " email VARCHAR(100) NOT NULL UNIQUE, name VARCHAR(100),"
                        + " status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),"
                        + " notes TEXT, created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP )",
                "table customers / column email: nullable=no; type=varchar(100)",
                "table customers / column status: default='active'; nullable=no; type=text",
                "table customers / column created_at: default=CURRENT_TIMESTAMP; nullable=no; type=text",
                "table customers / primary key: columns=id",
                "table customers / unique customers_email_key: columns=email",
                "table customers / index customers_lower_email_idx: columns=lower(email); unique=yes",
                "table customers / index customers_recent_active_idx: columns=created_at desc; unique=no;"
                        + " where=status = 'active'",
                "table order_lines / primary key: columns=order_id, line_no",
                "table order_lines / unique order_lines_order_id_sku_key: columns=order_id, sku",
                "table order_lines / foreign key order_lines_customer_id_fkey: columns=customer_id;"
                        + " on delete=cascade; on update=no action; references=customers(id)",
                "table order_lines / index order_lines_customer_idx: columns=customer_id; unique=no",
                "table order_lines / index order_lines_sku_quantity_idx: columns=sku, quantity desc; unique=no",
                "table order_lines / index order_lines_mixed_idx: columns=coalesce(sku, 'none') desc, quantity;"
                        + " unique=no",
                "table order_lines / column sku_upper: generated=upper(sku); nullable=yes; storage=stored;"
                        + " type=text",
                "table shipments / foreign key shipments_order_id_line_no_fkey: columns=order_id, line_no;"
                        + " deferrable=initially deferred; on delete=no action; on update=cascade;"
                        + " references=order_lines(order_id, line_no)",
                "view active_customers: definition=CREATE VIEW active_customers AS SELECT id, email FROM"
                        + " customers"
                        + " WHERE status = 'active'",
                "trigger customers_closed: body=UPDATE customers SET notes = 'closed on ' || CURRENT_TIMESTAMP"
                        + " WHERE id = NEW.id; events=update of status; level=row; table=customers; timing=after;"
                        + " when=NEW.status = 'closed'",
                // Without BEFORE, AFTER or INSTEAD OF, a trigger fires before.
                "trigger order_lines_guard: body=SELECT RAISE(ABORT, 'negative quantity') WHERE NEW.quantity < 0;"
                        + " events=insert; level=row; table=order_lines; timing=before",
                "trigger order_lines \"keep\": body=SELECT 'END; BEGIN' /* END */; events=delete; level=row;"
                        + " table=order_lines; timing=before; when=OLD.quantity > 0");
    }

    // The indexes behind the primary keys and UNIQUE constraints show only as the constraints.
    @Override
    List<String> leftOut() {
        return List.of("sqlite_autoindex");
    }

    @Override
    List<Change> changes() {
        return List.of(
                naming(
                        "a dropped column",
                        List.of("ALTER TABLE customers DROP COLUMN name"),
                        tuple("table customers", "column order"),
                        tuple("table customers", "definition"),
                        tuple("table customers / column name", null)),
                naming(
                        "a column type changed",
                        rebuildCustomers("name VARCHAR(100)", "name TEXT"),
                        tuple("table customers", "definition"),
                        tuple("table customers / column name", "type")),
                naming(
                        "a default changed",
                        rebuildCustomers("DEFAULT 'active'", "DEFAULT 'closed'"),
                        tuple("table customers", "definition"),
                        tuple("table customers / column status", "default")),
                naming(
                        "an index that came back non-unique",
                        List.of(
                                "DROP INDEX customers_lower_email_idx",
                                "CREATE INDEX customers_lower_email_idx ON customers (lower(email))"),
                        tuple("table customers / index customers_lower_email_idx", "unique")),
                naming(
                        "a dropped foreign key",
                        List.of("DROP TABLE shipments", SHIPMENTS.replaceAll("(?s),\\s*FOREIGN KEY.*DEFERRED", "")),
                        tuple("table shipments", "definition"),
                        tuple("table shipments / foreign key shipments_order_id_line_no_fkey", null)),
                // SQLite cannot put a column back in its place: the order differs, and the text, to which
                // SQLite appends the column.
                showing(
                        "a column dropped and re-added last",
                        List.of(
                                "ALTER TABLE customers DROP COLUMN name",
                                "ALTER TABLE customers ADD COLUMN name" + " VARCHAR(100)"),
                        "table customers: column order id, email, name, status, notes, created_at"
                                + " -> id, email, status, notes, created_at, name",
                        "table customers: definition " + Snapshots.normalised(CUSTOMERS) + " -> "
                                + Snapshots.normalised(CUSTOMERS
                                        .replace("    name VARCHAR(100),\n", "")
                                        .replace("CURRENT_TIMESTAMP\n)", "CURRENT_TIMESTAMP\n, name VARCHAR(100))"))),
                showing(
                        "a trigger body restored differently",
                        List.of(
                                "DROP TRIGGER order_lines_guard",
                                "CREATE TRIGGER order_lines_guard INSERT ON order_lines BEGIN"
                                        + " SELECT RAISE(ABORT, 'negative quantity') WHERE NEW.quantity <= 0; END"),
                        "trigger order_lines_guard: body SELECT RAISE(ABORT, 'negative quantity')"
                                + " WHERE NEW.quantity < 0 -> SELECT RAISE(ABORT, 'negative quantity')"
                                + " WHERE NEW.quantity <= 0"),
                showing(
                        "a trigger restored without UPDATE OF and WHEN",
                        List.of(
                                "DROP TRIGGER customers_closed",
                                "CREATE TRIGGER customers_closed AFTER UPDATE ON customers BEGIN UPDATE customers"
                                        + " SET notes = 'closed on ' || CURRENT_TIMESTAMP WHERE id = NEW.id; END"),
                        "trigger customers_closed: events update of status -> update",
                        "trigger customers_closed: when NEW.status = 'closed' -> (none)"),
                showing(
                        "a foreign key restored not deferrable",
                        List.of("DROP TABLE shipments", SHIPMENTS.replace(" DEFERRABLE INITIALLY DEFERRED", "")),
                        "table shipments: definition " + Snapshots.normalised(SHIPMENTS) + " -> "
                                + Snapshots.normalised(SHIPMENTS.replace(" DEFERRABLE INITIALLY DEFERRED", "")),
                        "table shipments / foreign key shipments_order_id_line_no_fkey: deferrable initially deferred"
                                + " -> (none)"),
                naming("a dropped view", List.of("DROP VIEW active_customers"), tuple("view active_customers", null)),
                // SQLite keeps a check only in the table's text, so that is where the change shows.
                naming(
                        "a check constraint changed",
                        rebuildCustomers("('active', 'closed')", "('active', 'closed', 'held')"),
                        tuple("table customers", "definition")));
    }

    /**
     * Drops customers and makes it again with {@code from} replaced by {@code to}, as SQLite has no
     * ALTER COLUMN; its indexes, view and trigger come back as they were. The table is empty, so
     * nothing is copied.
     */
    private static List<String> rebuildCustomers(String from, String to) {
        assertThat(CUSTOMERS).contains(from);
        List<String> statements = new ArrayList<>(
                List.of("DROP VIEW active_customers", "DROP TABLE customers", CUSTOMERS.replace(from, to)));
        statements.addAll(CUSTOMERS_DEPENDENTS);
        return statements;
    }

    @Override
    Change columnTypeChange() {
        return showing(
                "a column type changed",
                rebuildCustomers("name VARCHAR(100)", "name TEXT"),
                "table customers / column name: type varchar(100) -> text");
    }

    @Override
    boolean comesWithEveryTableChange(Difference difference) {
        return difference.object().startsWith("table ")
                && !difference.object().contains(" / ")
                && "definition".equals(difference.attribute());
    }

    // The same schema, the tables the other way round (SQLite lets a foreign key name a table
    // that comes later), after a table that takes the first rowids of sqlite_master and is dropped.
    @Override
    List<String> schemaMadeAnotherWay() {
        List<String> reordered = new ArrayList<>(List.of(
                "CREATE TABLE scratch (id INTEGER PRIMARY KEY, t TEXT)",
                "CREATE INDEX scratch_t_idx ON scratch (t)",
                "DROP TABLE scratch",
                SHIPMENTS,
                ORDER_LINES));
        List<String> dependents = new ArrayList<>(ORDER_LINES_DEPENDENTS);
        Collections.reverse(dependents);
        reordered.addAll(dependents);
        reordered.add(CUSTOMERS);
        reordered.addAll(CUSTOMERS_DEPENDENTS);
        return reordered;
    }

    @Override
    List<String> ignoredTable() {
        return List.of(
                "CREATE TABLE cairn_history (id INTEGER PRIMARY KEY AUTOINCREMENT, version TEXT UNIQUE,"
                        + " customer_id INTEGER REFERENCES customers (id), installed_on TEXT CHECK (id > 0))",
                "CREATE INDEX cairn_history_installed_idx ON cairn_history (installed_on)",
                "CREATE TRIGGER cairn_history_stamp AFTER INSERT ON cairn_history BEGIN"
                        + " UPDATE cairn_history SET installed_on = CURRENT_TIMESTAMP WHERE id = NEW.id; END",
                "INSERT INTO cairn_history (version) VALUES ('1')");
    }

    @Override
    List<String> ignoredTableShows() {
        return List.of("table cairn_history", "trigger cairn_history_stamp");
    }

    @Override
    List<String> ignoredTableTraces() {
        return List.of("sqlite_");
    }
}
