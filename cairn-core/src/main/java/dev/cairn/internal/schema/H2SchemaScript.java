// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.Catalog.each;
import static dev.cairn.internal.schema.Catalog.single;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a H2 2.x schema (the connection's current schema, as {@link H2SchemaReader} reads it) from
 * H2's own {@code SCRIPT NODATA NOPASSWORDS NOSETTINGS SCHEMA s}
 * (https://h2database.com/html/commands.html#script), which lists the schema's objects in an order
 * that runs: domains, aliases, sequences, then each table with its primary key and indexes and the
 * views in the order they were made, then every other constraint (so foreign keys may form cycles),
 * domain checks and triggers. Each statement is taken as H2 wrote it, with these changes:
 * <ul>
 *   <li>the schema's name is taken off every name outside strings, so that the script builds in
 *       whichever schema it runs in;
 *   <li>{@code CREATE MEMORY TABLE} and {@code CREATE CACHED TABLE} lose the word, so that a table
 *       gets the default of the database it is made in (cached in a file, memory in memory), not that
 *       of the database it was read from;
 *   <li>{@code RESTART WITH n} of an identity column or a sequence is dropped, so that it starts at its
 *       start again, as the reader reads no current value;
 *   <li>left out: the comments (row counts), the users, roles, grants and other schemas, and the
 *       ignored tables with their constraints, indexes and triggers.
 * </ul>
 * Down drops, in the reverse order, the foreign keys, triggers, views, tables, sequences, aliases,
 * domains and other objects; indexes and the other constraints go with their tables.
 */
public final class H2SchemaScript implements SchemaScript {

    private static final Pattern RESTART = Pattern.compile(" RESTART WITH -?\\d+");
    private static final Set<String> LEFT_OUT = Set.of("USER", "ROLE", "SCHEMA");

    @Override
    public Script write(Connection connection, Set<String> ignoredTables) throws SQLException {
        String schema = single(connection, "SELECT CURRENT_SCHEMA");
        String qualifier = quote(schema) + ".";
        List<String> rows = new ArrayList<>();
        each(
                connection,
                "SCRIPT NODATA NOPASSWORDS NOSETTINGS SCHEMA " + quote(schema),
                rs -> rows.add(rs.getString(1)));
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        List<String> views = new ArrayList<>();
        for (String row : rows) {
            String sql = row.strip();
            sql = unqualified(
                    sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql, qualifier);
            Head head = Head.of(sql);
            if (head == null) {
                continue;
            }
            if (head.owner() != null && ignoredTables.contains(head.owner().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (head.kind().equals("TABLE")) {
                sql = sql.replaceFirst("^CREATE (?:MEMORY|CACHED) TABLE ", "CREATE TABLE ");
            }
            if (head.kind().equals("TABLE") || head.kind().equals("SEQUENCE")) {
                sql = RESTART.matcher(sql).replaceAll("");
            }
            up.add(sql);
            if (head.drop() != null) {
                (head.kind().equals("VIEW") ? views : down).add(0, head.drop());
            }
        }
        // SCRIPT writes a view before the tables it reads (CREATE FORCE VIEW), so the reverse order would
        // drop those tables first; once the database is reopened the view holds on to them. Views go first.
        views.addAll(down);
        return new Script(up, views);
    }

    /** {@code sql} without {@code qualifier} ({@code "PUBLIC".}) before names, leaving strings as they are. */
    static String unqualified(String sql, String qualifier) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '"' && sql.startsWith(qualifier, i)) {
                i += qualifier.length();
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < sql.length() && (sql.charAt(end) != c || sql.startsWith("" + c + c, end))) {
                    end += sql.charAt(end) == c ? 2 : 1;
                }
                end = Math.min(end + 1, sql.length());
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * What a statement of H2's script makes: the kind of object ({@code TABLE}, {@code INDEX},
     * {@code CONSTRAINT}, …), the table it belongs to (null if none) and the statement that drops it
     * (null if it goes with its table).
     */
    private record Head(String kind, String owner, String drop) {

        /** Reads the words and quoted names at the start of {@code sql}; null for a statement to leave out. */
        static Head of(String sql) throws SQLException {
            if (sql.isEmpty() || sql.startsWith("--")) {
                return null;
            }
            List<String> words = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int i = 0;
            // Words up to the first name, then names and words until what follows is no longer the head.
            while (i < sql.length() && names.size() < 3) {
                char c = sql.charAt(i);
                if (c == '"') {
                    int end = i + 1;
                    while (end < sql.length() && (sql.charAt(end) != '"' || sql.startsWith("\"\"", end))) {
                        end += sql.charAt(end) == '"' ? 2 : 1;
                    }
                    names.add(sql.substring(i + 1, Math.min(end, sql.length())).replace("\"\"", "\""));
                    words.add("\"");
                    i = end + 1;
                } else if (Character.isLetter(c)) {
                    int end = i;
                    while (end < sql.length()
                            && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                        end++;
                    }
                    words.add(sql.substring(i, end).toUpperCase(Locale.ROOT));
                    i = end;
                } else if (c == '(' || c == '\'') {
                    break;
                } else {
                    i++;
                }
            }
            String first = words.isEmpty() ? "" : words.get(0);
            String second = words.size() > 1 ? words.get(1) : "";
            int name = words.indexOf("\"");
            if (first.equals("COMMENT")) {
                boolean ofTable =
                        second.equals("ON") && Set.of("TABLE", "COLUMN").contains(words.get(2));
                return new Head("COMMENT", ofTable && !names.isEmpty() ? names.get(0) : null, null);
            }
            if (first.equals("GRANT")
                    || first.equals("REVOKE")
                    || first.equals("SET")
                    || first.equals("CREATE") && LEFT_OUT.contains(second)) {
                return null;
            }
            if (name < 0) {
                throw new SQLFeatureNotSupportedException("Cannot write H2's statement into a script: " + sql);
            }
            if (first.equals("ALTER")
                    && words.size() > name + 3
                    && words.get(name + 2).equals("CONSTRAINT")) {
                // ALTER TABLE|DOMAIN "x" ADD CONSTRAINT "c" …: only a foreign key stands in the way of a DROP.
                boolean table = second.equals("TABLE");
                String drop =
                        table && words.size() > name + 4 && words.get(name + 4).equals("FOREIGN")
                                ? "ALTER TABLE " + quote(names.get(0)) + " DROP CONSTRAINT " + quote(names.get(1))
                                : null;
                return new Head("CONSTRAINT", table ? names.get(0) : null, drop);
            }
            if (!first.equals("CREATE")) {
                throw new SQLFeatureNotSupportedException("Cannot write H2's statement into a script: " + sql);
            }
            List<String> kindWords = words.subList(1, name);
            String kind =
                    kindWords.contains("MATERIALIZED") ? "MATERIALIZED VIEW" : kindWords.get(kindWords.size() - 1);
            String object = quote(names.get(0));
            return switch (kind) {
                case "TABLE" -> new Head(kind, names.get(0), "DROP TABLE " + object);
                case "INDEX" -> new Head(kind, owner(words, names, name), null);
                case "TRIGGER" -> new Head(kind, owner(words, names, name), "DROP TRIGGER " + object);
                // Whichever order views were written in, a view may read another: the first drop takes
                // those with it, and the later drops find them gone.
                case "VIEW" -> new Head(kind, null, "DROP VIEW IF EXISTS " + object + " CASCADE");
                default -> new Head(kind, null, "DROP " + kind + " " + object);
            };
        }

        /** The table after the {@code ON} that follows the object's name, in an index or trigger. */
        private static String owner(List<String> words, List<String> names, int name) throws SQLException {
            int on = words.subList(name, words.size()).indexOf("ON");
            if (on < 0
                    || name + on + 1 >= words.size()
                    || !words.get(name + on + 1).equals("\"")) {
                throw new SQLFeatureNotSupportedException("Cannot tell the table of H2's " + names.get(0));
            }
            return names.get(1);
        }
    }
}
