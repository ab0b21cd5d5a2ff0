// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.Catalog.each;
import static dev.cairn.internal.schema.Catalog.single;
import static dev.cairn.internal.schema.Snapshots.hash;

import dev.cairn.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MySQL 8 and MariaDB 10.6+ schema (the current database, {@code DATABASE()}) from
 * {@code information_schema}; see {@link Snapshots} for what it records. What the two servers
 * report differently is normalised here, so that the same schema reads the same on both where the
 * catalogs allow:
 * <ul>
 *   <li>Integer display widths ({@code int(11)} on MariaDB, {@code int} on MySQL 8.0.19+) are
 *       dropped: they change nothing that is stored.
 *   <li>Defaults: MariaDB 10.2.7+ quotes literal defaults ({@code 'anon'}) and reports a nullable
 *       column without a default as the text {@code NULL}; MySQL reports literals unquoted and marks
 *       expressions with {@code DEFAULT_GENERATED} in {@code EXTRA}. Both read as MariaDB's form:
 *       string and date literals quoted, numbers and expressions bare, no default absent, and
 *       {@code CURRENT_TIMESTAMP} as {@code current_timestamp()}.
 *   <li>Foreign key rules: for a rule left unsaid MariaDB 10.11 reports {@code RESTRICT} and MySQL
 *       8 {@code NO ACTION}; InnoDB treats the two alike (no deferred checks), so {@code restrict}
 *       reads as {@code no action}.
 *   <li>A unique constraint is a unique index in MySQL, whichever way it was made ({@code UNIQUE}
 *       in a table, {@code CREATE UNIQUE INDEX}): every unique index but {@code PRIMARY} is recorded
 *       as {@code unique U}, with its columns as an index's are written ({@code desc}, prefixes).
 *   <li>InnoDB makes an index for each foreign key that has none, named after the constraint (or,
 *       unnamed, after its first column) and left behind when the key is dropped. One cannot tell it
 *       from an index made by hand, so an index is left out when it is not unique, its columns are
 *       exactly a foreign key's, and it has the key's or the key's first column's name; the
 *       constraint shows it. Once the key is dropped, the index shows, as it is still there.
 *   <li>Generated names are replaced: foreign keys {@code T_ibfk_N} by {@code T_cols_fkey}, checks
 *       {@code CONSTRAINT_N} (MariaDB) and {@code T_chk_N} (MySQL) by {@code T_check_} and a hash of
 *       the expression. A check's expression loses MySQL's enclosing parentheses.
 *   <li>The database's name never appears in a value: views, which both servers store with every
 *       table qualified ({@code `db`.`users`}), lose the qualifier, as do triggers and routines.
 *   <li>MariaDB's sequences ({@code TABLE_TYPE = 'SEQUENCE'}) are read from the sequence itself;
 *       MySQL has none.
 * </ul>
 * Routines are recorded as {@code routine name(type, …)}, parameter types from
 * {@code information_schema.PARAMETERS}, {@code out} or {@code inout} before a parameter that is
 * not {@code in}. Not recorded: generated columns' expressions, {@code ON UPDATE CURRENT_TIMESTAMP},
 * index types (fulltext, spatial), table options (engine, charset, collation).
 */
public final class MysqlSchemaReader implements SchemaReader {

    private static final Pattern INTEGER_WIDTH =
            Pattern.compile("\\b(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)");
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("(?i)current_timestamp(?:\\((\\d*)\\))?");
    private static final Pattern NUMERIC_TYPES =
            Pattern.compile("tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|bit");

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        String database = single(connection, "SELECT DATABASE()");
        boolean mariaDb = single(connection, "SELECT VERSION()").contains("MariaDB");
        // Every value loses the database's name: `db`.`t` as both servers write it in a view.
        String qualifier = "`" + database.replace("`", "``") + "`.";
        Snapshots snapshot = new Snapshots();

        Set<String> tables = new HashSet<>();
        Set<String> sequences = new TreeSet<>();
        each(
                connection,
                "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
                rs -> {
                    String table = rs.getString(1);
                    if (ignoredTables.contains(table.toLowerCase(Locale.ROOT))) {
                        return;
                    }
                    if ("BASE TABLE".equals(rs.getString(2))) {
                        tables.add(table);
                        snapshot.object(Snapshots.table(table));
                    } else if ("SEQUENCE".equals(rs.getString(2))) {
                        sequences.add(table);
                    }
                });

