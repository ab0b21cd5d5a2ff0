// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.SchemaSnapshot;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PostgresSchemaWatch} on a real PostgreSQL: after each step of a schema's life, a read equals
 * a whole read, whether the watch read a part (the usual migrations, which is what makes verify fast)
 * or had to read it all (renames, other schemas, a changed search path, inheritance, a rollback).
 */
class PostgresSchemaWatchIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final PostgresSchemaReader reader = new PostgresSchemaReader();

    /** A step of a schema's life, and whether the watch can read after it without reading everything. */
    private record Step(String description, boolean partial, List<String> statements) {}

    /** Migrations as projects write them: each is read in part. */
    private static final List<Step> USUAL = List.of(
            new Step("a table with a serial key", true, List.of("""
                    CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE,
                                            status text DEFAULT 'active')""")),
            new Step("a table with a foreign key", true, List.of("""
                    CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id),
                                         note text CHECK (note <> ''))""")),
            new Step("an index", true, List.of("CREATE INDEX orders_customer ON orders (customer_id)")),
            new Step("a view", true, List.of("""
                    CREATE VIEW customer_orders AS
                    SELECT o.id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id""")),
            new Step(
                    "a column with a default",
                    true,
                    List.of("ALTER TABLE orders ADD COLUMN total numeric(10,2) NOT NULL DEFAULT 0")),
            new Step("a default changed", true, List.of("ALTER TABLE customers ALTER COLUMN status SET DEFAULT 'new'")),
            new Step("a foreign key added", true, List.of("""
                    ALTER TABLE orders ADD COLUMN referrer int,
                        ADD CONSTRAINT orders_referrer FOREIGN KEY (referrer) REFERENCES customers (id)""")),
            new Step(
                    "a trigger and its function",
                    true,
                    List.of(
                            """
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN NEW.note := coalesce(NEW.note, 'x'); RETURN NEW; END $$""",
                            "CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW"
                                    + " EXECUTE FUNCTION touch()")),
            new Step(
                    "an enum and a column of it",
                    true,
                    List.of("CREATE TYPE mood AS ENUM ('calm', 'busy')", "ALTER TABLE customers ADD COLUMN mood mood")),
            new Step("a comment, which no snapshot holds", true, List.of("COMMENT ON TABLE orders IS 'orders'")),
            new Step("a column dropped", true, List.of("ALTER TABLE orders DROP COLUMN total")),
            new Step(
                    "the trigger and function dropped",
                    true,
                    List.of("DROP TRIGGER orders_touch ON orders", "DROP FUNCTION touch()")),
            new Step(
                    "a table dropped with the foreign key of another on it",
                    true,
                    List.of(
                            "CREATE TABLE coupons (code text PRIMARY KEY)",
                            "ALTER TABLE orders ADD COLUMN coupon text REFERENCES coupons (code)",
                            "DROP TABLE coupons CASCADE")));

    /**
     * Changes that reach beyond the objects they name: the watch must see that and read everything
     * (or, for a table with parents or children, all columns and constraints).
     */
    private static final List<Step> REACHING = List.of(
            new Step(
                    "a column renamed that a view shows",
                    false,
                    List.of("ALTER TABLE customers RENAME COLUMN email TO mail")),
            new Step(
                    "a table renamed that a foreign key references",
                    false,
                    List.of("ALTER TABLE customers RENAME TO clients")),
            new Step(
                    "a sequence renamed that a default names",
                    false,
                    List.of("ALTER SEQUENCE customers_id_seq RENAME TO clients_id_seq")),
            new Step("another schema", false, List.of("CREATE SCHEMA elsewhere")),
            new Step(
                    "a table moved out of the schema, under a view",
                    false,
                    List.of("ALTER TABLE orders SET SCHEMA elsewhere")),
            new Step("the table moved back", false, List.of("ALTER TABLE elsewhere.orders SET SCHEMA public")),
            new Step(
                    "a temporary table that hides one a view reads",
                    false,
                    List.of("CREATE TEMPORARY TABLE clients (x int)")),
            new Step("the temporary table gone", false, List.of("DROP TABLE pg_temp.clients")),
            new Step("the search path changed", false, List.of("SET search_path TO elsewhere, public")),
            new Step("the search path back", false, List.of("RESET search_path")),
            new Step(
                    "a column added to a parent, which its child inherits",
                    true,
                    List.of(
                            "CREATE TABLE parent (a int)",
                            "CREATE TABLE child (c int) INHERITS (parent)",
                            "ALTER TABLE parent ADD COLUMN b int NOT NULL DEFAULT 1 CHECK (b > 0)")),
            new Step(
                    "a check added to a partitioned table, which its partitions take",
                    true,
                    List.of(
                            "CREATE TABLE events (id int, kind int) PARTITION BY LIST (kind)",
                            "CREATE TABLE events_one PARTITION OF events FOR VALUES IN (1)",
                            "ALTER TABLE events ADD CONSTRAINT events_id CHECK (id > 0)")),
            new Step(
                    "a column dropped with the view that showed it",
                    true,
                    List.of("ALTER TABLE clients DROP COLUMN mail CASCADE")));

    @Test
    void everyReadEqualsAWholeOneAndUsualMigrationsAreReadInPart() throws SQLException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(true);
            SchemaWatch watch = reader.watch(connection);
            assertThat(watch)
                    .as("the test user is a superuser: the watch logs DDL")
                    .isInstanceOf(PostgresSchemaWatch.class);
            PostgresSchemaWatch logging = (PostgresSchemaWatch) watch;
            assertThat(watch.read()).isEqualTo(reader.read(connection, Set.of()));

            for (Step step : USUAL) {
                runAndCompare(connection, watch, step);
            }
            assertThat(logging.partialReads())
                    .as("partial reads of the usual migrations")
                    .isEqualTo(USUAL.size());

            for (Step step : REACHING) {
                int before = logging.partialReads();
                runAndCompare(connection, watch, step);
                assertThat(logging.partialReads() - before)
                        .as("partial reads after: " + step.description())
                        .isEqualTo(step.partial() ? 1 : 0);
            }
        }
    }

    @Test
    void aRolledBackTransactionMakesTheNextReadWhole() throws SQLException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(true);
            PostgresSchemaWatch watch = (PostgresSchemaWatch) reader.watch(connection);
            execute(connection, "CREATE TABLE accounts (id int PRIMARY KEY)");
            SchemaSnapshot committed = watch.read();

            connection.setAutoCommit(false);
            execute(connection, "ALTER TABLE accounts ADD COLUMN balance int");
            assertThat(watch.read())
                    .isEqualTo(reader.read(connection, Set.of()))
                    .isNotEqualTo(committed);
            connection.rollback();
            connection.setAutoCommit(true);
            watch.rolledBack();
            int partial = watch.partialReads();

            assertThat(watch.read()).isEqualTo(committed).isEqualTo(reader.read(connection, Set.of()));
            assertThat(watch.partialReads())
                    .as("the read after the rollback is whole")
                    .isEqualTo(partial);
        }
    }

    @Test
    void aUserWhoMayNotCreateEventTriggersGetsWholeReadsAndNothingInstalled() throws SQLException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        String role = "cairn_plain_" + Long.toHexString(System.nanoTime());
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'plain'");
        try {
            db.execute("GRANT CREATE ON SCHEMA public TO " + role);
            try (Connection connection = DriverManager.getConnection(db.url(), role, "plain")) {
                connection.setAutoCommit(true);
                SchemaWatch watch = reader.watch(connection);
                execute(connection, "CREATE TABLE notes (id int PRIMARY KEY, body text)");

                assertThat(watch).isNotInstanceOf(PostgresSchemaWatch.class);
                assertThat(watch.read()).isEqualTo(reader.read(connection, Set.of()));
                assertThat(watch.read().objects()).containsKey("table notes");
            }
            assertThat(db.query("SELECT 1 FROM pg_namespace WHERE nspname = 'cairn_verify_ddl'"))
                    .as("nothing of the watch in the database")
                    .isEmpty();
        } finally {
            db.execute("DROP OWNED BY " + role);
            db.execute("DROP ROLE " + role);
        }
    }

    private void runAndCompare(Connection connection, SchemaWatch watch, Step step) throws SQLException {
        for (String sql : step.statements()) {
            execute(connection, sql);
        }
        SchemaSnapshot read = watch.read();
        SchemaSnapshot whole = reader.read(connection, Set.of());
        assertThat(read.since(whole)).as("read after: " + step.description()).isEmpty();
        assertThat(read).as("read after: " + step.description()).isEqualTo(whole);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
