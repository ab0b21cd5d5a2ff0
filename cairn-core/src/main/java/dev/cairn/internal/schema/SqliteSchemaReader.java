// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.SchemaSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a SQLite schema (the {@code main} database only) from {@code sqlite_master} and the
 * {@code pragma_*} table functions; see {@link Snapshots} for what it records.
 *
 * <p>SQLite keeps no catalog of check constraints, constraint names or generated-column
 * expressions: it keeps the {@code CREATE TABLE} text and re-parses it when it opens the database.
 * Rather than parse that text again here, and get it wrong for the cases it does not foresee, each
 * table records its whole normalised {@code CREATE TABLE} statement as the attribute
 * {@code definition}: that covers checks, collations, {@code AUTOINCREMENT}, {@code STRICT} and
 * everything else SQLite holds only as text. (SQLite edits the stored text in place for
 * {@code ALTER TABLE … ADD/DROP/RENAME COLUMN}, so adding a column and dropping it again restores the
 * same text.) Columns, keys and indexes are still read from the pragmas, so a difference names the
 * column or index that changed; the table also has {@code column order}.
 *
 * <p>Only a few facts are taken from the text, each with a tokenizer that knows SQLite's quotes and
 * comments, where the pragmas do not have them: a generated column's expression ({@code generated},
 * with {@code storage} {@code stored}/{@code virtual} from the pragma), a foreign key's
 * {@code deferrable} ({@code initially deferred} or {@code initially immediate}; absent when not
 * deferrable), and a trigger's {@code timing}, {@code events} ({@code update of a, b} for
 * {@code UPDATE OF}), {@code when} and {@code body}; its {@code level} is always {@code row}.
 *
 * <p>Unique constraints and foreign keys have no name in the catalog; they get one made from the
 * table and columns, as PostgreSQL would make it: {@code <table>_<columns>_key} and
 * {@code <table>_<columns>_fkey}. An index's expression columns and a partial index's {@code WHERE}
 * exist only in the {@code CREATE INDEX} text, so those are taken from it.
 *
 * <p>Each kind of object is one query over all tables, the pragma functions joined to
 * {@code sqlite_master}, not a query per table.
 */
public final class SqliteSchemaReader implements SchemaReader {

    /** The tables of {@code main.sqlite_master m}, but SQLite's own. */
    private static final String USER_TABLES = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    private static final String TABLES = "SELECT m.name, m.sql FROM main.sqlite_master m WHERE " + USER_TABLES;
    // hidden: 0 a column, 1 a virtual table's hidden column (not part of the schema), 2 and 3 generated.
    private static final String COLUMNS = "SELECT m.name, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden"
            + " FROM main.sqlite_master m, pragma_table_xinfo(m.name, 'main') c"
            + " WHERE " + USER_TABLES + " AND c.hidden <> 1 ORDER BY m.name, c.cid";
    private static final String FOREIGN_KEYS =
            "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete"
                    + " FROM main.sqlite_master m, pragma_foreign_key_list(m.name, 'main') f"
                    + " WHERE " + USER_TABLES + " ORDER BY m.name, f.id, f.seq";
    // The index's text, for what only it has (expressions, WHERE); an index made for a constraint has none.
    private static final String INDEXES = "SELECT m.name, i.name, i.\"unique\", i.origin, i.partial, s.sql"
            + " FROM main.sqlite_master m, pragma_index_list(m.name, 'main') i"
            + " LEFT JOIN main.sqlite_master s ON s.type = 'index' AND s.name = i.name"
            + " WHERE " + USER_TABLES + " AND i.origin <> 'pk'";
    // cid -2 is an expression, -1 the rowid.
    private static final String INDEX_COLUMNS = "SELECT i.name, x.cid, x.name, x.\"desc\""
            + " FROM main.sqlite_master m, pragma_index_list(m.name, 'main') i, pragma_index_xinfo(i.name, 'main') x"
            + " WHERE " + USER_TABLES + " AND i.origin <> 'pk' AND x.key = 1 ORDER BY i.name, x.seqno";
    private static final String VIEWS = "SELECT name, sql FROM main.sqlite_master WHERE type = 'view'";
    private static final String TRIGGERS = "SELECT name, tbl_name, sql FROM main.sqlite_master WHERE type = 'trigger'";

