// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.Catalog.each;
import static dev.cairn.internal.schema.Snapshots.hash;

import dev.cairn.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * What MySQL has beyond {@link Snapshots}' common attributes, recorded only where not the default so
 * that a plain schema reads as on other databases:
 * <ul>
 *   <li>{@code table T}: {@code column order}; {@code collation} and {@code engine} where they differ
 *       from the database's and the server's default.
 *   <li>Columns: {@code identity} ({@code by default}, for {@code AUTO_INCREMENT}), {@code on update}
 *       ({@code current_timestamp(…)}), {@code generated} (the expression) with {@code storage}
 *       ({@code stored}/{@code virtual}), {@code invisible}, {@code collation} where it differs from
 *       the table's. An enum's or set's type lists its values: {@code enum('a','b')}.
 *   <li>Indexes: {@code method} ({@code hash}, {@code fulltext}, {@code spatial}) unless BTREE.
 *   <li>Views: {@code check option} ({@code cascaded}/{@code local}) and {@code security}
 *       ({@code invoker}) where set.
 *   <li>Triggers: {@code table}, {@code timing}, {@code events} (one), {@code level} ({@code row}),
 *       {@code body}.
 *   <li>Routines, as {@code routine name(type, …)} with {@code out} or {@code inout} before a
 *       parameter that is not {@code in}: {@code kind}, {@code returns}, {@code language}
 *       ({@code sql}), {@code body}, {@code deterministic}, {@code sql data access}, and
 *       {@code security} ({@code invoker}) where set.
 * </ul>
 * Every query reads one {@code information_schema} table for {@code DATABASE()}: MariaDB answers a
 * join of two of them by opening each table once per row. Not recorded: events, partitioning,
 * comments, index visibility, triggers' order among triggers on the same event, definers.
 */
public final class MysqlSchemaReader implements SchemaReader {

    private static final Pattern INTEGER_WIDTH =
            Pattern.compile("\\b(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)");
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("(?i)current_timestamp(?:\\((\\d*)\\))?");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern ON_UPDATE = Pattern.compile("on update (current_timestamp(?:\\(\\d*\\))?)");
    private static final Pattern NUMERIC_TYPES =
            Pattern.compile("tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|bit");

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        Server server = server(connection);
        // Every value loses the database's name: `db`.`t` as both servers write it in a view.
        String qualifier = "`" + server.database().replace("`", "``") + "`.";
        Snapshots snapshot = new Snapshots();

        Map<String, String> tableCollations = new HashMap<>();
        Set<String> sequences = new TreeSet<>();
        each(
                connection,
                "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COLLATION, ENGINE FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE()",
                rs -> {
                    String table = rs.getString(1);
                    if (ignoredTables.contains(table.toLowerCase(Locale.ROOT))) {
                        return;
                    }
                    if ("BASE TABLE".equals(rs.getString(2))) {
                        tableCollations.put(table, rs.getString(3));
                        // Table options only where they differ from what the database gives a new table,
                        // so that a scratch database made with other defaults reads alike.
                        String path = Snapshots.table(table);
                        snapshot.object(path);
                        snapshot.put(path, "collation", differing(rs.getString(3), server.collation()))
                                .put(path, "engine", lower(differing(rs.getString(4), server.engine())));
                    } else if ("SEQUENCE".equals(rs.getString(2))) {
                        sequences.add(table);
                    }
                });
        Set<String> tables = tableCollations.keySet();

        columns(connection, tableCollations, server.mariaDb(), snapshot);
        Map<String, ForeignKey> foreignKeys = foreignKeys(connection, tables, snapshot);
        checks(connection, tables, server, snapshot);
        indexes(connection, tables, foreignKeys, server.expressions(), snapshot);

        each(
                connection,
                "SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE FROM information_schema.VIEWS"
                        + " WHERE TABLE_SCHEMA = DATABASE()",
                rs -> {
                    String path = "view " + Snapshots.name(rs.getString(1));
                    snapshot.put(path, "definition", unqualified(rs.getString(2), qualifier))
                            .put(path, "check option", lower(differing(rs.getString(3), "NONE")))
                            .put(path, "security", lower(differing(rs.getString(4), "DEFINER")));
                });

        // A trigger fires on one event, always for each row; level is recorded so that snapshots read
        // as other databases' do. (EVENT_OBJECT_SCHEMA, not TRIGGER_SCHEMA: MariaDB looks that one up.)
        each(
                connection,
                "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION,"
                        + " ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE()",
                rs -> {
                    if (!tables.contains(rs.getString(2))) {
                        return;
                    }
                    String path = "trigger " + Snapshots.name(rs.getString(1));
                    snapshot.put(path, "table", Snapshots.name(rs.getString(2)))
                            .put(path, "timing", lower(rs.getString(3)))
                            .put(path, "events", lower(rs.getString(4)))
                            .put(path, "level", lower(rs.getString(5)))
                            .put(path, "body", unqualified(rs.getString(6), qualifier));
                });

