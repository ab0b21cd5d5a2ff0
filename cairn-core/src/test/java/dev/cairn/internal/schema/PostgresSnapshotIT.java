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
    static final List<String> SCHEMA = List.of(
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
                product_id int REFERENCES products (id) DEFERRABLE INITIALLY DEFERRED,
                quantity int NOT NULL DEFAULT 1,
                PRIMARY KEY (order_id, line_no),
                UNIQUE (order_id, sku)
            )""",
            "CREATE INDEX order_lines_customer_idx ON order_lines (customer_id)",
            "CREATE UNIQUE INDEX customers_lower_email_idx ON customers (lower(email))",
            "CREATE INDEX customers_recent_active_idx ON customers (created_at DESC) WHERE status = 'active'",
            "CREATE INDEX order_lines_sku_quantity_idx ON order_lines (sku, quantity DESC NULLS LAST)",
            "CREATE INDEX order_lines_sku_hash_idx ON order_lines USING hash (sku)",
            "CREATE INDEX products_price_idx ON products (price) INCLUDE (sku)",
            "CREATE VIEW active_customers AS SELECT id, email FROM customers WHERE status = 'active'",
            "CREATE MATERIALIZED VIEW customer_counts AS SELECT status, count(*) AS n FROM customers GROUP BY status",
            "CREATE UNIQUE INDEX customer_counts_status_idx ON customer_counts (status)",
            // An extension's own functions, types and operators are its: only the extension shows.
            "CREATE EXTENSION citext",
            "CREATE TYPE order_state AS ENUM ('open', 'paid', 'shipped')",
            "CREATE TYPE amount AS (currency char(3), cents bigint)",
            "CREATE DOMAIN quantity AS int NOT NULL DEFAULT 1 CHECK (VALUE > 0) CHECK (VALUE < 1000)",
            "CREATE TYPE price_range AS RANGE (subtype = numeric)",
            "ALTER TABLE customers ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY customers_active ON customers FOR SELECT USING (status = 'active')",
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
            "CREATE TRIGGER order_lines_audit AFTER INSERT OR DELETE ON order_lines"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION stamp_created()",
            "CREATE FUNCTION line_total(quantity int, price numeric) RETURNS numeric LANGUAGE sql"
                    + " RETURN quantity * price",
            "CREATE PROCEDURE forget(customer bigint) LANGUAGE sql AS $$ DELETE FROM customers WHERE id = customer $$");

    /** The clauses of triggers, routines and constraints that are read apart, beyond {@link #SCHEMA}. */
    static final List<String> CLAUSES = List.of(
            "CREATE TRIGGER customers_changed BEFORE UPDATE OF status, email ON customers FOR EACH ROW"
                    + " WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION stamp_created('a', 'b c')",
            "CREATE CONSTRAINT TRIGGER order_lines_check AFTER INSERT ON order_lines"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stamp_created()",
            "CREATE TRIGGER order_lines_added AFTER INSERT ON order_lines REFERENCING NEW TABLE AS added"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION stamp_created()",
            "ALTER TABLE order_lines DISABLE TRIGGER order_lines_added",
            "CREATE FUNCTION cents(amount numeric) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
                    + " SET search_path = public AS 'SELECT (amount * 100)::bigint'",
            "CREATE AGGREGATE total(numeric) (sfunc = numeric_add, stype = numeric, initcond = '0')",
            // btree_gist lets a gist index compare the integer room with =.
            "CREATE EXTENSION btree_gist",
            "CREATE TABLE rooms (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&)"
                    + " DEFERRABLE)");

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
                "table customers: column order=id, email, name, status, notes, created_at;"
                        + " row level security=enabled",
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
                "table customers / policy customers_active: command=select; roles=public;"
                        + " using=status = 'active'::text",
                "table order_lines: column order=order_id, line_no, customer_id, sku, product_id, quantity",
                "table order_lines / primary key: columns=order_id, line_no",
                "table order_lines / unique order_lines_order_id_sku_key: columns=order_id, sku",
                "table order_lines / foreign key order_lines_customer_id_fkey: columns=customer_id;"
                        + " on delete=cascade; on update=no action; references=customers(id)",
                "table order_lines / foreign key order_lines_sku_fkey: columns=sku; on delete=no action;"
                        + " on update=set null; references=products(sku)",
                "table order_lines / index order_lines_customer_idx: columns=customer_id; unique=no",
                "table order_lines / index order_lines_sku_hash_idx: columns=sku; method=hash; unique=no",
                "table order_lines / index order_lines_sku_quantity_idx: columns=sku, quantity desc nulls last;"
                        + " unique=no",
                "table products: column order=sku, id, price, price_cents",
                "table products / index products_id_idx: columns=id; unique=yes",
                "table products / index products_price_idx: columns=price; include=sku; unique=no",
                "table order_lines / foreign key order_lines_product_id_fkey: columns=product_id;"
                        + " deferrable=initially deferred; on delete=no action; on update=no action;"
                        + " references=products(id)",
                "table products / column id: identity=always; nullable=no; type=integer",
                "table products / column price_cents: generated=((price * (100)::numeric))::bigint;"
                        + " nullable=yes;"
                        + " type=bigint",
                "view active_customers: definition=SELECT customers.id, customers.email FROM customers"
                        + " WHERE customers.status = 'active'::text",
                "materialized view customer_counts: definition=SELECT customers.status, count(*) AS n"
                        + " FROM customers GROUP BY customers.status",
                "materialized view customer_counts / index customer_counts_status_idx: columns=status; unique=yes",
                "sequence invoice_numbers: cycle=yes; increment=10; max=999999; min=1; start=1000; type=bigint",
                "sequence customers_id_seq: cycle=no; increment=1; max=9223372036854775807; min=1;"
                        + " owned by=customers.id; start=1; type=bigint",
                "trigger customers_stamp: events=insert or update; function=stamp_created(); level=row;"
                        + " table=customers; timing=before",
                "trigger order_lines_audit: events=insert or delete; function=stamp_created(); level=statement;"
                        + " table=order_lines; timing=after",
                "routine stamp_created(): body=BEGIN NEW.created_at := now(); RETURN NEW; END;"
                        + " kind=function; language=plpgsql; returns=trigger; volatility=volatile",
                "routine line_total(quantity integer, price numeric): body=RETURN ((quantity)::numeric * price);"
                        + " kind=function; language=sql; returns=numeric; volatility=volatile",
                "routine forget(IN customer bigint): body=DELETE FROM customers WHERE id = customer;"
                        + " kind=procedure; language=sql",
                // plpgsql is in every new database, on both sides of any comparison.
                "extension plpgsql: schema=pg_catalog; version=1.0",
                "extension citext: schema=public; version=1.6",
                "type order_state: kind=enum; values='open', 'paid', 'shipped'",
                "type amount: attributes=currency character(3), cents bigint; kind=composite",
                "type quantity: base type=integer; check=((VALUE < 1000)); ((VALUE > 0)); default=1; kind=domain;"
                        + " nullable=no",
                "type price_range: kind=range; subtype=numeric");
    }

    // Indexes behind a primary key or unique constraint show as the constraint; an identity
    // column's sequence shows as the column's identity; the other schema not at all. Nor do what
    // an extension or a type made along with itself: citext's type and functions, array and row
    // types, a range's multirange and constructors.
    @Override
    List<String> leftOut() {
        return List.of(
                "_pkey",
                "index customers_email_key",
                "products_id_seq",
                "secret",
                "type citext",
                "routine citext",
                "type _",
                "type customers",
                "type customer_counts",
                "multirange",
                "routine price_range");
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
                        tuple("table customers", "column order"),
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
                        tuple("routine line_total(quantity integer, price numeric)", "body")),
                // What a down that does not quite undo its up leaves behind, each exactly as verify shows it.
                showing(
                        "a column dropped and added again, at the end",
                        List.of(
                                "ALTER TABLE customers DROP COLUMN notes",
                                "ALTER TABLE customers ADD COLUMN notes text"),
                        "table customers: column order id, email, name, status, notes, created_at"
                                + " -> id, email, name, status, created_at, notes"),
                showing(
                        "an enum value added and not removed",
                        List.of("ALTER TYPE order_state ADD VALUE 'cancelled'"),
                        "type order_state: values 'open', 'paid', 'shipped' -> 'open', 'paid', 'shipped', 'cancelled'"),
                showing(
                        "an extension created if not there and not dropped",
                        List.of("CREATE EXTENSION IF NOT EXISTS pg_trgm", "CREATE EXTENSION IF NOT EXISTS citext"),
                        "extension pg_trgm: added (schema=public; version=1.6)"),
                showing(
                        "a statement trigger restored for each row",
                        List.of(
                                "DROP TRIGGER order_lines_audit ON order_lines",
                                "CREATE TRIGGER order_lines_audit AFTER INSERT OR DELETE ON order_lines"
                                        + " FOR EACH ROW EXECUTE FUNCTION stamp_created()"),
                        "trigger order_lines_audit: level statement -> row"),
                showing(
                        "a trigger function restored with another body",
                        List.of("CREATE OR REPLACE FUNCTION stamp_created() RETURNS trigger LANGUAGE plpgsql AS $$"
                                + " BEGIN NEW.created_at := clock_timestamp(); RETURN NEW; END; $$"),
                        "routine stamp_created(): body BEGIN NEW.created_at := now(); RETURN NEW; END"
                                + " -> BEGIN NEW.created_at := clock_timestamp(); RETURN NEW; END"),
                showing(
                        "a function made stable and security definer",
                        List.of("ALTER FUNCTION line_total(int, numeric) STABLE SECURITY DEFINER"),
                        "routine line_total(quantity integer, price numeric): security (none) -> definer",
                        "routine line_total(quantity integer, price numeric): volatility volatile -> stable"),
                showing(
                        "a materialized view not dropped",
                        List.of("CREATE MATERIALIZED VIEW product_prices AS SELECT sku, price FROM products"),
                        "materialized view product_prices: added (definition=SELECT products.sku, products.price"
                                + " FROM products)"),
                showing(
                        "a materialized view restored without its index",
                        List.of(
                                "DROP MATERIALIZED VIEW customer_counts",
                                "CREATE MATERIALIZED VIEW customer_counts AS SELECT status, count(*) AS n"
                                        + " FROM customers GROUP BY status"),
                        "materialized view customer_counts / index customer_counts_status_idx:"
                                + " missing (was columns=status; unique=yes)"),
                showing(
                        "a foreign key restored not deferrable",
                        List.of("ALTER TABLE order_lines ALTER CONSTRAINT order_lines_product_id_fkey NOT DEFERRABLE"),
                        "table order_lines / foreign key order_lines_product_id_fkey:"
                                + " deferrable initially deferred -> (none)"),
                showing(
                        "an index restored without its INCLUDE",
                        List.of("DROP INDEX products_price_idx", "CREATE INDEX products_price_idx ON products (price)"),
                        "table products / index products_price_idx: include sku -> (none)"),
                showing(
                        "a hash index restored as a btree",
                        List.of(
                                "DROP INDEX order_lines_sku_hash_idx",
                                "CREATE INDEX order_lines_sku_hash_idx ON order_lines (sku)"),
                        "table order_lines / index order_lines_sku_hash_idx: method hash -> (none)"),
                showing(
                        "a serial's sequence no longer owned by its column",
                        List.of("ALTER SEQUENCE customers_id_seq OWNED BY NONE"),
                        "sequence customers_id_seq: owned by customers.id -> (none)"),
                showing(
                        "a domain's check not dropped",
                        List.of("ALTER DOMAIN quantity ADD CHECK (VALUE <> 13)"),
                        "type quantity: check ((VALUE < 1000)); ((VALUE > 0)) -> ((VALUE < 1000)); ((VALUE <> 13));"
                                + " ((VALUE > 0))"),
                showing(
                        "row level security left on",
                        List.of("ALTER TABLE products ENABLE ROW LEVEL SECURITY"),
                        "table products: row level security (none) -> enabled"),
                showing(
                        "a policy restored for every command",
                        List.of(
                                "DROP POLICY customers_active ON customers",
                                "CREATE POLICY customers_active ON customers USING (status = 'active')"),
                        "table customers / policy customers_active: command select -> all"));
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
                        "trigger stamp on customers: events=insert; function=stamp_created(); level=row;"
                                + " table=customers; timing=before",
                        "trigger stamp on order_lines: events=delete; function=stamp_created(); level=statement;"
                                + " table=order_lines; timing=after");
        assertThat(lines).anyMatch(line -> line.startsWith("trigger customers_stamp: "));
    }

    @Test
    void recordsEachClauseOfATriggerAndARoutineApart() throws SQLException {
        List<String> statements = new ArrayList<>(SCHEMA);
        statements.addAll(CLAUSES);

        List<String> lines = lines(read(database(statements)));

        assertThat(lines)
                .contains(
                        "trigger customers_changed: events=update of email, status; function=stamp_created('a', 'b c');"
                                + " level=row; table=customers; timing=before; when=old.* IS DISTINCT FROM new.*",
                        "trigger order_lines_check: constraint=yes; deferrable=initially deferred; events=insert;"
                                + " function=stamp_created(); level=row; table=order_lines; timing=after",
                        "trigger order_lines_added: enabled=no; events=insert; function=stamp_created();"
                                + " level=statement; referencing=new table as added; table=order_lines; timing=after",
                        "routine cents(amount numeric): body=SELECT (amount * 100)::bigint; kind=function;"
                                + " language=sql; parallel=safe; returns=bigint; set=search_path=public; strict=yes;"
                                + " volatility=immutable",
                        "routine total(numeric): initial state=0; kind=aggregate; returns=numeric;"
                                + " state function=numeric_add; state type=numeric",
                        "table rooms / exclude rooms_room_during_excl: deferrable=initially immediate;"
                                + " definition=USING gist (room WITH =, during WITH &&)");
    }
}
