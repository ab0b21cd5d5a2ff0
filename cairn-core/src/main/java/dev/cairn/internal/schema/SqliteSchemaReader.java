// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.SchemaSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQLite schema (the {@code main} database only) from {@code sqlite_master} and the
 * {@code pragma_*} table functions; see {@link Snapshots} for what it records.
 *
 * <p>SQLite keeps no catalog of check constraints, constraint names or generated-column
 * expressions: it keeps the {@code CREATE TABLE} text and re-parses it when it opens the database.
 * Rather than parse that text again here, and get it wrong for the cases it does not foresee, each
 * table records its whole normalised {@code CREATE TABLE} statement as the attribute
 * {@code definition}: that covers checks and everything else SQLite holds only as text. (SQLite
 * edits the stored text in place for {@code ALTER TABLE … ADD/DROP/RENAME COLUMN}, so adding a column
 * and dropping it again restores the same text.) Columns, keys and indexes are still read from the
 * pragmas, so a difference names the column or index that changed.
 *
 * <p>Unique constraints and foreign keys have no name in the catalog; they get one made from the
 * table and columns, as PostgreSQL would make it: {@code <table>_<columns>_key} and
 * {@code <table>_<columns>_fkey}. An index's expression columns and a partial index's {@code WHERE}
 * exist only in the {@code CREATE INDEX} text, so those are taken from it.
 */
public final class SqliteSchemaReader implements SchemaReader {

    private static final String TABLES = "SELECT name, sql FROM main.sqlite_master"
            + " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
    // hidden: 0 a column, 1 a virtual table's hidden column (not part of the schema), 2 and 3 generated.
    private static final String COLUMNS =
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(?, 'main') WHERE hidden <> 1";
    private static final String FOREIGN_KEYS = "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete"
            + " FROM pragma_foreign_key_list(?, 'main') ORDER BY id, seq";
    private static final String INDEXES = "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?, 'main')";
    // cid -2 is an expression, -1 the rowid.
    private static final String INDEX_COLUMNS =
            "SELECT cid, name, \"desc\" FROM pragma_index_xinfo(?, 'main') WHERE key = 1 ORDER BY seqno";
    private static final String INDEX_SQL = "SELECT sql FROM main.sqlite_master WHERE type = 'index' AND name = ?";
    private static final String VIEWS = "SELECT name, sql FROM main.sqlite_master WHERE type = 'view'";
    private static final String TRIGGERS = "SELECT name, tbl_name, sql FROM main.sqlite_master WHERE type = 'trigger'";

