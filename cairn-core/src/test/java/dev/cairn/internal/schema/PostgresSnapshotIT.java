// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.SchemaSnapshot;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PostgresSchemaReader} on a real PostgreSQL: the conventions of {@link Snapshots} on a
 * realistic schema, and each change that {@code verify} must catch showing as exactly the object and
 * attribute that changed.
 */
class PostgresSnapshotIT {

    /** A small shop: every kind of object the reader records, in one statement each. */
    private static final List<String> SCHEMA = List.of(
            """
            CREATE TABLE customers (
                id bigserial PRIMARY KEY,
                email varchar(100) NOT NULL UNIQUE,
                name varchar(100),
                status text NOT NULL DEFAULT 'active',
                notes text,
                created_at timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT customers_status_check CHECK (status IN ('active', 'closed'))
            )""",
            """
            CREATE TABLE products (
                sku text PRIMARY KEY,
                id int GENERATED ALWAYS AS IDENTITY,
                price numeric(10,2) NOT NULL CHECK (price > 0),
                price_cents bigint GENERATED ALWAYS AS ((price * 100)::bigint) STORED
            )""",
            // A foreign key may reference a unique index that is no constraint: the index still shows.
            "CREATE UNIQUE INDEX products_id_idx ON products (id)",
            """
            CREATE TABLE order_lines (
                order_id bigint NOT NULL,
                line_no int NOT NULL,
                customer_id bigint REFERENCES customers (id) ON DELETE CASCADE,
                sku text REFERENCES products (sku) ON UPDATE SET NULL,
                product_id int REFERENCES products (id),
                quantity int NOT NULL DEFAULT 1,
                PRIMARY KEY (order_id, line_no),
                UNIQUE (order_id, sku)
            )""",
            "CREATE INDEX order_lines_customer_idx ON order_lines (customer_id)",
            "CREATE UNIQUE INDEX customers_lower_email_idx ON customers (lower(email))",
            "CREATE INDEX customers_recent_active_idx ON customers (created_at DESC) WHERE status = 'active'",
            "CREATE INDEX order_lines_sku_quantity_idx ON order_lines (sku, quantity DESC NULLS LAST)",
            "CREATE VIEW active_customers AS SELECT id, email FROM customers WHERE status = 'active'",
            "CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 10 MAXVALUE 999999 CYCLE",
            """
            CREATE FUNCTION stamp_created() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.created_at := now();
                RETURN NEW;
            END;
            $$""",
            "CREATE TRIGGER customers_stamp BEFORE INSERT OR UPDATE ON customers"
                    + " FOR EACH ROW EXECUTE FUNCTION stamp_created()",
            "CREATE FUNCTION line_total(quantity int, price numeric) RETURNS numeric LANGUAGE sql"
                    + " RETURN quantity * price",
            "CREATE PROCEDURE forget(customer bigint) LANGUAGE sql AS $$ DELETE FROM customers WHERE id = customer $$");

