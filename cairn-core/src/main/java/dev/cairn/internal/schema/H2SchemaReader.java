// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.Catalog.each;
import static dev.cairn.internal.schema.Catalog.single;
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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a H2 2.x schema (the connection's current schema) from {@code INFORMATION_SCHEMA}; see
 * {@link Snapshots} for what it records. H2 folds unquoted names to upper case, which
 * {@link Snapshots#name} writes in lower case.
 * <ul>
 *   <li>Types are built from {@code DATA_TYPE} and its length, precision and scale, with H2's long
 *       names shortened: {@code varchar(255)}, {@code char(3)}, {@code varbinary(4)},
 *       {@code numeric(10,2)}, {@code timestamp(6)}. A {@code varchar} or {@code text} declared
 *       without a length reads as {@code varchar(1000000000)}, H2's maximum. An identity column has
 *       {@code identity} ({@code by default} or {@code always}) and no default.
 *   <li>Constraints that H2 named ({@code CONSTRAINT_} and hex digits) get a name made from the
 *       table and columns: {@code T_cols_key} (unique), {@code T_cols_fkey} (foreign key),
 *       {@code T_check_} and a hash of the expression (check).
 *   <li>Indexes that H2 made for a constraint ({@code IS_GENERATED}) are left out; the constraint
 *       shows them. A {@code CREATE UNIQUE INDEX} is an index, not a constraint, as in H2.
 *   <li>The schema's name never appears in a value: views, which H2 stores with every table
 *       qualified ({@code "PUBLIC"."USERS"}), lose the qualifier.
 *   <li>{@code table T} has {@code column order}. A column of a domain has the domain's name as
 *       {@code type}; an enum column {@code enum('a','b')}; a generated column {@code generated}
 *       (the expression) and {@code storage} ({@code stored}: H2 computes it on write); also
 *       {@code on update} and {@code invisible} where set.
 *   <li>Domains are {@code type D}: {@code kind} ({@code domain}), {@code base type}, {@code nullable},
 *       {@code default}, {@code on update}, {@code check}.
 *   <li>Indexes have {@code method} {@code hash} for a hash index; sequences have {@code type}.
 *   <li>A trigger's work is a Java class: {@code class}, with {@code table}, {@code timing},
 *       {@code events}, {@code level}. A routine (an alias) is recorded as
 *       {@code routine name(type, …)}: {@code kind}, {@code returns}, {@code language}
 *       ({@code java}), {@code deterministic}, and its source as {@code body} or the static method it
 *       names as {@code method}.
 * </ul>
 * Not recorded: array element types, user-defined aggregates, constants, synonyms, materialized views.
 */
public final class H2SchemaReader implements SchemaReader {

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        String schema = single(connection, "SELECT CURRENT_SCHEMA");
        String qualifier = "\"" + schema.replace("\"", "\"\"") + "\".";
        Snapshots snapshot = new Snapshots();

        Set<String> tables = new TreeSet<>();
        each(
                connection,
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_TYPE = 'BASE TABLE'",
                rs -> {
                    if (!ignoredTables.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
                        tables.add(rs.getString(1));
                        snapshot.object(Snapshots.table(rs.getString(1)));
                    }
                });

        Map<String, String> enums = enumValues(connection);
        // Check expressions by constraint name, for tables' and domains' checks.
        Map<String, String> checks = new HashMap<>();
        each(
                connection,
                "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA = CURRENT_SCHEMA",
                rs -> checks.put(rs.getString(1), rs.getString(2)));
        domains(connection, enums, checks, snapshot);
        columns(connection, tables, enums, snapshot);
        constraints(connection, tables, checks, snapshot);
        indexes(connection, tables, snapshot);

        each(
                connection,
                "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
                        + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA",
                rs -> snapshot.put(
                        "view " + Snapshots.name(rs.getString(1)),
                        "definition",
                        Snapshots.normalised(rs.getString(2).replace(qualifier, ""))));

        // Identity columns' sequences are not listed by H2 2.x; older ones named them SYSTEM_SEQUENCE_….
        each(
                connection,
                "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION, DATA_TYPE"
                        + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA"
                        + " AND SEQUENCE_NAME NOT LIKE 'SYSTEM\\_SEQUENCE\\_%'",
                rs -> {
                    String path = "sequence " + Snapshots.name(rs.getString(1));
                    snapshot.put(path, "start", rs.getString(2))
                            .put(path, "increment", rs.getString(3))
                            .put(path, "min", rs.getString(4))
                            .put(path, "max", rs.getString(5))
                            .put(path, "cycle", lower(rs.getString(6)))
                            .put(path, "type", lower(rs.getString(7)));
                });

        // One row per event: a trigger on INSERT, UPDATE reads "insert or update". A trigger's work is a
        // Java class; one on a view (INSTEAD OF) is read too.
        each(
                connection,
                "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION,"
                        + " JAVA_CLASS FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = CURRENT_SCHEMA"
                        + " ORDER BY TRIGGER_NAME, EVENT_MANIPULATION",
                rs -> {
                    if (ignoredTables.contains(rs.getString(2).toLowerCase(Locale.ROOT))) {
                        return;
                    }
                    String path = "trigger " + Snapshots.name(rs.getString(1));
                    String events = snapshot.object(path).get("events");
                    String event = lower(rs.getString(4));
                    snapshot.put(path, "table", Snapshots.name(rs.getString(2)))
                            .put(path, "timing", lower(rs.getString(3)))
                            .put(path, "events", events == null ? event : events + " or " + event)
                            .put(path, "level", lower(rs.getString(5)))
                            .put(path, "class", rs.getString(6));
                });

        routines(connection, snapshot);
        return snapshot.build();
    }

    private static void columns(
            Connection connection, Set<String> tables, Map<String, String> enums, Snapshots snapshot)
            throws SQLException {
        Map<String, List<String>> order = new LinkedHashMap<>();
        each(
                connection,
                "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                        + " NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY,"
                        + " IDENTITY_GENERATION, DOMAIN_NAME, DTD_IDENTIFIER, GENERATION_EXPRESSION,"
                        + " COLUMN_ON_UPDATE, IS_VISIBLE"
                        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
                        + " ORDER BY TABLE_NAME, ORDINAL_POSITION",
                rs -> {
                    String table = rs.getString(1);
                    if (!tables.contains(table)) {
                        return;
                    }
                    order.computeIfAbsent(table, t -> new ArrayList<>()).add(Snapshots.name(rs.getString(2)));
                    String path = Snapshots.part(table, "column", rs.getString(2));
                    // A column of a domain has the domain's name as its type; the domain holds the rest.
                    String type = rs.getString(12) != null
                            ? Snapshots.name(rs.getString(12))
                            : type(
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    enums.get("TABLE\0" + table + "\0" + rs.getString(13)));
                    String generated = rs.getString(14);
                    snapshot.put(path, "type", type)
                            .put(path, "nullable", "YES".equals(rs.getString(8)) ? "yes" : "no")
                            .put(path, "default", rs.getString(9))
                            .put(path, "identity", "YES".equals(rs.getString(10)) ? lower(rs.getString(11)) : null)
                            // H2 computes a generated column on write and stores it.
                            .put(path, "generated", generated)
                            .put(path, "storage", generated == null ? null : "stored")
                            .put(path, "on update", rs.getString(15))
                            .put(path, "invisible", rs.getBoolean(16) ? null : "yes");
                });
        order.forEach(
                (table, columns) -> snapshot.put(Snapshots.table(table), "column order", String.join(", ", columns)));
    }

    /** Each enum's values, {@code 'a','b'}, by the kind, name and data type identifier of what has it. */
    private static Map<String, String> enumValues(Connection connection) throws SQLException {
        Map<String, String> enums = new HashMap<>();
        each(
                connection,
                "SELECT OBJECT_TYPE, OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
                        + " WHERE OBJECT_SCHEMA = CURRENT_SCHEMA ORDER BY OBJECT_TYPE, OBJECT_NAME, ENUM_IDENTIFIER,"
                        + " VALUE_ORDINAL",
                rs -> enums.merge(
                        rs.getString(1) + "\0" + rs.getString(2) + "\0" + rs.getString(3),
                        "'" + rs.getString(4).replace("'", "''") + "'",
                        (values, value) -> values + "," + value));
        return enums;
    }

    /**
     * Domains, as {@code type D}. H2 2.x domains are never NOT NULL ({@code nullable} is recorded, as
     * on other databases); their checks, named by H2, are one {@code check}, the expressions sorted
     * and joined with {@code and}.
     */
    private static void domains(
            Connection connection, Map<String, String> enums, Map<String, String> checks, Snapshots snapshot)
            throws SQLException {
        each(
                connection,
                "SELECT DOMAIN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
                        + " DATETIME_PRECISION, DOMAIN_DEFAULT, PARENT_DOMAIN_NAME, DOMAIN_ON_UPDATE"
                        + " FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = CURRENT_SCHEMA",
                rs -> {
                    String path = "type " + Snapshots.name(rs.getString(1));
                    String base = rs.getString(8) != null
                            ? Snapshots.name(rs.getString(8))
                            : type(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    enums.get("DOMAIN\0" + rs.getString(1) + "\0TYPE"));
                    snapshot.put(path, "kind", "domain")
                            .put(path, "base type", base)
                            .put(path, "nullable", "yes")
                            .put(path, "default", rs.getString(7))
                            .put(path, "on update", rs.getString(9));
                });
        Map<String, Set<String>> expressions = new TreeMap<>();
        each(
                connection,
                "SELECT DOMAIN_NAME, CONSTRAINT_NAME FROM INFORMATION_SCHEMA.DOMAIN_CONSTRAINTS"
                        + " WHERE DOMAIN_SCHEMA = CURRENT_SCHEMA",
                rs -> expressions
                        .computeIfAbsent(rs.getString(1), d -> new TreeSet<>())
                        .add(Snapshots.normalised(checks.get(rs.getString(2)))));
        expressions.forEach((domain, checked) ->
                snapshot.put("type " + Snapshots.name(domain), "check", String.join(" and ", checked)));
    }

    /**
     * Records the tables' constraints. Each catalog table is read once and joined here: H2 makes an
     * {@code INFORMATION_SCHEMA} table anew for each row it is joined to, which for a few hundred
     * foreign keys took most of a read.
     */
    private static void constraints(
            Connection connection, Set<String> tables, Map<String, String> checks, Snapshots snapshot)
            throws SQLException {
        // Each key's table and columns, and for a foreign key's column its position in the key it
        // references; by schema and name, as a foreign key may reference a key in another schema.
        Map<String, String> keyTables = new HashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, List<Integer>> positions = new HashMap<>();
        each(
                connection,
                "SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, POSITION_IN_UNIQUE_CONSTRAINT"
                        + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                        + " ORDER BY CONSTRAINT_SCHEMA, CONSTRAINT_NAME, ORDINAL_POSITION",
                rs -> {
                    String key = rs.getString(1) + "." + rs.getString(2);
                    keyTables.put(key, rs.getString(3));
                    columns.computeIfAbsent(key, k -> new ArrayList<>()).add(Snapshots.name(rs.getString(4)));
                    positions.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getInt(5));
                });
        // The referenced table and columns in the foreign key's order, and its rules.
        Map<String, List<String>> references = new HashMap<>();
        Map<String, String[]> rules = new HashMap<>();
        each(
                connection,
                "SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, UNIQUE_CONSTRAINT_NAME,"
                        + " UPDATE_RULE, DELETE_RULE FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA = CURRENT_SCHEMA",
                rs -> {
                    String unique = rs.getString(3) + "." + rs.getString(4);
                    List<String> referenced = new ArrayList<>();
                    referenced.add(Snapshots.name(keyTables.get(unique)));
                    for (int position : positions.get(rs.getString(1) + "." + rs.getString(2))) {
                        referenced.add(columns.get(unique).get(position - 1));
                    }
                    references.put(rs.getString(2), referenced);
                    rules.put(rs.getString(2), new String[] {lower(rs.getString(5)), lower(rs.getString(6))});
                });
        each(
                connection,
                "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE, CONSTRAINT_SCHEMA"
                        + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = CURRENT_SCHEMA",
                rs -> {
                    String table = rs.getString(1);
                    if (!tables.contains(table)) {
                        return;
                    }
                    String name = rs.getString(2);
                    boolean generated = name.matches("CONSTRAINT_[0-9A-F]+");
                    List<String> keyColumns = columns.getOrDefault(rs.getString(4) + "." + name, List.of());
                    String made = Snapshots.name(table) + "_" + String.join("_", keyColumns);
                    switch (rs.getString(3)) {
                        case "PRIMARY KEY" ->
                            snapshot.put(
                                    Snapshots.part(table, "primary key", null),
                                    "columns",
                                    String.join(", ", keyColumns));
                        case "UNIQUE" ->
                            snapshot.put(
                                    Snapshots.part(table, "unique", generated ? made + "_key" : name),
                                    "columns",
                                    String.join(", ", keyColumns));
                        case "FOREIGN KEY" -> {
                            String path = Snapshots.part(table, "foreign key", generated ? made + "_fkey" : name);
                            List<String> referenced = references.get(name);
                            snapshot.put(path, "columns", String.join(", ", keyColumns))
                                    .put(
                                            path,
                                            "references",
                                            referenced.get(0) + "("
                                                    + String.join(", ", referenced.subList(1, referenced.size())) + ")")
                                    .put(path, "on update", rules.get(name)[0])
                                    .put(path, "on delete", rules.get(name)[1]);
                        }
                        case "CHECK" -> {
                            String expression = Snapshots.normalised(checks.get(name));
                            snapshot.put(
                                    Snapshots.part(
                                            table,
                                            "check",
                                            generated ? Snapshots.name(table) + "_check_" + hash(expression) : name),
                                    "expression",
                                    expression);
                        }
                        default -> {
                            // No other kinds of table constraint in H2 2.x.
                        }
                    }
                });
    }

    private static void indexes(Connection connection, Set<String> tables, Snapshots snapshot) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        each(
                connection,
                "SELECT INDEX_NAME, COLUMN_NAME, ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                        + " WHERE INDEX_SCHEMA = CURRENT_SCHEMA ORDER BY INDEX_NAME, ORDINAL_POSITION",
                rs -> columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(Snapshots.name(rs.getString(2)) + ("DESC".equals(rs.getString(3)) ? " desc" : "")));
        each(
                connection,
                "SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE INDEX_SCHEMA = CURRENT_SCHEMA AND NOT IS_GENERATED AND INDEX_TYPE_NAME <> 'PRIMARY"
                        + " KEY'",
                rs -> {
                    if (!tables.contains(rs.getString(1))) {
                        return;
                    }
                    String path = Snapshots.part(rs.getString(1), "index", rs.getString(2));
                    snapshot.put(path, "columns", String.join(", ", columns.getOrDefault(rs.getString(2), List.of())))
                            .put(path, "unique", rs.getString(3).startsWith("UNIQUE") ? "yes" : "no")
                            .put(path, "method", rs.getString(3).contains("HASH") ? "hash" : null);
                });
    }

    private static void routines(Connection connection, Snapshots snapshot) throws SQLException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        each(
                connection,
                "SELECT SPECIFIC_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.PARAMETERS"
                        + " WHERE SPECIFIC_SCHEMA = CURRENT_SCHEMA ORDER BY SPECIFIC_NAME, ORDINAL_POSITION",
                rs -> parameters
                        .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(type(rs.getString(2), null, null, null, null)));
        each(
                connection,
                "SELECT SPECIFIC_NAME, ROUTINE_NAME, ROUTINE_TYPE, DATA_TYPE, ROUTINE_DEFINITION,"
                        + " EXTERNAL_NAME, EXTERNAL_LANGUAGE, IS_DETERMINISTIC"
                        + " FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = CURRENT_SCHEMA",
                rs -> {
                    String path = "routine " + Snapshots.name(rs.getString(2)) + "("
                            + String.join(", ", parameters.getOrDefault(rs.getString(1), List.of())) + ")";
                    snapshot.put(path, "kind", lower(rs.getString(3)))
                            .put(
                                    path,
                                    "returns",
                                    rs.getString(4) == null ? null : type(rs.getString(4), null, null, null, null))
                            // An alias is Java: source given AS (its body) or a static method named FOR.
                            .put(path, "language", lower(rs.getString(7)))
                            .put(path, "body", Snapshots.normalised(rs.getString(5)))
                            .put(path, "method", rs.getString(6))
                            .put(path, "deterministic", "YES".equals(rs.getString(8)) ? "yes" : "no");
                });
    }

    /** A type as written in SQL, lower case: {@code varchar(255)}, {@code numeric(10,2)}, {@code integer}. */
    static String type(String dataType, String length, String precision, String scale, String datetimePrecision) {
        return type(dataType, length, precision, scale, datetimePrecision, null);
    }

    /** A type as the other {@code type} writes it; an enum with its values: {@code enum('a','b')}. */
    static String type(
            String dataType,
            String length,
            String precision,
            String scale,
            String datetimePrecision,
            String enumValues) {
        String type = dataType.toLowerCase(Locale.ROOT);
        if (type.equals("enum")) {
            return enumValues == null ? type : "enum(" + enumValues + ")";
        }
        switch (type) {
            case "character varying", "character", "binary varying", "binary" -> {
                String shortName = switch (type) {
                    case "character varying" -> "varchar";
                    case "character" -> "char";
                    case "binary varying" -> "varbinary";
                    default -> "binary";
                };
                return length == null ? shortName : shortName + "(" + length + ")";
            }
            case "numeric", "decimal" -> {
                return precision == null ? type : type + "(" + precision + "," + scale + ")";
            }
            case "decfloat" -> {
                return precision == null ? type : type + "(" + precision + ")";
            }
            default -> {
                boolean datetime = type.startsWith("time");
                return datetime && datetimePrecision != null
                        ? type.replaceFirst("^(timestamp|time)", "$1(" + datetimePrecision + ")")
                        : type;
            }
        }
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
