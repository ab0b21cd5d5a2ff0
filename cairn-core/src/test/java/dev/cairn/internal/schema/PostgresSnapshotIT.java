// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.SchemaSnapshotScenario.Change.naming;
import static dev.cairn.internal.schema.SchemaSnapshotScenario.Change.showing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.testing.Engine;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PostgresSchemaReader} on a real PostgreSQL, through {@link SchemaSnapshotScenario}; and
 * triggers of one name on several tables, which only PostgreSQL allows.
 */
class PostgresSnapshotIT extends SchemaSnapshotScenario {

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

    private static final List<String> NAME_BECOMES_TEXT = List.of("ALTER TABLE customers ALTER COLUMN name TYPE text");

    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    SchemaReader reader() {
        return new PostgresSchemaReader();
    }

    @Override
    List<String> schema() {
        return SCHEMA;
    }

    @Override
    List<String> expectedLines() {
        return List.of(
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
                "table order_lines / index order_lines_customer_idx: columns=customer_id; unique=no",
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
    }

    // Indexes behind a primary key or unique constraint show as the constraint; an identity
    // column's sequence shows as the column's identity; the other schema not at all.
    @Override
    List<String> leftOut() {
        return List.of("_pkey", "index customers_email_key", "products_id_seq", "secret");
    }

    // Another schema is not the current one, so it is not read.
    @Override
    List<String> besideTheSchema() {
        return List.of("CREATE SCHEMA elsewhere", "CREATE TABLE elsewhere.customers (id int PRIMARY KEY, secret text)");
    }

    @Override
    List<Change> changes() {
        return List.of(
                naming(
                        "a dropped column",
                        List.of("ALTER TABLE customers DROP COLUMN notes"),
                        tuple("table customers / column notes", null)),
                naming("a column type changed", NAME_BECOMES_TEXT, tuple("table customers / column name", "type")),
                naming(
                        "a default changed",
                        List.of("ALTER TABLE customers ALTER COLUMN status SET DEFAULT 'closed'"),
                        tuple("table customers / column status", "default")),
                naming(
                        "an index that came back non-unique",
                        List.of("DROP INDEX customers_lower_email_idx;"
                                + " CREATE INDEX customers_lower_email_idx ON customers (lower(email))"),
                        tuple("table customers / index customers_lower_email_idx", "unique")),
                naming(
                        "a dropped foreign key",
                        List.of("ALTER TABLE order_lines DROP CONSTRAINT order_lines_sku_fkey"),
                        tuple("table order_lines / foreign key order_lines_sku_fkey", null)),
                naming("a dropped view", List.of("DROP VIEW active_customers"), tuple("view active_customers", null)),
                naming(
                        "a check constraint changed",
                        List.of("ALTER TABLE customers DROP CONSTRAINT customers_status_check,"
                                + " ADD CONSTRAINT customers_status_check CHECK (status IN ('active', 'closed',"
                                + " 'held'))"),
                        tuple("table customers / check customers_status_check", "expression")),
                naming(
                        "a sequence's increment changed",
                        List.of("ALTER SEQUENCE invoice_numbers INCREMENT 1"),
                        tuple("sequence invoice_numbers", "increment")),
                naming(
                        "a routine's body changed",
                        List.of("CREATE OR REPLACE FUNCTION line_total(quantity int,"
                                + " price numeric) RETURNS numeric LANGUAGE sql RETURN quantity * price * 2"),
                        tuple("routine line_total(quantity integer, price numeric)", "definition")));
    }

    @Override
    Change columnTypeChange() {
        return showing(
                "a column type changed",
                NAME_BECOMES_TEXT,
                "table customers / column name: type character varying(100) -> text");
    }

    // Objects made and dropped first shift every OID of the second database's schema.
    @Override
    List<String> schemaMadeAnotherWay() {
        List<String> shifted = new ArrayList<>(List.of(
                "CREATE TABLE scratch (id serial PRIMARY KEY, t text)",
                "CREATE INDEX scratch_t_idx ON scratch (t)",
                "DROP TABLE scratch"));
        shifted.addAll(SCHEMA);
        return shifted;
    }

    @Override
    List<String> ignoredTable() {
        return List.of(
                "CREATE TABLE cairn_history (id serial PRIMARY KEY, version text UNIQUE, customer_id bigint"
                        + " REFERENCES customers (id), installed_on timestamptz DEFAULT now() CHECK (id > 0))",
                "CREATE INDEX cairn_history_installed_idx ON cairn_history (installed_on)",
                "CREATE TRIGGER cairn_history_stamp BEFORE INSERT ON cairn_history"
                        + " FOR EACH ROW EXECUTE FUNCTION stamp_created()");
    }

    @Override
    List<String> ignoredTableShows() {
        return List.of("table cairn_history", "sequence cairn_history_id_seq", "trigger cairn_history_stamp");
    }

    @Test
    void triggersOfOneNameOnSeveralTablesAreToldApartByTheirTable() throws SQLException {
        List<String> statements = new ArrayList<>(SCHEMA);
        statements.addAll(List.of(
                "CREATE TRIGGER stamp BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION stamp_created()",
                "CREATE TRIGGER stamp AFTER DELETE ON order_lines"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION stamp_created()"));

        List<String> lines = lines(read(database(statements)));

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
}
