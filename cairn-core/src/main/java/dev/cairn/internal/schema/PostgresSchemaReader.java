// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.SchemaSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a PostgreSQL (12+) schema from {@code pg_catalog}; see {@link Snapshots} for what it records.
 *
 * <p>Only the connection's {@code current_schema()} is read. Every value comes from the catalog's
 * own deparsers ({@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef},
 * {@code pg_get_indexdef}, {@code pg_get_viewdef}, {@code pg_get_triggerdef}), never from OIDs or
 * creation order, so a schema and its scratch copy read the same. PostgreSQL names constraints and
 * indexes deterministically from the table and columns ({@code users_email_key}), so names are kept.
 *
 * <p>Beyond the common conventions, a column records {@code identity} ({@code always} or
 * {@code by default}) and {@code generated} (a stored generated column's expression, in place of a
 * default), and a materialized view is a {@code view} with {@code materialized=yes}. Sequences that
 * back an identity column are implicit and left out (the column's {@code identity} shows them); a
 * serial's sequence is kept, since it is a real object that a down migration must drop. Routines
 * that belong to an extension are left out: {@code CREATE EXTENSION} put them there, not a
 * migration's own SQL. A trigger name is unique only per table in PostgreSQL: when several tables
 * have a trigger of the same name, each is written {@code trigger G on T}.
 */
public final class PostgresSchemaReader implements SchemaReader {

    private static final String TABLES = """
            SELECT c.relname FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')""";

    private static final String COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid) AS expression, a.attidentity, a.attgenerated
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
              AND a.attnum > 0 AND NOT a.attisdropped""";

    // A foreign key that references a partitioned table also has one catalog row per referenced
    // partition, under the same name and on the same table; only the parent row is the user's.
    private static final String CONSTRAINTS = """
            SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid) AS definition,
                   (SELECT string_agg(a.attname, ', ' ORDER BY u.ord)
                    FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
                   (SELECT string_agg(a.attname, ', ' ORDER BY u.ord)
                    FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum)
                   AS referenced_columns,
                   CASE WHEN fn.nspname = current_schema() THEN f.relname ELSE fn.nspname || '.' || f.relname END
                   AS referenced_table,
                   k.confdeltype, k.confupdtype
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_class f ON f.oid = k.confrelid
            LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = f.relnamespace
            WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'f', 'c')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint p
                              WHERE p.oid = k.conparentid AND p.conrelid = k.conrelid)""";

    // indoption per key column: bit 1 is DESC, bit 2 NULLS FIRST; the defaults (NULLS LAST for
    // ascending, NULLS FIRST for descending) are left unsaid. Indexes that back a primary key or
    // unique constraint (its conindid) are left out; a foreign key's conindid names the index it
    // references, which stays.
    private static final String INDEXES = """
            SELECT c.relname, i.relname AS index_name, x.indisunique,
                   pg_get_expr(x.indpred, x.indrelid, true) AS predicate,
                   (SELECT string_agg(pg_get_indexdef(x.indexrelid, k.n, true)
                               || CASE WHEN (x.indoption[k.n - 1] & 1) = 1 THEN ' desc' ELSE '' END
                               || CASE (x.indoption[k.n - 1] & 3) WHEN 2 THEN ' nulls first'
                                                                  WHEN 1 THEN ' nulls last' ELSE '' END,
                                     ', ' ORDER BY k.n)
                    FROM generate_series(1, x.indnkeyatts) k(n)) AS columns
            FROM pg_catalog.pg_index x
            JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
            JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                              WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u'))""";

    private static final String VIEWS = """
            SELECT c.relname, c.relkind, pg_get_viewdef(c.oid, true) AS definition
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')""";

    // A serial's sequence depends on its table with deptype 'a' (OWNED BY); an identity column's
    // sequence with deptype 'i' (internal).
    private static final String SEQUENCES = """
            SELECT s.relname, q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcycle, o.relname AS owner
            FROM pg_catalog.pg_sequence q
            JOIN pg_catalog.pg_class s ON s.oid = q.seqrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
            LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = s.oid
                 AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'a'
            LEFT JOIN pg_catalog.pg_class o ON o.oid = d.refobjid
            WHERE n.nspname = current_schema()
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i
                              WHERE i.classid = 'pg_catalog.pg_class'::regclass AND i.objid = s.oid
                                AND i.deptype = 'i')""";

    private static final String TRIGGERS = """
            SELECT t.tgname, c.relname, t.tgtype, pg_get_triggerdef(t.oid, true) AS definition
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND NOT t.tgisinternal""";

    // BODY is the routine's source: prosrc, or on 14+ the parsed body of a SQL-standard one
    // (RETURN … or BEGIN ATOMIC … END), whose prosrc is empty.
    private static final String ROUTINES = """
            SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS arguments, p.prokind,
                   pg_get_function_result(p.oid) AS result, BODY AS body
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_proc'::regclass AND e.objid = p.oid
                                AND e.deptype = 'e')""";

    // tgtype bits, from PostgreSQL's src/include/catalog/pg_trigger.h.
    private static final int TRIGGER_BEFORE = 1 << 1;
    private static final int TRIGGER_INSERT = 1 << 2;
    private static final int TRIGGER_DELETE = 1 << 3;
    private static final int TRIGGER_UPDATE = 1 << 4;
    private static final int TRIGGER_TRUNCATE = 1 << 5;
    private static final int TRIGGER_INSTEAD = 1 << 6;

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        Snapshots snapshot = new Snapshots();
        Reading reading = new Reading(connection, ignoredTables, snapshot);
        reading.tables();
        reading.columns();
        reading.constraints();
        reading.indexes();
        reading.views();
        reading.sequences();
        reading.triggers();
        reading.routines();
        return snapshot.build();
    }

    /** One read: the connection, the tables to leave out, and the snapshot being filled. */
    private record Reading(Connection connection, Set<String> ignoredTables, Snapshots snapshot) {

        void tables() throws SQLException {
            each(TABLES, row -> {
                if (kept(row.getString(1))) {
                    snapshot.object(Snapshots.table(row.getString(1)));
                }
            });
        }

        void columns() throws SQLException {
            each(COLUMNS, row -> {
                String table = row.getString("relname");
                if (!kept(table)) {
                    return;
                }
                String path = Snapshots.part(table, "column", row.getString("attname"));
                String generatedCode = row.getString("attgenerated");
                boolean generated = generatedCode != null && !generatedCode.isEmpty();
                snapshot.put(path, "type", row.getString("type").toLowerCase(Locale.ROOT))
                        .put(path, "nullable", row.getBoolean("attnotnull") ? "no" : "yes")
                        .put(path, generated ? "generated" : "default", row.getString("expression"))
                        .put(path, "identity", identity(row.getString("attidentity")));
            });
        }

        void constraints() throws SQLException {
            each(CONSTRAINTS, row -> {
                String table = row.getString("relname");
                if (!kept(table)) {
                    return;
                }
                String name = row.getString("conname");
                String columns = row.getString("columns");
                switch (row.getString("contype")) {
                    case "p" -> snapshot.put(Snapshots.part(table, "primary key", null), "columns", columns);
                    case "u" -> snapshot.put(Snapshots.part(table, "unique", name), "columns", columns);
                    case "c" ->
                        snapshot.put(
                                Snapshots.part(table, "check", name),
                                "expression",
                                checkExpression(row.getString("definition")));
                    case "f" -> foreignKey(Snapshots.part(table, "foreign key", name), columns, row);
                    default -> throw new IllegalStateException("unexpected contype " + row.getString("contype"));
                }
            });
        }

        private void foreignKey(String path, String columns, ResultSet row) throws SQLException {
            snapshot.put(path, "columns", columns)
                    .put(
                            path,
                            "references",
                            Snapshots.name(row.getString("referenced_table")) + "("
                                    + row.getString("referenced_columns") + ")")
                    .put(path, "on delete", action(row.getString("confdeltype")))
                    .put(path, "on update", action(row.getString("confupdtype")));
        }

        void indexes() throws SQLException {
            each(INDEXES, row -> {
                String table = row.getString("relname");
                if (!kept(table)) {
                    return;
                }
                String path = Snapshots.part(table, "index", row.getString("index_name"));
                snapshot.put(path, "columns", row.getString("columns"))
                        .put(path, "unique", row.getBoolean("indisunique") ? "yes" : "no")
                        .put(path, "where", row.getString("predicate"));
            });
        }

        void views() throws SQLException {
            each(VIEWS, row -> {
                String path = "view " + Snapshots.name(row.getString("relname"));
                snapshot.put(path, "definition", Snapshots.normalised(row.getString("definition")))
                        .put(path, "materialized", "m".equals(row.getString("relkind")) ? "yes" : null);
            });
        }

        void sequences() throws SQLException {
            each(SEQUENCES, row -> {
                String owner = row.getString("owner");
                if (owner != null && !kept(owner)) {
                    return;
                }
                String path = "sequence " + Snapshots.name(row.getString("relname"));
                snapshot.put(path, "start", row.getString("seqstart"))
                        .put(path, "increment", row.getString("seqincrement"))
                        .put(path, "min", row.getString("seqmin"))
                        .put(path, "max", row.getString("seqmax"))
                        .put(path, "cycle", row.getBoolean("seqcycle") ? "yes" : "no");
            });
        }

        void triggers() throws SQLException {
            List<Trigger> triggers = new ArrayList<>();
            each(TRIGGERS, row -> {
                if (kept(row.getString("relname"))) {
                    triggers.add(new Trigger(
                            row.getString("tgname"),
                            row.getString("relname"),
                            row.getInt("tgtype"),
                            row.getString("definition")));
                }
            });
            Map<String, Integer> tablesPerName = new HashMap<>();
            triggers.forEach(t -> tablesPerName.merge(t.name(), 1, Integer::sum));
            for (Trigger trigger : triggers) {
                String path = "trigger " + Snapshots.name(trigger.name())
                        + (tablesPerName.get(trigger.name()) > 1 ? " on " + Snapshots.name(trigger.table()) : "");
                snapshot.put(path, "table", Snapshots.name(trigger.table()))
                        .put(path, "timing", timing(trigger.type()))
                        .put(path, "event", events(trigger.type()))
                        .put(path, "definition", Snapshots.normalised(trigger.definition()));
            }
        }

        void routines() throws SQLException {
            boolean sqlBodies = connection.getMetaData().getDatabaseMajorVersion() >= 14;
            String sql = ROUTINES.replace(
                    "BODY", sqlBodies ? "coalesce(pg_get_function_sqlbody(p.oid), p.prosrc)" : "p.prosrc");
            each(sql, row -> {
                String path =
                        "routine " + Snapshots.name(row.getString("proname")) + "(" + row.getString("arguments") + ")";
                snapshot.put(path, "kind", "p".equals(row.getString("prokind")) ? "procedure" : "function")
                        .put(path, "returns", row.getString("result"))
                        .put(path, "definition", Snapshots.normalised(row.getString("body")));
            });
        }

        private boolean kept(String table) {
            return !ignoredTables.contains(table.toLowerCase(Locale.ROOT));
        }

        private void each(String sql, Catalog.Row action) throws SQLException {
            Catalog.each(connection, sql, action);
        }
    }

    private record Trigger(String name, String table, int type, String definition) {}

    /** pg_get_constraintdef gives {@code CHECK (expression)}; the keyword is already in the path. */
    private static String checkExpression(String definition) {
        return definition.startsWith("CHECK ") ? definition.substring("CHECK ".length()) : definition;
    }

    /** {@code pg_attribute.attidentity}: {@code a} always, {@code d} by default, empty for none. */
    private static String identity(String code) {
        return switch (code == null ? "" : code) {
            case "a" -> "always";
            case "d" -> "by default";
            default -> null;
        };
    }

    /** {@code pg_constraint.confdeltype} and {@code confupdtype} as the words of the SQL. */
    private static String action(String code) {
        return switch (code) {
            case "a" -> "no action";
            case "r" -> "restrict";
            case "c" -> "cascade";
            case "n" -> "set null";
            case "d" -> "set default";
            default -> throw new IllegalStateException("unexpected foreign key action " + code);
        };
    }

    private static String timing(int type) {
        if ((type & TRIGGER_INSTEAD) != 0) {
            return "instead of";
        }
        return (type & TRIGGER_BEFORE) != 0 ? "before" : "after";
    }

    /** The trigger's events in the order CREATE TRIGGER lists them, e.g. {@code insert or update}. */
    private static String events(int type) {
        List<String> events = new ArrayList<>();
        if ((type & TRIGGER_INSERT) != 0) {
            events.add("insert");
        }
        if ((type & TRIGGER_DELETE) != 0) {
            events.add("delete");
        }
        if ((type & TRIGGER_UPDATE) != 0) {
            events.add("update");
        }
        if ((type & TRIGGER_TRUNCATE) != 0) {
            events.add("truncate");
        }
        return String.join(" or ", events);
    }
}
