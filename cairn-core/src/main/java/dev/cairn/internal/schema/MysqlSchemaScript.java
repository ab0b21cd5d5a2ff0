// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.Catalog.each;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a MySQL 8 or MariaDB 10.6+ schema (the current database, as {@link MysqlSchemaReader} reads
 * it) from the server's own {@code SHOW CREATE} statements
 * (https://mariadb.com/kb/en/show-create-table/, https://dev.mysql.com/doc/refman/8.0/en/show-create-table.html).
 * Up makes, in this order: MariaDB's sequences; the tables without their foreign keys; the foreign
 * keys, one {@code ALTER TABLE … ADD CONSTRAINT} each, so that tables may reference each other in a
 * cycle; functions and procedures; views, each after the views it names; triggers, in their order on
 * each table. Down drops triggers, views, routines, foreign keys, tables and sequences.
 *
 * <p>The server's text is changed where it would not build the same schema elsewhere:
 * <ul>
 *   <li>a table loses {@code AUTO_INCREMENT=n}, so that its counter starts afresh (the reader reads
 *       none), and its {@code ENGINE}, {@code DEFAULT CHARSET} and {@code COLLATE} options where they
 *       are the server's and database's defaults, which the reader does not record either;
 *   <li>views, triggers and routines lose {@code DEFINER=…}, so that they run as whoever runs the
 *       script, and views {@code ALGORITHM=UNDEFINED} and {@code SQL SECURITY DEFINER}, the defaults;
 *   <li>the database's name before a name, outside strings, is taken off, as the script builds in
 *       another database.
 * </ul>
 * Left out, as the reader reads none of them: events, grants, and the ignored tables with their
 * triggers. A routine's or trigger's {@code sql_mode} is not written: it gets the session's.
 */
public final class MysqlSchemaScript implements SchemaScript {

    private static final String QUOTED = "`(?:[^`]|``)*`";
    private static final Pattern DEFINER =
            Pattern.compile("DEFINER=(?:" + QUOTED + "|'[^']*'|[^@ ]+)(?:@(?:" + QUOTED + "|'[^']*'|\\S+))? ");
    private static final Pattern VIEW_HEAD =
            Pattern.compile("^CREATE (ALGORITHM=\\w+ )?(DEFINER=\\S.*? )?(SQL SECURITY (\\w+) )?VIEW ", Pattern.DOTALL);
    private static final Pattern FOREIGN_KEY = Pattern.compile("^ *CONSTRAINT " + QUOTED + " FOREIGN KEY .*");
    private static final Pattern QUOTED_NAME = Pattern.compile(QUOTED);

    @Override
    public Script write(Connection connection, Set<String> ignoredTables) throws SQLException {
        String[] server = new String[3];
        each(connection, "SELECT DATABASE(), @@collation_database, @@default_storage_engine", rs -> {
            server[0] = rs.getString(1);
            server[1] = rs.getString(2);
            server[2] = rs.getString(3);
        });
        String qualifier = quote(server[0]) + ".";
        List<String[]> tables = new ArrayList<>();
        each(
                connection,
                "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COLLATION, ENGINE FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
                rs -> tables.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}));
        Parts up = new Parts();
        Parts down = new Parts();
        Map<String, String> views = new LinkedHashMap<>();
        for (String[] table : tables) {
            String name = table[0];
            if (table[1].equals("SEQUENCE")) {
                String sql = show(connection, "SEQUENCE", name, 2);
                up.sequences.add(withoutOptions(sql, table, server));
                down.sequences.add(0, "DROP SEQUENCE " + quote(name));
            } else if (table[1].equals("VIEW")) {
                views.put(name, unqualified(view(show(connection, "VIEW", name, 2)), qualifier));
            } else if (!ignoredTables.contains(name.toLowerCase(Locale.ROOT))) {
                String sql = show(connection, "TABLE", name, 2);
                up.tables.add(withoutForeignKeys(withoutOptions(sql, table, server), name, up, down));
                down.tables.add(0, "DROP TABLE " + quote(name));
            }
        }
        List<String[]> routines = new ArrayList<>();
        each(
                connection,
                "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
                        + " ORDER BY ROUTINE_TYPE, ROUTINE_NAME",
                rs -> routines.add(new String[] {rs.getString(1), rs.getString(2)}));
        for (String[] routine : routines) {
            String sql = show(connection, routine[0], routine[1], 3);
            up.routines.add(unqualified(DEFINER.matcher(sql).replaceFirst(""), qualifier));
            down.routines.add(0, "DROP " + routine[0] + " " + quote(routine[1]));
        }
        for (String view : inDependencyOrder(views)) {
            up.views.add(views.get(view));
            down.views.add(0, "DROP VIEW " + quote(view));
        }
        List<String[]> triggers = new ArrayList<>();
        each(
                connection,
                "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS"
                        + " WHERE EVENT_OBJECT_SCHEMA = DATABASE() ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER",
                rs -> triggers.add(new String[] {rs.getString(1), rs.getString(2)}));
        for (String[] trigger : triggers) {
            if (!ignoredTables.contains(trigger[1].toLowerCase(Locale.ROOT))) {
                String sql = show(connection, "TRIGGER", trigger[0], 3);
                up.triggers.add(unqualified(DEFINER.matcher(sql).replaceFirst(""), qualifier));
                down.triggers.add(0, "DROP TRIGGER " + quote(trigger[0]));
            }
        }
        return new Script(up.inOrder(), down.inReverse());
    }

    /** The statements of each kind, in the order up makes them. */
    private static final class Parts {
        final List<String> sequences = new ArrayList<>();
        final List<String> tables = new ArrayList<>();
        final List<String> foreignKeys = new ArrayList<>();
        final List<String> routines = new ArrayList<>();
        final List<String> views = new ArrayList<>();
        final List<String> triggers = new ArrayList<>();

        List<String> inOrder() {
            List<String> all = new ArrayList<>(sequences);
            all.addAll(tables);
            all.addAll(foreignKeys);
            all.addAll(routines);
            all.addAll(views);
            all.addAll(triggers);
            return all;
        }

        List<String> inReverse() {
            List<String> all = new ArrayList<>(triggers);
            all.addAll(views);
            all.addAll(routines);
            all.addAll(foreignKeys);
            all.addAll(tables);
            all.addAll(sequences);
            return all;
        }
    }

    /** The {@code column}th column of {@code SHOW CREATE kind name}: the statement that makes it. */
    private static String show(Connection connection, String kind, String name, int column) throws SQLException {
        String[] sql = new String[1];
        each(connection, "SHOW CREATE " + kind + " " + quote(name), rs -> sql[0] = rs.getString(column));
        return sql[0].strip();
    }

    /**
     * A table's or sequence's statement without {@code AUTO_INCREMENT=n} and without the options that
     * are the defaults: in the line after the definitions, which starts with {@code )} (a sequence has
     * no definitions, so its options follow its name).
     */
    private static String withoutOptions(String sql, String[] table, String[] server) {
        int close = sql.indexOf("\n)");
        int start = close < 0 ? 0 : close + 2;
        int end = sql.indexOf('\n', start);
        end = end < 0 ? sql.length() : end;
        String options = sql.substring(start, end).replaceAll(" AUTO_INCREMENT=\\d+", "");
        if (table[3] != null && table[3].equalsIgnoreCase(server[2])) {
            options = options.replaceAll(" ENGINE=\\w+", "");
        }
        if (table[2] != null && table[2].equalsIgnoreCase(server[1])) {
            options = options.replaceAll(" DEFAULT CHARSET=\\w+", "").replaceAll(" COLLATE=\\w+", "");
        }
        return sql.substring(0, start) + options + sql.substring(end);
    }

    /**
     * A table's statement without its foreign keys (each on a line of its own in {@code SHOW CREATE
     * TABLE}), which it adds to {@code up} as {@code ALTER TABLE} statements and to {@code down} as
     * the statements that drop them.
     */
    private static String withoutForeignKeys(String sql, String table, Parts up, Parts down) {
        List<String> lines = new ArrayList<>(List.of(sql.split("\n", -1)));
        int close = lines.size();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(")")) {
                close = i;
                break;
            }
        }
        List<String> definitions = new ArrayList<>();
        for (String line : lines.subList(1, close)) {
            String definition = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
            if (FOREIGN_KEY.matcher(definition).matches()) {
                up.foreignKeys.add("ALTER TABLE " + quote(table) + " ADD " + definition.strip());
                Matcher name = QUOTED_NAME.matcher(definition);
                name.find();
                down.foreignKeys.add(0, "ALTER TABLE " + quote(table) + " DROP FOREIGN KEY " + name.group());
            } else {
                definitions.add(definition);
            }
        }
        return lines.get(0) + "\n" + String.join(",\n", definitions) + "\n"
                + String.join("\n", lines.subList(close, lines.size()));
    }

    /** A view's statement without the definer, and without the algorithm and security that are the defaults. */
    private static String view(String sql) {
        Matcher head = VIEW_HEAD.matcher(sql);
        if (!head.lookingAt()) {
            return sql;
        }
        String algorithm = head.group(1) == null || head.group(1).equals("ALGORITHM=UNDEFINED ") ? "" : head.group(1);
        String security = head.group(3) == null || "DEFINER".equalsIgnoreCase(head.group(4)) ? "" : head.group(3);
        return "CREATE " + algorithm + security + "VIEW " + sql.substring(head.end());
    }

    /**
     * The views, each after the views whose quoted name its text holds (a name that is not a
     * reference only orders more strictly); views in a cycle of such names keep their order.
     */
    private static List<String> inDependencyOrder(Map<String, String> views) {
        List<String> ordered = new ArrayList<>();
        List<String> left = new ArrayList<>(views.keySet());
        while (!left.isEmpty()) {
            String next = left.stream()
                    .filter(view -> left.stream()
                            .noneMatch(other -> !other.equals(view)
                                    && views.get(view)
                                            .substring(
                                                    Math.max(0, views.get(view).indexOf(" AS ")))
                                            .contains(quote(other))))
                    .findFirst()
                    .orElse(left.get(0));
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }

    /** {@code sql} without {@code qualifier} ({@code `db`.}) before names, leaving strings as they are. */
    static String unqualified(String sql, String qualifier) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '`' && sql.startsWith(qualifier, i)) {
                i += qualifier.length();
            } else if (c == '`' || c == '\'' || c == '"') {
                int end = i + 1;
                while (end < sql.length() && sql.charAt(end) != c) {
                    end += sql.charAt(end) == '\\' && c != '`' ? 2 : 1;
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
        return '`' + name.replace("`", "``") + '`';
    }
}