        routines(connection, qualifier, snapshot);
        sequences(connection, sequences, snapshot);
        return snapshot.build();
    }

    /**
     * The current database and what the server is, in one query: whether it is MariaDB, the defaults a
     * new table gets, and which catalog columns it has, by version (asking the catalog costs more than
     * all the rest of this query).
     */
    private static Server server(Connection connection) throws SQLException {
        Server[] server = new Server[1];
        each(connection, "SELECT DATABASE(), VERSION(), @@collation_database, @@default_storage_engine", rs -> {
            boolean mariaDb = rs.getString(2).contains("MariaDB");
            Matcher version = VERSION.matcher(rs.getString(2));
            int number = version.lookingAt()
                    ? Integer.parseInt(version.group(1)) * 10_000
                            + Integer.parseInt(version.group(2)) * 100
                            + Integer.parseInt(version.group(3))
                    : 0;
            // Checks: MariaDB 10.2+ (this reader wants 10.6+), MySQL 8.0.16+; a functional key
            // part's expression: MySQL 8.0.13+, MariaDB never.
            server[0] = new Server(
                    rs.getString(1),
                    mariaDb,
                    rs.getString(3),
                    rs.getString(4),
                    mariaDb || number >= 8_00_16,
                    !mariaDb && number >= 8_00_13);
        });
        return server[0];
    }

    /**
     * MariaDB's sequences, all in one query: MariaDB 10.11 has no catalog of them, only the sequence
     * itself to select from. (MariaDB 11.5+ sequences have a type, not read.)
     */
    private static void sequences(Connection connection, Set<String> sequences, Snapshots snapshot)
            throws SQLException {
        if (sequences.isEmpty()) {
            return;
        }
        List<String> selects = new ArrayList<>();
        for (String sequence : sequences) {
            selects.add("SELECT '" + sequence.replace("'", "''") + "', start_value, increment, minimum_value,"
                    + " maximum_value, cycle_option FROM `" + sequence.replace("`", "``") + "`");
        }
        each(connection, String.join(" UNION ALL ", selects), rs -> {
            String path = "sequence " + Snapshots.name(rs.getString(1));
            snapshot.put(path, "start", rs.getString(2))
                    .put(path, "increment", rs.getString(3))
                    .put(path, "min", rs.getString(4))
                    .put(path, "max", rs.getString(5))
                    .put(path, "cycle", rs.getInt(6) != 0 ? "yes" : "no");
        });
    }

    private static void columns(
            Connection connection, Map<String, String> tableCollations, boolean mariaDb, Snapshots snapshot)
            throws SQLException {
        Map<String, List<String>> order = new LinkedHashMap<>();
        each(
                connection,
                "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
                        + " GENERATION_EXPRESSION, COLLATION_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION",
                rs -> {
                    String table = rs.getString(1);
                    if (!tableCollations.containsKey(table)) {
                        return;
                    }
                    order.computeIfAbsent(table, t -> new ArrayList<>()).add(Snapshots.name(rs.getString(2)));
                    String path = Snapshots.part(table, "column", rs.getString(2));
                    String extra = lower(rs.getString(7)) == null ? "" : lower(rs.getString(7));
                    Matcher onUpdate = ON_UPDATE.matcher(extra);
                    // MySQL reports '' and MariaDB null for a column that is not generated.
                    String generated =
                            rs.getString(8) == null || rs.getString(8).isEmpty()
                                    ? null
                                    : Snapshots.normalised(rs.getString(8));
                    snapshot.put(path, "type", type(rs.getString(3)))
                            .put(path, "nullable", "YES".equals(rs.getString(5)) ? "yes" : "no")
                            .put(path, "default", defaultValue(rs.getString(6), lower(rs.getString(4)), extra, mariaDb))
                            .put(path, "identity", extra.contains("auto_increment") ? "by default" : null)
                            .put(path, "on update", onUpdate.find() ? now(onUpdate.group(1)) : null)
                            .put(path, "generated", generated)
                            .put(
                                    path,
                                    "storage",
                                    generated == null ? null : extra.contains("stored") ? "stored" : "virtual")
                            .put(path, "invisible", extra.contains("invisible") ? "yes" : null)
                            .put(path, "collation", differing(rs.getString(9), tableCollations.get(table)));
                });
        order.forEach(
                (table, columns) -> snapshot.put(Snapshots.table(table), "column order", String.join(", ", columns)));
    }

    /** Records primary and foreign keys; returns the foreign keys by table and (reported) name. */
    private static Map<String, ForeignKey> foreignKeys(Connection connection, Set<String> tables, Snapshots snapshot)
            throws SQLException {
        Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
        Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
        // Two queries, not a join: MariaDB answers a join of two information_schema tables by opening
        // every table once per row of the other (40 ms instead of 10 for 300 tables).
        Map<String, String[]> rules = new HashMap<>();
        each(
                connection,
                "SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE"
                        + " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()",
                rs -> rules.put(
                        rs.getString(1) + "\0" + rs.getString(2),
                        new String[] {rule(rs.getString(3)), rule(rs.getString(4))}));
        each(
                connection,
                "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
                        + " FROM information_schema.KEY_COLUMN_USAGE"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND (CONSTRAINT_NAME = 'PRIMARY'"
                        + " OR REFERENCED_TABLE_NAME IS NOT NULL)"
                        + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
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
                    String[] rule = rules.getOrDefault(table + "\0" + name, new String[2]);
                    ForeignKey key = foreignKeys.computeIfAbsent(
                            table + "\0" + name,
                            k -> new ForeignKey(
                                    table, name, referenced, new ArrayList<>(), new ArrayList<>(), rule[0], rule[1]));
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

    private static void checks(Connection connection, Set<String> tables, Server server, Snapshots snapshot)
            throws SQLException {
        // MySQL before 8.0.16 has no CHECK_CONSTRAINTS (and enforced no checks).
        if (!server.checks()) {
            return;
        }
        // MariaDB names checks per table (CONSTRAINT_1 in each) and says which; MySQL names them per
        // database, and only TABLE_CONSTRAINTS says the table.
        each(
                connection,
                server.mariaDb()
                        ? "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                                + " WHERE CONSTRAINT_SCHEMA = DATABASE()"
                        : "SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE"
                                + " FROM information_schema.CHECK_CONSTRAINTS c"
                                + " JOIN information_schema.TABLE_CONSTRAINTS t"
                                + " ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA"
                                + " AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK'"
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
            Connection connection,
            Set<String> tables,
            Map<String, ForeignKey> foreignKeys,
            boolean expressions,
            Snapshots snapshot)
            throws SQLException {
        Map<String, Index> indexes = new LinkedHashMap<>();
        // MySQL 8.0.13+ reports a functional key part's expression; MariaDB has no such column.
        each(
                connection,
                "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, COLLATION, SUB_PART, "
                        + (expressions ? "EXPRESSION" : "NULL") + ", INDEX_TYPE FROM information_schema.STATISTICS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'"
                        + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
                rs -> {
                    String table = rs.getString(1);
                    if (!tables.contains(table)) {
                        return;
                    }
                    String name = rs.getString(2);
                    boolean unique = rs.getInt(3) == 0;
                    String type = rs.getString(8);
                    Index index = indexes.computeIfAbsent(
                            table + "\0" + name,
                            k -> new Index(table, name, unique, type, new ArrayList<>(), new ArrayList<>()));
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
                // BTREE is the only kind most engines have, and InnoDB's answer to USING HASH.
                snapshot.put(path, "columns", String.join(", ", index.parts()))
                        .put(path, "unique", "no")
                        .put(path, "method", lower(differing(index.type(), "BTREE")));
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
                "SELECT ROUTINE_TYPE, SPECIFIC_NAME, ROUTINE_NAME, DTD_IDENTIFIER, ROUTINE_DEFINITION,"
                        + " ROUTINE_BODY, IS_DETERMINISTIC, SECURITY_TYPE, SQL_DATA_ACCESS"
                        + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()",
                rs -> {
                    List<String> arguments =
                            parameters.getOrDefault(rs.getString(1) + "\0" + rs.getString(2), List.of());
                    String path =
                            "routine " + Snapshots.name(rs.getString(3)) + "(" + String.join(", ", arguments) + ")";
                    snapshot.put(path, "kind", lower(rs.getString(1)))
                            .put(path, "returns", rs.getString(4) == null ? null : type(rs.getString(4)))
                            .put(path, "body", unqualified(rs.getString(5), qualifier))
                            .put(path, "language", lower(rs.getString(6)))
                            .put(path, "deterministic", "YES".equals(rs.getString(7)) ? "yes" : "no")
                            .put(path, "security", lower(differing(rs.getString(8), "DEFINER")))
                            .put(path, "sql data access", lower(rs.getString(9)));
                });
    }

    /**
     * A column type as MySQL writes it, lower case, without integer display widths; an enum's or a
     * set's values keep their case, as a value's case is kept when stored.
     */
    static String type(String columnType) {
        int values = columnType.indexOf('\'');
        if (values >= 0) {
            return columnType.substring(0, values).toLowerCase(Locale.ROOT) + columnType.substring(values);
        }
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
        return now(reported);
    }

    /** {@code CURRENT_TIMESTAMP}, in any case and with or without a precision, as {@code current_timestamp(…)}. */
    private static String now(String expression) {
        Matcher now = CURRENT_TIMESTAMP.matcher(expression);
        return now.matches() ? "current_timestamp(" + (now.group(1) == null ? "" : now.group(1)) + ")" : expression;
    }

    /** {@code value}, or null where it is {@code usual}: an attribute recorded only when not the default. */
    private static String differing(String value, String usual) {
        return value == null || value.equalsIgnoreCase(usual) ? null : value;
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
    private record Index(
            String table, String name, boolean unique, String type, List<String> parts, List<String> plainColumns) {}

    /** What {@link #server} found. */
    private record Server(
            String database, boolean mariaDb, String collation, String engine, boolean checks, boolean expressions) {}
}
