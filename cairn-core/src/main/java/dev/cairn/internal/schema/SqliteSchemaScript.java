// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.Catalog.each;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a SQLite schema (the {@code main} database) from {@code sqlite_master}, which keeps each
 * object's {@code CREATE} statement as it was run (https://www.sqlite.org/schematab.html), and which
 * {@link SqliteSchemaReader} reads: tables, indexes, views and triggers, each as its own text. Up
 * creates tables, then indexes, views and triggers, each kind in creation order ({@code rowid}: a new
 * row takes the highest), so that a view follows the views it reads; SQLite lets a foreign key name
 * a table that comes later. Down drops them in the reverse order.
 *
 * <p>Left out: SQLite's own tables ({@code sqlite_%}: {@code sqlite_sequence}, {@code sqlite_stat1}),
 * the indexes SQLite made for a primary key or unique constraint (no {@code sql}), a virtual table's
 * shadow tables (its {@code CREATE VIRTUAL TABLE} makes them again), and the ignored tables with their
 * indexes and triggers.
 */
public final class SqliteSchemaScript implements SchemaScript {

    // Shadow tables: pragma table_list (SQLite 3.37+) calls them 'shadow'.
    private static final String OBJECTS = "SELECT m.type, m.name, m.tbl_name, m.sql FROM main.sqlite_master m"
            + " WHERE m.sql IS NOT NULL AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            + " AND m.name NOT IN (SELECT t.name FROM pragma_table_list t WHERE t.schema = 'main'"
            + " AND t.type = 'shadow')"
            + " ORDER BY CASE m.type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, m.rowid";

    @Override
    public Script write(Connection connection, Set<String> ignoredTables) throws SQLException {
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        Set<String> ignored = new HashSet<>(ignoredTables);
        each(connection, OBJECTS, rs -> {
            String type = rs.getString(1);
            if (!ignored.contains(rs.getString(3).toLowerCase(Locale.ROOT))) {
                up.add(rs.getString(4).strip());
                down.add(0, "DROP " + type.toUpperCase(Locale.ROOT) + " " + quote(rs.getString(2)));
            }
        });
        return new Script(up, down);
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