    /**
     * CREATE TRIGGER's head, up to the event. Without BEFORE, AFTER or INSTEAD OF a trigger fires
     * before (https://www.sqlite.org/lang_createtrigger.html).
     */
    private static final Pattern TRIGGER_HEAD = Pattern.compile(
            "^CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "(?:\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^\\]]*]|[^\\s\"`\\[]+)+\\s+"
                    + "(?:(BEFORE|AFTER|INSTEAD\\s+OF)\\s+)?(DELETE|INSERT|UPDATE)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ORDERING = Pattern.compile("\\s+(?:ASC|DESC)$", Pattern.CASE_INSENSITIVE);

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        Snapshots snapshot = new Snapshots();
        Reading reading = new Reading(connection, snapshot);
        for (List<String> table : reading.rows(TABLES)) {
            if (!ignoredTables.contains(table.get(0).toLowerCase(Locale.ROOT))) {
                reading.table(table.get(0), table.get(1));
            }
        }
        for (List<String> view : reading.rows(VIEWS)) {
            snapshot.put("view " + Snapshots.name(view.get(0)), "definition", Snapshots.normalised(view.get(1)));
        }
        for (List<String> trigger : reading.rows(TRIGGERS)) {
            if (!ignoredTables.contains(trigger.get(1).toLowerCase(Locale.ROOT))) {
                reading.trigger(trigger.get(0), trigger.get(1), trigger.get(2));
            }
        }
        return snapshot.build();
    }

    /** One read: the connection and the snapshot being filled. */
    private record Reading(Connection connection, Snapshots snapshot) {

        void table(String table, String sql) throws SQLException {
            snapshot.put(Snapshots.table(table), "definition", Snapshots.normalised(sql));
            List<String> primaryKey = columns(table);
            if (!primaryKey.isEmpty()) {
                snapshot.put(Snapshots.part(table, "primary key", null), "columns", String.join(", ", primaryKey));
            }
            foreignKeys(table);
            indexes(table);
        }

        /** Records the columns of {@code table} and returns its primary key's columns in key order. */
        List<String> columns(String table) throws SQLException {
            Map<Integer, String> primaryKey = new TreeMap<>();
            for (List<String> column : rows(COLUMNS, table)) {
                String path = Snapshots.part(table, "column", column.get(0));
                snapshot.put(path, "type", column.get(1).toLowerCase(Locale.ROOT))
                        .put(path, "nullable", "1".equals(column.get(2)) ? "no" : "yes")
                        .put(path, "default", column.get(3));
                int keyPosition = Integer.parseInt(column.get(4));
                if (keyPosition > 0) {
                    primaryKey.put(keyPosition, Snapshots.name(column.get(0)));
                }
            }
            return new ArrayList<>(primaryKey.values());
        }

        void foreignKeys(String table) throws SQLException {
            Map<String, List<List<String>>> byId = new TreeMap<>();
            for (List<String> row : rows(FOREIGN_KEYS, table)) {
                byId.computeIfAbsent(row.get(0), id -> new ArrayList<>()).add(row);
            }
            for (List<List<String>> key : byId.values()) {
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                for (List<String> row : key) {
                    from.add(Snapshots.name(row.get(2)));
                    to.add(row.get(3) == null ? null : Snapshots.name(row.get(3)));
                }
                String parent = key.get(0).get(1);
                if (to.contains(null)) {
                    // REFERENCES parent without columns means the parent's primary key.
                    to = parentKey(parent);
                }
                String path = Snapshots.part(table, "foreign key", table + "_" + String.join("_", from) + "_fkey");
                snapshot.put(path, "columns", String.join(", ", from))
                        .put(path, "references", Snapshots.name(parent) + "(" + String.join(", ", to) + ")")
                        .put(path, "on delete", key.get(0).get(5).toLowerCase(Locale.ROOT))
                        .put(path, "on update", key.get(0).get(4).toLowerCase(Locale.ROOT));
            }
        }

        private List<String> parentKey(String parent) throws SQLException {
            Map<Integer, String> key = new TreeMap<>();
            for (List<String> column : rows(COLUMNS, parent)) {
                if (Integer.parseInt(column.get(4)) > 0) {
                    key.put(Integer.parseInt(column.get(4)), Snapshots.name(column.get(0)));
                }
            }
            return new ArrayList<>(key.values());
        }

        void indexes(String table) throws SQLException {
            for (List<String> index : rows(INDEXES, table)) {
                String name = index.get(0);
                String origin = index.get(2);
                if ("pk".equals(origin)) {
                    continue;
                }
                IndexText text = IndexText.of(rows(INDEX_SQL, name).stream()
                        .findFirst()
                        .map(r -> r.get(0))
                        .orElse(null));
                List<String> columns = indexColumns(name, text);
                if ("u".equals(origin)) {
                    List<String> names =
                            columns.stream().map(c -> c.replace(' ', '_')).toList();
                    String constraint = table + "_" + String.join("_", names) + "_key";
                    snapshot.put(Snapshots.part(table, "unique", constraint), "columns", String.join(", ", columns));
                } else {
                    String path = Snapshots.part(table, "index", name);
                    snapshot.put(path, "columns", String.join(", ", columns))
                            .put(path, "unique", "1".equals(index.get(1)) ? "yes" : "no")
                            .put(path, "where", "1".equals(index.get(3)) ? text.where() : null);
                }
            }
        }

        /** The key columns of an index by name, an expression as written, each with {@code desc} if so. */
        private List<String> indexColumns(String index, IndexText text) throws SQLException {
            List<String> columns = new ArrayList<>();
            for (List<String> column : rows(INDEX_COLUMNS, index)) {
                int position = columns.size();
                String name = "-2".equals(column.get(0)) ? text.column(position) : Snapshots.name(column.get(1));
                columns.add(name + ("1".equals(column.get(2)) ? " desc" : ""));
            }
            return columns;
        }

        void trigger(String name, String table, String sql) {
            String path = "trigger " + Snapshots.name(name);
            Matcher head = TRIGGER_HEAD.matcher(sql.strip());
            if (head.find()) {
                String timing = head.group(1) == null ? "before" : head.group(1).replaceAll("\\s+", " ");
                snapshot.put(path, "timing", timing.toLowerCase(Locale.ROOT))
                        .put(path, "event", head.group(2).toLowerCase(Locale.ROOT));
            }
            snapshot.put(path, "table", Snapshots.name(table)).put(path, "definition", Snapshots.normalised(sql));
        }

        /** Every row of {@code sql}, each column as text (null stays null). */
        List<List<String>> rows(String sql, String... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    int width = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int column = 1; column <= width; column++) {
                            row.add(rs.getString(column));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        }
    }

    /**
     * The parts of a {@code CREATE INDEX} statement that only its text holds: the key list, split at
     * its top-level commas, and the {@code WHERE} predicate after it.
     */
    private record IndexText(List<String> columns, String where) {

        static IndexText of(String sql) {
            if (sql == null) {
                return new IndexText(List.of(), null);
            }
            List<String> columns = new ArrayList<>();
            int depth = 0;
            int start = -1;
            char quote = 0;
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                } else if (c == '[') {
                    quote = ']';
                } else if (c == '(') {
                    depth++;
                    start = depth == 1 ? i + 1 : start;
                } else if (c == ',' && depth == 1) {
                    columns.add(sql.substring(start, i));
                    start = i + 1;
                } else if (c == ')' && --depth == 0) {
                    columns.add(sql.substring(start, i));
                    return new IndexText(columns, predicate(sql.substring(i + 1)));
                }
            }
            return new IndexText(columns, null);
        }

        private static String predicate(String rest) {
            String tail = rest.strip();
            return tail.regionMatches(true, 0, "WHERE", 0, 5) ? Snapshots.normalised(tail.substring(5)) : null;
        }

        /** The key column at {@code position} as written, without ASC or DESC (read from the catalog). */
        String column(int position) {
            if (position >= columns.size()) {
                return "?";
            }
            return ORDERING.matcher(Snapshots.normalised(columns.get(position))).replaceFirst("");
        }
    }
}