        columns(connection, tables, mariaDb, snapshot);
        Map<String, ForeignKey> foreignKeys = foreignKeys(connection, tables, snapshot);
        checks(connection, tables, mariaDb, snapshot);
        indexes(connection, tables, foreignKeys, snapshot);

        each(
                connection,
                "SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()",
                rs -> snapshot.put(
                        "view " + Snapshots.name(rs.getString(1)),
                        "definition",
                        unqualified(rs.getString(2), qualifier)));

        each(
                connection,
                "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT"
                        + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()",
                rs -> {
                    if (!tables.contains(rs.getString(2))) {
                        return;
                    }
                    String path = "trigger " + Snapshots.name(rs.getString(1));
                    snapshot.put(path, "table", Snapshots.name(rs.getString(2)))
                            .put(path, "timing", lower(rs.getString(3)))
                            .put(path, "event", lower(rs.getString(4)))
                            .put(path, "definition", unqualified(rs.getString(5), qualifier));
                });

        routines(connection, qualifier, snapshot);

        for (String sequence : sequences) {
            each(
                    connection,
                    "SELECT start_value, increment, minimum_value, maximum_value, cycle_option FROM `"
                            + sequence.replace("`", "``") + "`",
                    rs -> {
                        String path = "sequence " + Snapshots.name(sequence);
                        snapshot.put(path, "start", rs.getString(1))
                                .put(path, "increment", rs.getString(2))
                                .put(path, "min", rs.getString(3))
                                .put(path, "max", rs.getString(4))
                                .put(path, "cycle", rs.getInt(5) != 0 ? "yes" : "no");
                    });
        }
        return snapshot.build();
    }

    private static void columns(Connection connection, Set<String> tables, boolean mariaDb, Snapshots snapshot)
            throws SQLException {
        each(
                connection,
                "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
                        + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()",
                rs -> {
                    String table = rs.getString(1);
                    if (!tables.contains(table)) {
                        return;
                    }
                    String path = Snapshots.part(table, "column", rs.getString(2));
                    String extra = lower(rs.getString(7));
                    snapshot.put(path, "type", type(rs.getString(3)))
                            .put(path, "nullable", "YES".equals(rs.getString(5)) ? "yes" : "no")
                            .put(path, "default", defaultValue(rs.getString(6), lower(rs.getString(4)), extra, mariaDb))
                            .put(
                                    path,
                                    "auto increment",
                                    extra != null && extra.contains("auto_increment") ? "yes" : null);
                });
    }

    /** Records primary and foreign keys; returns the foreign keys by table and (reported) name. */
    private static Map<String, ForeignKey> foreignKeys(Connection connection, Set<String> tables, Snapshots snapshot)
            throws SQLException {
        Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
        Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
        each(
                connection,
                "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,"
                        + " k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE"
                        + " FROM information_schema.KEY_COLUMN_USAGE k"
                        + " LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA ="
                        + " k.CONSTRAINT_SCHEMA"
                        + " AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                        + " WHERE k.TABLE_SCHEMA = DATABASE() AND (k.CONSTRAINT_NAME = 'PRIMARY'"
                        + " OR k.REFERENCED_TABLE_NAME IS NOT NULL)"
                        + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
                rs -> {
                    String table = rs.getString(1);
                    if (!tables.contains(table)) {
                        return;
                    }
                    if (rs.getString(4) == null) {
                        primaryKeys
                                .computeIfAbsent(table, t -> new ArrayList<>())
                                .add(rs.getString(3));
                        return;
                    }
                    String name = rs.getString(2);
                    String referenced = rs.getString(4);
                    String onUpdate = rule(rs.getString(6));
                    String onDelete = rule(rs.getString(7));
                    ForeignKey key = foreignKeys.computeIfAbsent(
                            table + "\0" + name,
                            k -> new ForeignKey(
                                    table, name, referenced, new ArrayList<>(), new ArrayList<>(), onUpdate, onDelete));
                    key.columns().add(rs.getString(3));
                    key.referencedColumns().add(rs.getString(5));
                });
        primaryKeys.forEach((table, columns) ->
                snapshot.put(Snapshots.part(table, "primary key", null), "columns", names(columns)));
        for (ForeignKey key : foreignKeys.values()) {
            String name = key.name().matches(Pattern.quote(key.table()) + "_ibfk_\\d+")
                    ? key.table() + "_" + String.join("_", key.columns()) + "_fkey"
                    : key.name();
            String path = Snapshots.part(key.table(), "foreign key", name);
            snapshot.put(path, "columns", names(key.columns()))
                    .put(
                            path,
                            "references",
                            Snapshots.name(key.referencedTable()) + "(" + names(key.referencedColumns()) + ")")
                    .put(path, "on update", key.onUpdate())
                    .put(path, "on delete", key.onDelete());
        }
        return foreignKeys;
    }

    private static void checks(Connection connection, Set<String> tables, boolean mariaDb, Snapshots snapshot)
            throws SQLException {
        // MySQL before 8.0.16 has no CHECK_CONSTRAINTS (and enforced no checks).
        if (single(
                        connection,
                        "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                                + " 'information_schema' AND TABLE_NAME = 'CHECK_CONSTRAINTS'")
                .equals("0")) {
            return;
        }
        // MariaDB names checks per table (CONSTRAINT_1 in each) and says which; MySQL per database.
        String sameTable = mariaDb ? " AND t.TABLE_NAME = c.TABLE_NAME" : "";
        each(
                connection,
                "SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE"
                        + " FROM information_schema.CHECK_CONSTRAINTS c JOIN information_schema.TABLE_CONSTRAINTS t"
                        + " ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
                        + sameTable + " AND t.CONSTRAINT_TYPE = 'CHECK'"
                        + " WHERE c.CONSTRAINT_SCHEMA = DATABASE()",
                rs -> {
                    String table = rs.getString(1);
                    if (!tables.contains(table)) {
                        return;
                    }
                    String expression = unparenthesised(Snapshots.normalised(rs.getString(3)));
                    String name = rs.getString(2);
                    if (name.matches("CONSTRAINT_\\d+") || name.matches(Pattern.quote(table) + "_chk_\\d+")) {
                        name = table + "_check_" + hash(expression);
                    }
                    snapshot.put(Snapshots.part(table, "check", name), "expression", expression);
                });
    }

    private static void indexes(
            Connection connection, Set<String> tables, Map<String, ForeignKey> foreignKeys, Snapshots snapshot)
            throws SQLException {
        Map<String, Index> indexes = new LinkedHashMap<>();
        // MySQL 8.0.13+ reports a functional key part's expression; MariaDB has no such column.
        boolean expressions = !single(
                        connection,
                        "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE"
                                + " TABLE_SCHEMA = 'information_schema' AND TABLE_NAME = 'STATISTICS' AND COLUMN_NAME"
                                + " = 'EXPRESSION'")
                .equals("0");
        each(
                connection,
                "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, COLLATION, SUB_PART, "
                        + (expressions ? "EXPRESSION" : "NULL") + " FROM information_schema.STATISTICS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'"
                        + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
                rs -> {
                    String table = rs.getString(1);
                    if (!tables.contains(table)) {
                        return;
                    }
                    String name = rs.getString(2);
                    boolean unique = rs.getInt(3) == 0;
                    Index index = indexes.computeIfAbsent(
                            table + "\0" + name,
                            k -> new Index(table, name, unique, new ArrayList<>(), new ArrayList<>()));
                    String column = rs.getString(4);
                    index.plainColumns().add(rs.getString(6) == null && !"D".equals(rs.getString(5)) ? column : null);
                    String part = column == null ? rs.getString(7) : Snapshots.name(column);
                    if (rs.getString(6) != null) {
                        part += "(" + rs.getString(6) + ")";
                    }
                    index.parts().add("D".equals(rs.getString(5)) ? part + " desc" : part);
                });
        for (Index index : indexes.values()) {
            if (index.unique()) {
                snapshot.put(
                        Snapshots.part(index.table(), "unique", index.name()),
                        "columns",
                        String.join(", ", index.parts()));
            } else if (!backsForeignKey(index, foreignKeys)) {
                String path = Snapshots.part(index.table(), "index", index.name());
                snapshot.put(path, "columns", String.join(", ", index.parts())).put(path, "unique", "no");
            }
        }
    }

    private static boolean backsForeignKey(Index index, Map<String, ForeignKey> foreignKeys) {
        for (ForeignKey key : foreignKeys.values()) {
            if (key.table().equals(index.table())
                    && key.columns().equals(index.plainColumns())
                    && (index.name().equals(key.name())
                            || index.name().matches(Pattern.quote(key.columns().get(0)) + "(_\\d+)?"))) {
                return true;
            }
        }
        return false;
    }

    private static void routines(Connection connection, String qualifier, Snapshots snapshot) throws SQLException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        each(
                connection,
                "SELECT ROUTINE_TYPE, SPECIFIC_NAME, PARAMETER_MODE, DTD_IDENTIFIER"
                        + " FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = DATABASE() AND ORDINAL_POSITION"
                        + " > 0"
                        + " ORDER BY ROUTINE_TYPE, SPECIFIC_NAME, ORDINAL_POSITION",
                rs -> {
                    String mode = lower(rs.getString(3));
                    parameters
                            .computeIfAbsent(rs.getString(1) + "\0" + rs.getString(2), k -> new ArrayList<>())
                            .add(("in".equals(mode) || mode == null ? "" : mode + " ") + type(rs.getString(4)));
                });
        each(
                connection,
                "SELECT ROUTINE_TYPE, SPECIFIC_NAME, ROUTINE_NAME, DTD_IDENTIFIER, ROUTINE_DEFINITION"
                        + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()",
                rs -> {
                    List<String> arguments =
                            parameters.getOrDefault(rs.getString(1) + "\0" + rs.getString(2), List.of());
                    String path =
                            "routine " + Snapshots.name(rs.getString(3)) + "(" + String.join(", ", arguments) + ")";
                    snapshot.put(path, "kind", lower(rs.getString(1)))
                            .put(path, "returns", rs.getString(4) == null ? null : type(rs.getString(4)))
                            .put(path, "definition", unqualified(rs.getString(5), qualifier));
                });
    }

    /** A column type as MySQL writes it, lower case, without integer display widths. */
    static String type(String columnType) {
        return INTEGER_WIDTH.matcher(columnType.toLowerCase(Locale.ROOT)).replaceAll("$1");
    }

    /** A default in MariaDB's form (see the class comment), or null for none. */
    static String defaultValue(String reported, String dataType, String extra, boolean mariaDb) {
        if (reported == null || mariaDb && reported.equals("NULL")) {
            return null;
        }
        boolean literal = mariaDb
                ? reported.startsWith("'")
                : (extra == null || !extra.contains("default_generated"))
                        && !NUMERIC_TYPES.matcher(dataType).matches();
        if (literal) {
            return mariaDb ? reported : "'" + reported.replace("'", "''") + "'";
        }
        Matcher now = CURRENT_TIMESTAMP.matcher(reported);
        return now.matches() ? "current_timestamp(" + (now.group(1) == null ? "" : now.group(1)) + ")" : reported;
    }

    private static String rule(String rule) {
        return rule == null || rule.equals("RESTRICT") ? "no action" : lower(rule);
    }

    private static String unqualified(String sql, String qualifier) {
        return sql == null ? null : Snapshots.normalised(sql.replace(qualifier, ""));
    }

    /** The expression without parentheses that enclose all of it, as MySQL writes a check. */
    static String unparenthesised(String expression) {
        if (!expression.startsWith("(") || !expression.endsWith(")")) {
            return expression;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length() - 1; i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return expression;
            }
        }
        return expression.substring(1, expression.length() - 1).strip();
    }

    private static String names(List<String> names) {
        List<String> written = new ArrayList<>();
        names.forEach(n -> written.add(Snapshots.name(n)));
        return String.join(", ", written);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private record ForeignKey(
            String table,
            String name,
            String referencedTable,
            List<String> columns,
            List<String> referencedColumns,
            String onUpdate,
            String onDelete) {}

    /** An index as STATISTICS lists it: per key part its text, and its plain column (null if not plain). */
    private record Index(String table, String name, boolean unique, List<String> parts, List<String> plainColumns) {}
}