    private static final Pattern DEFERRABLE = Pattern.compile("\\bDEFERRABLE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDERING = Pattern.compile("\\s+(?:ASC|DESC)$", Pattern.CASE_INSENSITIVE);

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        Snapshots snapshot = new Snapshots();
        Reading reading = new Reading(connection, snapshot, ignoredTables);
        Map<String, TableText> tables = new TreeMap<>();
        for (List<String> table : reading.rows(TABLES)) {
            if (reading.read(table.get(0))) {
                tables.put(table.get(0), new TableText(table.get(1)));
                snapshot.put(Snapshots.table(table.get(0)), "definition", Snapshots.normalised(table.get(1)));
            }
        }
        Map<String, List<String>> primaryKeys = reading.columns(tables);
        reading.foreignKeys(tables, primaryKeys);
        reading.indexes();
        for (List<String> view : reading.rows(VIEWS)) {
            snapshot.put("view " + Snapshots.name(view.get(0)), "definition", Snapshots.normalised(view.get(1)));
        }
        for (List<String> trigger : reading.rows(TRIGGERS)) {
            if (reading.read(trigger.get(1))) {
                reading.trigger(trigger.get(0), trigger.get(1), trigger.get(2));
            }
        }
        return snapshot.build();
    }

    /** One read: the connection, the snapshot being filled, and the tables it leaves out. */
    private record Reading(Connection connection, Snapshots snapshot, Set<String> ignoredTables) {

        boolean read(String table) {
            return !ignoredTables.contains(table.toLowerCase(Locale.ROOT));
        }

        /**
         * Records the columns and primary keys of {@code tables}, and returns every table's primary key
         * (ignored ones too, as a foreign key may name one) by lower-case name, in key order.
         */
        Map<String, List<String>> columns(Map<String, TableText> tables) throws SQLException {
            Map<String, Map<Integer, String>> keys = new TreeMap<>();
            Map<String, List<String>> order = new TreeMap<>();
            for (List<String> column : rows(COLUMNS)) {
                String table = column.get(0);
                int keyPosition = Integer.parseInt(column.get(5));
                if (keyPosition > 0) {
                    keys.computeIfAbsent(table, t -> new TreeMap<>()).put(keyPosition, Snapshots.name(column.get(1)));
                }
                if (!tables.containsKey(table)) {
                    continue;
                }
                order.computeIfAbsent(table, t -> new ArrayList<>()).add(Snapshots.name(column.get(1)));
                String path = Snapshots.part(table, "column", column.get(1));
                boolean generated = !"0".equals(column.get(6));
                snapshot.put(path, "type", column.get(2).toLowerCase(Locale.ROOT))
                        .put(path, "nullable", "1".equals(column.get(3)) ? "no" : "yes")
                        .put(path, "default", column.get(4))
                        .put(path, "generated", generated ? tables.get(table).generated(column.get(1)) : null)
                        .put(path, "storage", generated ? ("3".equals(column.get(6)) ? "stored" : "virtual") : null);
            }
            order.forEach((table, columns) ->
                    snapshot.put(Snapshots.table(table), "column order", String.join(", ", columns)));
            Map<String, List<String>> primaryKeys = new HashMap<>();
            keys.forEach((table, key) -> {
                List<String> columns = new ArrayList<>(key.values());
                primaryKeys.put(table.toLowerCase(Locale.ROOT), columns);
                if (tables.containsKey(table)) {
                    snapshot.put(Snapshots.part(table, "primary key", null), "columns", String.join(", ", columns));
                }
            });
            return primaryKeys;
        }