    private final List<TestDatabase> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestDatabase::close);
    }

    @Test
    void recordsEachKindOfObjectByTheSharedConventions() throws SQLException {
        TestDatabase db = database(SCHEMA);
        // Another schema is not the current one, so it is not read.
        db.execute("CREATE SCHEMA elsewhere");
        db.execute("CREATE TABLE elsewhere.customers (id int PRIMARY KEY, secret text)");

        List<String> lines = snapshot(db).text().lines().toList();

        assertThat(lines)
                .contains(
                        "table customers",
                        "table customers / column email: nullable=no; type=character varying(100)",
                        "table customers / column id: default=nextval('customers_id_seq'::regclass); nullable=no;"
                                + " type=bigint",
                        "table customers / column status: default='active'::text; nullable=no; type=text",
                        "table customers / primary key: columns=id",
                        "table customers / unique customers_email_key: columns=email",
                        "table customers / check customers_status_check:"
                                + " expression=((status = ANY (ARRAY['active'::text, 'closed'::text])))",
                        "table customers / index customers_lower_email_idx: columns=lower(email::text); unique=yes",
                        "table customers / index customers_recent_active_idx: columns=created_at desc; unique=no;"
                                + " where=status = 'active'::text",
                        "table order_lines / primary key: columns=order_id, line_no",
                        "table order_lines / unique order_lines_order_id_sku_key: columns=order_id, sku",
                        "table order_lines / foreign key order_lines_customer_id_fkey: columns=customer_id;"
                                + " on delete=cascade; on update=no action; references=customers(id)",
                        "table order_lines / foreign key order_lines_sku_fkey: columns=sku; on delete=no action;"
                                + " on update=set null; references=products(sku)",
                        "table order_lines / index order_lines_sku_quantity_idx: columns=sku, quantity desc nulls last;"
                                + " unique=no",
                        "table products / index products_id_idx: columns=id; unique=yes",
                        "table order_lines / foreign key order_lines_product_id_fkey: columns=product_id;"
                                + " on delete=no action; on update=no action; references=products(id)",
                        "table products / column id: identity=always; nullable=no; type=integer",
                        "table products / column price_cents: generated=((price * (100)::numeric))::bigint;"
                                + " nullable=yes;"
                                + " type=bigint",
                        "view active_customers: definition=SELECT customers.id, customers.email FROM customers"
                                + " WHERE customers.status = 'active'::text",
                        "sequence invoice_numbers: cycle=yes; increment=10; max=999999; min=1; start=1000",
                        "sequence customers_id_seq: cycle=no; increment=1; max=9223372036854775807; min=1; start=1",
                        "trigger customers_stamp: definition=CREATE TRIGGER customers_stamp BEFORE INSERT OR UPDATE"
                                + " ON customers FOR EACH ROW EXECUTE FUNCTION stamp_created(); event=insert or update;"
                                + " table=customers; timing=before",
                        "routine stamp_created(): definition=BEGIN NEW.created_at := now(); RETURN NEW; END;"
                                + " kind=function; returns=trigger",
                        "routine line_total(quantity integer, price numeric):"
                                + " definition=RETURN ((quantity)::numeric * price); kind=function; returns=numeric",
                        "routine forget(IN customer bigint): definition=DELETE FROM customers WHERE id = customer;"
                                + " kind=procedure");
        // Indexes behind a primary key or unique constraint show as the constraint; an identity
        // column's sequence shows as the column's identity; the other schema not at all.
        assertThat(lines)
                .noneMatch(line -> line.contains("_pkey")
                        || line.contains("index customers_email_key")
                        || line.contains("products_id_seq")
                        || line.contains("secret"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void namesExactlyWhatAChangeAltered(String change, String sql, String object, String attribute)
            throws SQLException {
        TestDatabase db = database(SCHEMA);
        SchemaSnapshot before = snapshot(db);

        db.execute(sql);

        assertThat(snapshot(db).since(before))
                .extracting(SchemaSnapshot.Difference::object, SchemaSnapshot.Difference::attribute)
                .containsExactly(tuple(object, attribute));
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(
                        "a dropped column",
                        "ALTER TABLE customers DROP COLUMN notes",
                        "table customers / column notes",
                        null),
                Arguments.of(
                        "a column type changed",
                        "ALTER TABLE customers ALTER COLUMN name TYPE text",
                        "table customers / column name",
                        "type"),
                Arguments.of(
                        "a default changed",
                        "ALTER TABLE customers ALTER COLUMN status SET DEFAULT 'closed'",
                        "table customers / column status",
                        "default"),
                Arguments.of(
                        "an index that came back non-unique",
                        "DROP INDEX customers_lower_email_idx;"
                                + " CREATE INDEX customers_lower_email_idx ON customers (lower(email))",
                        "table customers / index customers_lower_email_idx",
                        "unique"),
                Arguments.of(
                        "a dropped foreign key",
                        "ALTER TABLE order_lines DROP CONSTRAINT order_lines_sku_fkey",
                        "table order_lines / foreign key order_lines_sku_fkey",
                        null),
                Arguments.of("a dropped view", "DROP VIEW active_customers", "view active_customers", null),
                Arguments.of(
                        "a check constraint changed",
                        "ALTER TABLE customers DROP CONSTRAINT customers_status_check,"
                                + " ADD CONSTRAINT customers_status_check CHECK (status IN ('active', 'closed',"
                                + " 'held'))",
                        "table customers / check customers_status_check",
                        "expression"),
                Arguments.of(
                        "a sequence's increment changed",
                        "ALTER SEQUENCE invoice_numbers INCREMENT 1",
                        "sequence invoice_numbers",
                        "increment"),
                Arguments.of(
                        "a routine's body changed",
                        "CREATE OR REPLACE FUNCTION line_total(quantity int,"
                                + " price numeric) RETURNS numeric LANGUAGE sql RETURN quantity * price * 2",
                        "routine line_total(quantity integer, price numeric)",
                        "definition"));
    }

    @Test
    void aColumnTypeChangeShowsBothTypes() throws SQLException {
        TestDatabase db = database(SCHEMA);
        SchemaSnapshot before = snapshot(db);

        db.execute("ALTER TABLE customers ALTER COLUMN name TYPE text");

        assertThat(snapshot(db).since(before))
                .map(SchemaSnapshot.Difference::toString)
                .containsExactly("table customers / column name: type character varying(100) -> text");
    }

    @Test
    void theSameSchemaInAnotherDatabaseReadsTheSame() throws SQLException {
        TestDatabase first = database(SCHEMA);
        // Objects made and dropped first shift every OID of the second database's schema.
        List<String> shifted = new ArrayList<>(List.of(
                "CREATE TABLE scratch (id serial PRIMARY KEY, t text)",
                "CREATE INDEX scratch_t_idx ON scratch (t)",
                "DROP TABLE scratch"));
        shifted.addAll(SCHEMA);
        TestDatabase second = database(shifted);

        assertThat(snapshot(second).text()).isEqualTo(snapshot(first).text());
        assertThat(snapshot(second)).isEqualTo(snapshot(first));
    }

    @Test
    void leavesOutIgnoredTablesAndWhatTheyOwn() throws SQLException {
        List<String> statements = new ArrayList<>(SCHEMA);
        statements.addAll(List.of(
                "CREATE TABLE cairn_history (id serial PRIMARY KEY, version text UNIQUE, customer_id bigint"
                        + " REFERENCES customers (id), installed_on timestamptz DEFAULT now() CHECK (id > 0))",
                "CREATE INDEX cairn_history_installed_idx ON cairn_history (installed_on)",
                "CREATE TRIGGER cairn_history_stamp BEFORE INSERT ON cairn_history"
                        + " FOR EACH ROW EXECUTE FUNCTION stamp_created()"));
        TestDatabase db = database(statements);
        SchemaSnapshot withoutHistory = snapshot(database(SCHEMA));

        SchemaSnapshot snapshot = snapshot(db, Set.of("cairn_history"));

        assertThat(snapshot.text()).doesNotContain("cairn_history");
        assertThat(snapshot).isEqualTo(withoutHistory);
        assertThat(snapshot(db).text())
                .contains("table cairn_history", "sequence cairn_history_id_seq", "trigger cairn_history_stamp");
    }

    @Test
    void triggersOfOneNameOnSeveralTablesAreToldApartByTheirTable() throws SQLException {
        List<String> statements = new ArrayList<>(SCHEMA);
        statements.addAll(List.of(
                "CREATE TRIGGER stamp BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION stamp_created()",
                "CREATE TRIGGER stamp AFTER DELETE ON order_lines"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION stamp_created()"));

        List<String> lines = snapshot(database(statements)).text().lines().toList();

        assertThat(lines)
                .contains(
                        "trigger stamp on customers: definition=CREATE TRIGGER stamp BEFORE INSERT ON customers"
                                + " FOR EACH ROW EXECUTE FUNCTION stamp_created(); event=insert; table=customers;"
                                + " timing=before",
                        "trigger stamp on order_lines: definition=CREATE TRIGGER stamp AFTER DELETE ON order_lines"
                                + " FOR EACH STATEMENT EXECUTE FUNCTION stamp_created(); event=delete;"
                                + " table=order_lines;"
                                + " timing=after");
        assertThat(lines).anyMatch(line -> line.startsWith("trigger customers_stamp: "));
    }

    private TestDatabase database(List<String> statements) {
        TestDatabase db = TestDatabase.create(Engine.POSTGRESQL);
        databases.add(db);
        statements.forEach(db::execute);
        return db;
    }

    private static SchemaSnapshot snapshot(TestDatabase db) throws SQLException {
        return snapshot(db, Set.of());
    }

    private static SchemaSnapshot snapshot(TestDatabase db, Set<String> ignoredTables) throws SQLException {
        try (Connection connection = db.connect()) {
            return new PostgresSchemaReader().read(connection, ignoredTables);
        }
    }
}
