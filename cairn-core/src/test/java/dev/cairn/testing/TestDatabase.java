// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A fresh, empty database of one {@link Engine}, made for one test (or one test class) and dropped
 * by {@link #close()}. Use it in try-with-resources so it is dropped also when the test fails:
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.create(Engine.POSTGRESQL)) {
 *     db.execute("CREATE TABLE t (id int)");
 *     assertThat(db.tables()).containsExactly("t");
 * }
 * }</pre>
 *
 * <p>In a JUnit test, {@link TestDatabases#create(Engine)} makes it and drops it when the test ends.
 *
 * <p>Every database is named {@value #NAME_PREFIX} plus 12 random characters, unique across
 * concurrent runs on one server. A database that a crashed run leaked keeps that prefix; on
 * PostgreSQL, {@code SELECT datname FROM pg_database WHERE datname LIKE 'cairn\_t\_%'} lists them,
 * on MariaDB {@code SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE
 * 'cairn\_t\_%'} (drop them only when no test run is going on). SQLite and H2 files live in a
 * temporary directory with the same prefix.
 *
 * <p>Names of tables and columns are answered in lower case on every engine, and looked up without
 * regard to case, so that a test asserts {@code db.tables()} contains {@code "users"} the same way
 * everywhere, whatever case the engine stores an unquoted {@code users} in (PostgreSQL: lower; H2:
 * upper, {@code USERS}; MariaDB: as written).
 *
 * <p>The helper methods open a connection per call, so no state (a transaction, a session setting)
 * carries over from one call to the next. They throw {@link IllegalStateException} naming the SQL
 * and the database, with the {@link SQLException} as the cause.
 */
public final class TestDatabase implements AutoCloseable {
    /** The prefix of every test database's name, by which leaked ones can be found. */
    public static final String NAME_PREFIX = "cairn_t_";

    // What the drivers call tables and views: "TABLE" (PostgreSQL, MariaDB, SQLite), "BASE TABLE" (H2).
    private static final String[] TABLE_TYPES = {
        "TABLE", "BASE TABLE", "PARTITIONED TABLE", "FOREIGN TABLE", "VIEW", "MATERIALIZED VIEW",
    };

    private final Backend backend;
    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final AtomicBoolean closed = new AtomicBoolean();

    TestDatabase(Backend backend, String name, String url, String user, String password) {
        this.backend = backend;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Makes a new, empty database of {@code engine}. The first call for a server engine finds the
     * server (see {@link Engine}); later calls reuse what it found.
     *
     * @throws EngineUnavailableException (JUnit reports the test as skipped) when the engine cannot
     *     be had on this machine and this is not CI; the run ends with a banner that says so
     * @throws MissingServerException when the engine's server is required (CI, or named by
     *     {@code CAIRN_TEST_POSTGRES_URL} or {@code CAIRN_TEST_MARIADB_URL}) but cannot be reached
     */
    public static TestDatabase create(Engine engine) {
        return engine.backend().create();
    }

    /** Returns the engine this database belongs to. */
    public Engine engine() {
        return backend.engine();
    }

    /** Returns the database's name: {@value #NAME_PREFIX} and 12 random characters. */
    public String name() {
        return name;
    }

    /** Returns the JDBC URL of this database; it holds no user or password (see {@link #user()}). */
    public String url() {
        return url;
    }

    /** Returns the user to connect as ({@code sa} on H2), or null when the engine needs none (SQLite). */
    public String user() {
        return user;
    }

    /** Returns the password to connect with, or null when there is none. */
    public String password() {
        return password;
    }

    /** Opens a new connection to this database, in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(url, props);
    }

    /** Runs one SQL statement that returns no rows, on a connection of its own. */
    public void execute(String sql) {
        try (Connection c = connect();
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Runs a query with {@code ?} parameters and returns every row as a map from lower-cased column
     * label to value, in column order.
     */
    public List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = connect();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.put(meta.getColumnLabel(col).toLowerCase(Locale.ROOT), rs.getObject(col));
                    }
                    rows.add(Collections.unmodifiableMap(row));
                }
            }
            return List.copyOf(rows);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Returns the lower-cased names of the user's tables in this database: on PostgreSQL and H2 in
     * every schema but the system ones, on MariaDB in this database only (not the server's others), on
     * SQLite every table but SQLite's own {@code sqlite_*}. Views are not tables.
     */
    public Set<String> tables() {
        Set<String> tables = new LinkedHashSet<>();
        for (Map<String, Object> row : query(backend.tablesQuery())) {
            tables.add(row.values().iterator().next().toString().toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(tables);
    }

    /**
     * Returns the names of the tables in schema {@code schema} (on MariaDB, a database of the server),
     * in name order, as the catalog spells them: for a fleet's tenants.
     */
    public List<String> tables(String schema) {
        List<String> tables = new ArrayList<>();
        for (Map<String, Object> row : query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
                schema)) {
            tables.add((String) row.get("table_name"));
        }
        return List.copyOf(tables);
    }

    /**
     * Whether the server this database lives on has a database named {@code name} (such as the
     * scratch database {@code verify} makes beside it). Only for server engines.
     */
    public boolean serverHasDatabase(String name) {
        String sql = switch (engine()) {
            case POSTGRESQL -> "SELECT datname FROM pg_database WHERE datname = ?";
            case MARIADB -> "SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?";
            default -> throw new IllegalStateException(engine() + " has no server to hold other databases");
        };
        return !query(sql, name).isEmpty();
    }

    /** Returns whether {@link #tables()} holds {@code table}, compared without regard to case. */
    public boolean tableExists(String table) {
        return tables().contains(table.toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the lower-cased column names of the table or view {@code table} in this database, in
     * their declared order, or an empty list if there is none. The name is matched without regard to
     * case. Should several tables differ only in case (quoted names), the one spelled as given wins,
     * else the one that the name means unquoted in SQL (PostgreSQL folds it to lower case, H2 to upper
     * case). {@code schema.table} picks a schema on the engines that have them (PostgreSQL, H2); a bare
     * name matches the table in any schema, and the connection's current schema wins if it has one.
     *
     * @throws IllegalStateException if the name still matches more than one table
     */
    public List<String> columns(String table) {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? null : table.substring(0, dot);
        String bare = dot < 0 ? table : table.substring(dot + 1);
        try (Connection c = connect()) {
            DatabaseMetaData meta = c.getMetaData();
            // Only this database: MariaDB's catalogs are the server's databases, and null means all of them.
            String catalog = c.getCatalog();
            List<TableName> found = find(meta, catalog, schema, bare);
            found = preferring(found, t -> t.spelled(schema, bare));
            String unquoted = meta.storesUpperCaseIdentifiers()
                    ? bare.toUpperCase(Locale.ROOT)
                    : meta.storesLowerCaseIdentifiers() ? bare.toLowerCase(Locale.ROOT) : bare;
            found = preferring(found, t -> t.name().equals(unquoted));
            if (schema == null) {
                String current = c.getSchema();
                found = preferring(found, t -> Objects.equals(t.schema(), current));
            }
            if (found.size() > 1) {
                throw new IllegalStateException("columns(\"" + table + "\") on " + this + " matches "
                        + found.stream().map(TableName::toString).sorted().toList()
                        + ": spell the name as the database stores it, or name the schema as schema.table");
            }
            return found.isEmpty() ? List.of() : columns(meta, catalog, found.get(0));
        } catch (SQLException e) {
            throw failure("columns of " + table, e);
        }
    }

    /**
     * Drops the database, ending the sessions a test left open in it (PostgreSQL: {@code DROP DATABASE
     * … WITH (FORCE)}; MariaDB: {@code KILL CONNECTION} for each, then {@code DROP DATABASE}, which
     * gives up after 10 s if a session elsewhere still holds one of its tables; H2: {@code SHUTDOWN},
     * which closes every connection to it in this JVM, then deletes its directory; SQLite: deletes the
     * file, its journals and its directory, leaving open connections on a deleted file). Calling it
     * again does nothing.
     *
     * @throws IllegalStateException if the database could not be dropped, so a leak fails the test;
     *     the end of the run tries once more
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            backend.drop(this);
        } catch (Exception e) {
            // Open again, so that the end-of-run sweep (TestRunSummary) retries once sessions are gone.
            closed.set(false);
            throw new IllegalStateException("could not drop test database " + this + ": " + e.getMessage(), e);
        }
    }

    /** Returns the engine and the name, e.g. "PostgreSQL database cairn_t_0a1b2c3d4e5f". */
    @Override
    public String toString() {
        return engine().displayName() + " database " + name;
    }

    /** A table as the database spells it; {@code schema} is null where the engine has none. */
    private record TableName(String schema, String name) {
        boolean spelled(String asSchema, String asName) {
            return name.equals(asName) && (asSchema == null || asSchema.equals(schema));
        }

        @Override
        public String toString() {
            return schema == null ? name : schema + "." + name;
        }
    }

    /** Returns the tables and views called {@code table} (and in {@code schema}, if given), ignoring case. */
    private static List<TableName> find(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        List<TableName> found = new ArrayList<>();
        // Every table, compared here: a pattern compares case as the database stores it, and the user
        // wrote the name as it appears in the SQL (PostgreSQL folds unquoted names to lower case, H2 to
        // upper case, and MariaDB keeps them as written).
        try (ResultSet rs = meta.getTables(catalog, null, "%", TABLE_TYPES)) {
            while (rs.next()) {
                TableName t = new TableName(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"));
                // H2 lists its INFORMATION_SCHEMA as base tables.
                if (t.name().equalsIgnoreCase(table)
                        && !"information_schema".equalsIgnoreCase(t.schema())
                        && (schema == null || schema.equalsIgnoreCase(t.schema()))) {
                    found.add(t);
                }
            }
        }
        return found;
    }

    /** Returns the tables that pass {@code test} if there are several and some do, else {@code tables}. */
    private static List<TableName> preferring(List<TableName> tables, Predicate<TableName> test) {
        List<TableName> preferred = tables.stream().filter(test).toList();
        return tables.size() > 1 && !preferred.isEmpty() ? preferred : tables;
    }

    private static List<String> columns(DatabaseMetaData meta, String catalog, TableName table) throws SQLException {
        String escape = meta.getSearchStringEscape();
        List<String> columns = new ArrayList<>();
        // Patterns treat _ and % as wildcards: escape them, or cairn_x would also match cairnYx.
        try (ResultSet rs = meta.getColumns(
                catalog,
                table.schema() == null ? null : pattern(table.schema(), escape),
                pattern(table.name(), escape),
                "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(columns);
    }

    private static String pattern(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private IllegalStateException failure(String sql, SQLException e) {
        return new IllegalStateException("SQL failed on " + this + ": " + e.getMessage() + "\n  SQL: " + sql, e);
    }
}