        void foreignKeys(Map<String, TableText> tables, Map<String, List<String>> primaryKeys) throws SQLException {
            Map<String, List<List<String>>> byTableAndId = new TreeMap<>();
            for (List<String> row : rows(FOREIGN_KEYS)) {
                if (tables.containsKey(row.get(0))) {
                    byTableAndId
                            .computeIfAbsent(row.get(0) + "\0" + row.get(1), id -> new ArrayList<>())
                            .add(row);
                }
            }
            for (List<List<String>> key : byTableAndId.values()) {
                String table = key.get(0).get(0);
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                for (List<String> row : key) {
                    from.add(Snapshots.name(row.get(3)));
                    to.add(row.get(4) == null ? null : Snapshots.name(row.get(4)));
                }
                String parent = key.get(0).get(2);
                if (to.contains(null)) {
                    // REFERENCES parent without columns means the parent's primary key.
                    to = primaryKeys.getOrDefault(parent.toLowerCase(Locale.ROOT), List.of());
                }
                String path = Snapshots.part(table, "foreign key", table + "_" + String.join("_", from) + "_fkey");
                snapshot.put(path, "columns", String.join(", ", from))
                        .put(path, "references", Snapshots.name(parent) + "(" + String.join(", ", to) + ")")
                        .put(path, "on delete", key.get(0).get(6).toLowerCase(Locale.ROOT))
                        .put(path, "on update", key.get(0).get(5).toLowerCase(Locale.ROOT))
                        .put(path, "deferrable", tables.get(table).deferrable(from, parent));
            }
        }

        void indexes() throws SQLException {
            Map<String, List<List<String>>> columns = new HashMap<>();
            for (List<String> column : rows(INDEX_COLUMNS)) {
                columns.computeIfAbsent(column.get(0), i -> new ArrayList<>()).add(column);
            }
            for (List<String> index : rows(INDEXES)) {
                String table = index.get(0);
                if (!read(table)) {
                    continue;
                }
                String name = index.get(1);
                IndexText text = IndexText.of(index.get(5));
                List<String> keyColumns = new ArrayList<>();
                for (List<String> column : columns.getOrDefault(name, List.of())) {
                    String key =
                            "-2".equals(column.get(1)) ? text.column(keyColumns.size()) : Snapshots.name(column.get(2));
                    keyColumns.add(key + ("1".equals(column.get(3)) ? " desc" : ""));
                }
                if ("u".equals(index.get(3))) {
                    List<String> names =
                            keyColumns.stream().map(c -> c.replace(' ', '_')).toList();
                    String constraint = table + "_" + String.join("_", names) + "_key";
                    snapshot.put(Snapshots.part(table, "unique", constraint), "columns", String.join(", ", keyColumns));
                } else {
                    String path = Snapshots.part(table, "index", name);
                    snapshot.put(path, "columns", String.join(", ", keyColumns))
                            .put(path, "unique", "1".equals(index.get(2)) ? "yes" : "no")
                            .put(path, "where", "1".equals(index.get(4)) ? text.where() : null);
                }
            }
        }

