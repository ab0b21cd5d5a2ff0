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
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * <p>Every database is named {@value #NAME_PREFIX} plus 12 random characters, unique across
 * concurrent runs on one server. A database that a crashed run leaked keeps that prefix; on
 * PostgreSQL, {@code SELECT datname FROM pg_database WHERE datname LIKE 'cairn\_t\_%'} lists them
 * (drop them only when no test run is going on). SQLite files live in a temporary directory with the
 * same prefix.
 *
 * <p>The helper methods open a connection per call, so no state (a transaction, a session setting)
 * carries over from one call to the next. They throw {@link IllegalStateException} naming the SQL
 * and the database, with the {@link SQLException} as the cause.
 */
public final class TestDatabase implements AutoCloseable {
    /** The prefix of every test database's name, by which leaked ones can be found. */
    public static final String NAME_PREFIX = "cairn_t_";

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
     *     {@code CAIRN_TEST_POSTGRES_URL}) but cannot be reached
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

    /** Returns the user to connect as, or null when the engine needs none (SQLite). */
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
        try (Connection c = connect(); Statement statement = c.createStatement()) {
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
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
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
     * Returns the lower-cased names of the user's tables: on PostgreSQL in every schema but the
     * system ones, on SQLite every table but SQLite's own {@code sqlite_*}. Views are not tables.
     */
    public Set<String> tables() {
        Set<String> tables = new LinkedHashSet<>();
        for (Map<String, Object> row : query(backend.tablesQuery())) {
            tables.add(row.values().iterator().next().toString().toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(tables);
    }

    /** Returns whether {@link #tables()} holds {@code table}, compared without regard to case. */
    public boolean tableExists(String table) {
        return tables().contains(table.toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the lower-cased column names of {@code table} in their declared order, or an empty
     * list if there is no such table. {@code schema.table} picks a schema; a bare name matches the
     * table in any schema.
     */
    public List<String> columns(String table) {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? null : table.substring(0, dot);
        String bare = dot < 0 ? table : table.substring(dot + 1);
        try (Connection c = connect()) {
            List<String> columns = columns(c.getMetaData(), schema, bare);
            if (columns.isEmpty() && !bare.equals(bare.toLowerCase(Locale.ROOT))) {
                // Unquoted names are stored lower-case by PostgreSQL: "Users" means users.
                columns = columns(c.getMetaData(), schema, bare.toLowerCase(Locale.ROOT));
            }
            return columns;
        } catch (SQLException e) {
            throw failure("columns of " + table, e);
        }
    }

    /**
     * Drops the database (PostgreSQL: {@code DROP DATABASE … WITH (FORCE)}, which ends sessions left
     * open; SQLite: deletes the file, its journals and its directory). Calling it again does nothing.
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

    private static List<String> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        String escape = meta.getSearchStringEscape();
        List<String> columns = new ArrayList<>();
        // Patterns treat _ and % as wildcards: escape them, or cairn_x would also match cairnYx.
        try (ResultSet rs = meta.getColumns(null, schema == null ? null : pattern(schema, escape),
                pattern(table, escape), "%")) {
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