        /**
         * Records a trigger from its text: {@code CREATE TRIGGER name [BEFORE|AFTER|INSTEAD OF]
         * DELETE|INSERT|UPDATE [OF col, …] ON table [FOR EACH ROW] [WHEN expr] BEGIN … END}. Without
         * a timing a trigger fires before (https://www.sqlite.org/lang_createtrigger.html). Text that
         * does not read so is kept whole as the body.
         */
        void trigger(String name, String table, String sql) {
            String path = "trigger " + Snapshots.name(name);
            snapshot.put(path, "table", Snapshots.name(table)).put(path, "level", "row");
            List<Token> tokens = Token.of(sql);
            int at = 2; // CREATE TRIGGER, or CREATE TEMP TRIGGER
            while (at < tokens.size() && !tokens.get(at - 1).is("TRIGGER")) {
                at++;
            }
            if (at + 3 < tokens.size() && tokens.get(at).is("IF")) {
                at += 3; // IF NOT EXISTS
            }
            at += at + 2 < tokens.size() && tokens.get(at + 1).is(".") ? 3 : 1; // [schema.]name
            String timing = "before";
            if (at < tokens.size()
                    && (tokens.get(at).is("BEFORE") || tokens.get(at).is("AFTER"))) {
                timing = tokens.get(at++).text().toLowerCase(Locale.ROOT);
            } else if (at + 1 < tokens.size()
                    && tokens.get(at).is("INSTEAD")
                    && tokens.get(at + 1).is("OF")) {
                timing = "instead of";
                at += 2;
            }
            int on = Token.find(tokens, at, "ON", 0);
            int begin = Token.find(tokens, on, "BEGIN", 0);
            int when = Token.find(tokens, on, "WHEN", 0);
            Token last = tokens.get(tokens.size() - 1);
            if (on < 0 || begin < 0 || !last.is("END") || at >= on) {
                snapshot.put(path, "body", Snapshots.normalised(sql));
                return;
            }
            StringBuilder events = new StringBuilder(tokens.get(at).text().toLowerCase(Locale.ROOT));
            if (at + 1 < on && tokens.get(at + 1).is("OF")) {
                List<String> columns = new ArrayList<>();
                for (Token column : tokens.subList(at + 2, on)) {
                    if (!column.is(",")) {
                        columns.add(Snapshots.name(column.name()));
                    }
                }
                events.append(" of ").append(String.join(", ", columns));
            }
            snapshot.put(path, "timing", timing)
                    .put(path, "events", events.toString())
                    .put(
                            path,
                            "when",
                            when > 0 && when < begin
                                    ? Snapshots.normalised(sql.substring(
                                            tokens.get(when).end(),
                                            tokens.get(begin).start()))
                                    : null)
                    .put(
                            path,
                            "body",
                            Snapshots.normalised(sql.substring(tokens.get(begin).end(), last.start())));
        }

        /** Every row of {@code sql}, each column as text (null stays null). */
        List<List<String>> rows(String sql) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                List<List<String>> rows = new ArrayList<>();
                int width = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= width; column++) {
                        row.add(rs.getString(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /**
     * A token of SQLite's SQL: a word, a quoted name or string, or one punctuation character, with the
     * depth of parentheses it is at (a parenthesis at the depth outside it). Comments and whitespace
     * are not tokens.
     */
    private record Token(String text, int start, int end, int depth) {

        static List<Token> of(String sql) {
            List<Token> tokens = new ArrayList<>();
            int depth = 0;
            int i = 0;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                int start = i;
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                } else if (sql.startsWith("--", i)) {
                    i = sql.indexOf('\n', i) < 0 ? sql.length() : sql.indexOf('\n', i);
                    continue;
                } else if (sql.startsWith("/*", i)) {
                    i = sql.indexOf("*/", i + 2) < 0 ? sql.length() : sql.indexOf("*/", i + 2) + 2;
                    continue;
                } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                    i = closingQuote(sql, i) + 1;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                    while (i < sql.length()
                            && (Character.isLetterOrDigit(sql.charAt(i))
                                    || sql.charAt(i) == '_'
                                    || sql.charAt(i) == '$')) {
                        i++;
                    }
                } else {
                    i++;
                    depth -= c == ')' ? 1 : 0;
                }
                tokens.add(new Token(sql.substring(start, i), start, i, depth));
                depth += c == '(' ? 1 : 0;
            }
            return tokens;
        }

        /** Where the quote that opens at {@code open} closes (a doubled quote is one; {@code ]} cannot be). */
        private static int closingQuote(String sql, int open) {
            char close = sql.charAt(open) == '[' ? ']' : sql.charAt(open);
            int i = open + 1;
            while (i < sql.length()) {
                if (sql.charAt(i) != close) {
                    i++;
                } else if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                } else {
                    return i;
                }
            }
            return sql.length() - 1;
        }

        /**
         * The index of the first token from {@code from} that is the keyword {@code word} at
         * {@code depth} (not a name after a dot, such as {@code NEW.begin}), or -1.
         */
        static int find(List<Token> tokens, int from, String word, int depth) {
            for (int i = Math.max(from, 0); i < tokens.size(); i++) {
                if (tokens.get(i).depth() == depth
                        && tokens.get(i).is(word)
                        && (i == 0 || !tokens.get(i - 1).is("."))) {
                    return i;
                }
            }
            return -1;
        }

        boolean is(String word) {
            return text.equalsIgnoreCase(word);
        }

        /** The token as a name: without its quotes, a doubled quote made single. */
        String name() {
            char first = text.charAt(0);
            if (first == '"' || first == '`' || first == '\'') {
                return text.substring(1, text.length() - 1).replace("" + first + first, "" + first);
            }
            return first == '[' ? text.substring(1, text.length() - 1) : text;
        }
    }

    /**
     * What only a {@code CREATE TABLE} statement's text says, read from its elements (column definitions
     * and table constraints) when asked: most tables need none of it, and tokenizing every table's text
     * would be most of a read's time.
     */
    private record TableText(String sql) {

        /** The elements, split at the top-level commas of the column list. */
        List<List<Token>> elements() {
            List<List<Token>> elements = new ArrayList<>();
            List<Token> element = null;
            for (Token token : Token.of(sql == null ? "" : sql)) {
                if (element == null) {
                    element = token.is("(") && token.depth() == 0 ? new ArrayList<>() : null;
                } else if (token.depth() == 0 || token.is(",") && token.depth() == 1) {
                    elements.add(element);
                    element = token.depth() == 0 ? null : new ArrayList<>();
                    if (token.depth() == 0) {
                        break;
                    }
                } else {
                    element.add(token);
                }
            }
            return elements;
        }

        /** The expression of generated column {@code column}: {@code [GENERATED ALWAYS] AS (expr)}. */
        String generated(String column) {
            for (List<Token> element : elements()) {
                if (element.isEmpty() || !element.get(0).name().equalsIgnoreCase(column)) {
                    continue;
                }
                for (int i = 1; i + 1 < element.size(); i++) {
                    if (element.get(i).is("AS")
                            && element.get(i).depth() == 1
                            && element.get(i + 1).is("(")) {
                        int close = i + 2;
                        while (close < element.size()
                                && !(element.get(close).is(")")
                                        && element.get(close).depth() == 1)) {
                            close++;
                        }
                        if (close < element.size()) {
                            return Snapshots.normalised(sql.substring(
                                    element.get(i + 1).end(), element.get(close).start()));
                        }
                    }
                }
            }
            return null;
        }

        /**
         * How the foreign key from {@code columns} to {@code parent} is deferrable: {@code initially
         * deferred} or {@code initially immediate}, or null when it is not ({@code NOT DEFERRABLE}, or
         * nothing said). Read from the clause after {@code REFERENCES}, in a column definition or a
         * {@code FOREIGN KEY (…)} constraint.
         */
        String deferrable(List<String> columns, String parent) {
            if (sql == null || !DEFERRABLE.matcher(sql).find()) {
                return null;
            }
            for (List<Token> element : elements()) {
                int references = Token.find(element, 0, "REFERENCES", 1);
                if (references < 0 || references + 1 >= element.size()) {
                    continue;
                }
                List<String> from = new ArrayList<>();
                int foreign = Token.find(element, 0, "FOREIGN", 1);
                if (foreign >= 0 && foreign < references) {
                    for (Token token : element.subList(foreign + 1, references)) {
                        if (token.depth() == 2 && !token.is(",")) {
                            from.add(Snapshots.name(token.name()));
                        }
                    }
                } else {
                    from.add(Snapshots.name(element.get(0).name()));
                }
                if (!from.equals(columns) || !element.get(references + 1).name().equalsIgnoreCase(parent)) {
                    continue;
                }
                int deferrable = Token.find(element, references, "DEFERRABLE", 1);
                if (deferrable < 0 || element.get(deferrable - 1).is("NOT")) {
                    return null;
                }
                boolean deferred = deferrable + 2 < element.size()
                        && element.get(deferrable + 1).is("INITIALLY")
                        && element.get(deferrable + 2).is("DEFERRED");
                return deferred ? "initially deferred" : "initially immediate";
            }
            return null;
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
            ParenthesisedList key = ParenthesisedList.of(sql);
            return new IndexText(key.items(), key.rest() == null ? null : predicate(key.rest()));
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
