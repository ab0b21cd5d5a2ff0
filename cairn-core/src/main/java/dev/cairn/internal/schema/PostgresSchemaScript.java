// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Writes a PostgreSQL (12+) schema, the connection's {@code current_schema()}, as the SQL that
 * builds it: everything {@link PostgresSchemaReader} reads, from the same catalogs and, wherever the
 * server has one, with its own deparser ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_viewdef},
 * {@code pg_get_functiondef}, {@code pg_get_triggerdef}, {@code pg_get_partkeydef}), so the text is
 * the server's.
 *
 * <p>{@code up} runs in phases: the objects that others can depend on (extensions, types, sequences,
 * tables with their columns, defaults and their primary key, unique, check and exclusion
 * constraints, routines, views and materialized views) in the order of {@code pg_depend}, read off
 * the dependencies of their parts (a default, a constraint, a view's rule) and, where nothing depends,
 * in that order of kinds; then serial sequences' {@code OWNED BY}, indexes, foreign keys (so that
 * cycles of them work), row level security and policies, and triggers. {@code down} drops the same in
 * reverse, each object by name and without {@code CASCADE}; a serial's sequence and a table's
 * indexes, policies and triggers go with their table. A schema-qualified name that a deparser writes
 * for the object it creates ({@code ON public.t}) is cut to the bare name, so the script runs in the
 * schema it is run in.
 *
 * <p>The body of a {@code LANGUAGE sql} routine written as a string is checked against the tables,
 * views and routines it names when it is created, and no catalog says which those are; so when the
 * schema has one, {@code up} starts with {@code SET check_function_bodies = false}, as
 * {@code pg_dump} does, and ends with {@code RESET check_function_bodies}.
 *
 * <p>What it cannot write is refused with {@link SQLFeatureNotSupportedException}, never guessed:
 * foreign tables, rules other than a view's, extended statistics, inheritance other than partitions,
 * typed tables ({@code OF type}), range types with a canonical function and aggregates beyond a state
 * function, final function, combine function and initial state. What the reader does not read (comments,
 * grants, owners, storage settings) is not written either.
 */
public final class PostgresSchemaScript implements SchemaScript {

    private static final String EXTENSIONS = """
            SELECT e.oid, quote_ident(e.extname) AS name, n.nspname = current_schema() AS here,
                   quote_ident(n.nspname) AS schema, quote_literal(e.extversion) AS version
            FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
            WHERE n.nspname <> 'pg_catalog'""";

    // Every relation of the schema, also those an extension made (deptype 'e') or that are ignored,
    // so that dependencies on them can be told from dependencies on nothing of the schema.
    private static final String RELATIONS = """
            SELECT c.oid, c.relname, quote_ident(c.relname) AS name, c.relkind, c.reltype,
                   c.relpersistence = 'u' AS unlogged, c.relrowsecurity, c.relforcerowsecurity,
                   array_to_string(c.reloptions, ', ') AS options, c.relispopulated, c.reloftype <> 0 AS typed,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,
                   (SELECT i.inhparent FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid LIMIT 1) AS parent,
                   c.relispartition,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                           WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
                   AS from_extension
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'f')""";

    // A collation by OID, qualified when it is neither the system's nor the schema's.
    private static final String COLLATION = """
            (SELECT CASE WHEN cn.nspname IN ('pg_catalog', current_schema()) THEN ''
                         ELSE quote_ident(cn.nspname) || '.' END || quote_ident(cl.collname)
             FROM pg_catalog.pg_collation cl JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
             WHERE cl.oid = OID)""";

    // Tables' and composite types' columns in position order; an identity column's sequence (the
    // one that depends on the column with deptype 'i') gives the identity's options.
    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, quote_ident(a.attname) AS name, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS expression, a.attidentity, a.attgenerated,
                   CASE WHEN a.attcollation <> t.typcollation THEN COLLATION END AS collation,
                   quote_ident(s.relname) AS sequence, q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcache,
                   q.seqcycle
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN (pg_catalog.pg_depend i
                       JOIN pg_catalog.pg_sequence q ON q.seqrelid = i.objid
                       JOIN pg_catalog.pg_class s ON s.oid = i.objid)
                   ON a.attidentity <> '' AND i.classid = 'pg_catalog.pg_class'::regclass
                      AND i.refclassid = 'pg_catalog.pg_class'::regclass AND i.refobjid = a.attrelid
                      AND i.refobjsubid = a.attnum AND i.deptype = 'i'
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'c') AND a.attnum > 0
              AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum""";

    // conparentid marks what a partition got from its partitioned table (keys, foreign keys), and a
    // foreign key's rows for each partition of the table it references: all made again with it.
    private static final String CONSTRAINTS = """
            SELECT k.conrelid, quote_ident(k.conname) AS name, k.contype, pg_get_constraintdef(k.oid) AS definition,
                   k.conislocal, k.conparentid <> 0 AS cloned
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'f', 'c', 'x')
            ORDER BY k.conrelid, position(k.contype IN 'pucxf'), k.conname COLLATE "C\"""";

    // The types the reader records.
    private static final String TYPES = """
            SELECT t.oid, t.typname, quote_ident(t.typname) AS name, t.typtype, t.typrelid, t.typnotnull,
                   t.typdefault,
                   (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                    FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS labels,
                   CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
                   CASE WHEN t.typtype = 'd' AND t.typcollation <> b.typcollation THEN DOMAIN_COLLATION END
                   AS collation,
                   format_type(r.rngsubtype, NULL) AS subtype,
                   CASE WHEN NOT o.opcdefault THEN quote_ident(o.opcname) END AS subtype_opclass,
                   CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> s.typcollation THEN RANGE_COLLATION END
                   AS range_collation,
                   CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,
                   r.rngcanonical <> 0 AS canonical, MULTIRANGE AS multirange
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
            LEFT JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype
            LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
            LEFT JOIN pg_catalog.pg_opclass o ON o.oid = r.rngsubopc
            LEFT JOIN pg_catalog.pg_type s ON s.oid = r.rngsubtype
            WHERE
            """ + PostgresSchemaReader.TYPES_OF_THE_SCHEMA;

    private static final String DOMAIN_CHECKS = """
            SELECT k.contypid, quote_ident(k.conname) AS name, pg_get_constraintdef(k.oid) AS definition
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_type t ON t.oid = k.contypid
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = current_schema() AND k.contype = 'c'
            ORDER BY k.conname COLLATE "C\"""";

    // Every type of the schema and what it stands for in a dependency: a relation's row type its
    // relation, an array its element, a multirange its range.
    private static final String TYPE_LINKS = """
            SELECT t.oid, t.typrelid, CASE WHEN e.typarray = t.oid THEN e.oid END AS element, RANGE_OF AS range
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem
            WHERE n.nspname = current_schema()""";

    // The routines the reader records. unchecked: a LANGUAGE sql body written as a
    // string, which the server checks when it is created (a SQL-standard body is parsed, and its
    // dependencies are in pg_depend).
    private static final String ROUTINES = """
            SELECT p.oid, p.proname, quote_ident(p.proname) AS name, pg_get_function_identity_arguments(p.oid)
                   AS arguments, p.prokind, l.lanname = 'sql' AND STRING_BODY AS unchecked,
                   CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS definition,
                   g.aggtransfn::regproc::text AS state_function, format_type(g.aggtranstype, NULL) AS state_type,
                   CASE WHEN g.aggfinalfn <> 0 THEN g.aggfinalfn::regproc::text END AS final_function,
                   CASE WHEN g.aggcombinefn <> 0 THEN g.aggcombinefn::regproc::text END AS combine_function,
                   quote_literal(g.agginitval) AS initial_state, p.proparallel,
                   (g.aggkind <> 'n' OR g.aggmtransfn <> 0 OR g.aggserialfn <> 0 OR g.aggsortop <> 0
                    OR g.aggfinalextra OR g.aggfinalmodify <> 'r' OR g.aggtransspace <> 0) AS unusual
            """ + PostgresSchemaReader.ROUTINES_OF_THE_SCHEMA;

    private static final String SEQUENCES = """
            SELECT s.oid, s.relname, quote_ident(s.relname) AS name, format_type(q.seqtypid, NULL) AS type,
                   q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcache, q.seqcycle,
                   o.relname AS owner, quote_ident(o.relname) AS owner_name, quote_ident(oa.attname) AS owner_column
            """ + PostgresSchemaReader.SEQUENCES_OF_THE_SCHEMA;

    // Indexes that back a constraint come with it; a partition's index that belongs to its
    // partitioned table's (pg_inherits) comes with that one.
    private static final String INDEXES = """
            SELECT c.relname, pg_get_indexdef(x.indexrelid) AS definition, quote_ident(i.relname) AS name
            FROM pg_catalog.pg_index x
            JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
            JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'm')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                              WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = x.indexrelid)
            ORDER BY c.relname COLLATE "C", i.relname COLLATE "C\"""";

    // A partition's clone of its partitioned table's trigger (tgparentid, 13+) comes with that one.
    private static final String TRIGGERS = """
            SELECT c.relname, quote_ident(c.relname) AS table_name, quote_ident(t.tgname) AS name,
                   pg_get_triggerdef(t.oid) AS definition, t.tgenabled
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND NOT_CLONED
            ORDER BY c.relname COLLATE "C", t.tgname COLLATE "C\"""";

    // Role 0 in polroles is PUBLIC.
    private static final String POLICIES = """
            SELECT c.relname, quote_ident(c.relname) AS table_name, quote_ident(p.polname) AS name, p.polcmd,
                   p.polpermissive,
                   (SELECT string_agg(CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE quote_ident(a.rolname) END, ', ')
                    FROM unnest(p.polroles) r(oid) LEFT JOIN pg_catalog.pg_roles a ON a.oid = r.oid) AS roles,
                   pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
            FROM pg_catalog.pg_policy p
            JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema()
            ORDER BY c.relname COLLATE "C", p.polname COLLATE "C\"""";

    // Who needs whom, each side as the object that the script creates: a default, a constraint and a
    // view's rule stand for their table, view or domain. Foreign keys come after every table, and a
    // relation's automatic dependencies (an owned sequence on its column, a partition on its table,
    // an index) say nothing of the order in which to create them.
    private static final String DEPENDENCIES = """
            SELECT CASE WHEN d.classid IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_attrdef'::regclass,
                                           'pg_catalog.pg_rewrite'::regclass) THEN 'c'
                        WHEN d.classid = 'pg_catalog.pg_type'::regclass THEN 't'
                        WHEN d.classid = 'pg_catalog.pg_proc'::regclass THEN 'f'
                        WHEN d.classid = 'pg_catalog.pg_extension'::regclass THEN 'e'
                        WHEN k.conrelid <> 0 THEN 'c' ELSE 't' END AS kind,
                   CASE WHEN d.classid = 'pg_catalog.pg_attrdef'::regclass THEN ad.adrelid
                        WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass THEN rw.ev_class
                        WHEN d.classid = 'pg_catalog.pg_constraint'::regclass THEN
                             CASE WHEN k.conrelid <> 0 THEN k.conrelid ELSE k.contypid END
                        ELSE d.objid END AS oid,
                   CASE WHEN d.refclassid = 'pg_catalog.pg_class'::regclass THEN 'c'
                        WHEN d.refclassid = 'pg_catalog.pg_type'::regclass THEN 't'
                        WHEN d.refclassid = 'pg_catalog.pg_proc'::regclass THEN 'f' ELSE 'e' END AS ref_kind,
                   d.refobjid AS ref_oid
            FROM pg_catalog.pg_depend d
            LEFT JOIN pg_catalog.pg_attrdef ad ON d.classid = 'pg_catalog.pg_attrdef'::regclass AND ad.oid = d.objid
            LEFT JOIN pg_catalog.pg_rewrite rw ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND rw.oid = d.objid
            LEFT JOIN pg_catalog.pg_constraint k
                   ON d.classid = 'pg_catalog.pg_constraint'::regclass AND k.oid = d.objid
            WHERE d.classid IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_attrdef'::regclass,
                                'pg_catalog.pg_rewrite'::regclass, 'pg_catalog.pg_type'::regclass,
                                'pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_extension'::regclass,
                                'pg_catalog.pg_constraint'::regclass)
              AND d.refclassid IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_type'::regclass,
                                   'pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_extension'::regclass)
              AND d.deptype IN ('n', 'a', 'i')
              AND NOT (d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'a')
              AND (k.oid IS NULL OR k.contype <> 'f')""";

    // What the schema holds that this script does not write (and the reader does not read), with
    // the table it belongs to.
    private static final String UNSUPPORTED = """
            SELECT 'rule ' || r.rulename || ' on ' || c.relname AS what, c.relname
            FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND r.rulename <> '_RETURN'
            UNION ALL
            SELECT 'statistics ' || s.stxname, c.relname
            FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema()""";

    // The order of kinds where pg_depend leaves it open.
    private static final int EXTENSION = 0;
    private static final int TYPE = 1;
    private static final int SEQUENCE = 2;
    private static final int TABLE = 3;
    private static final int ROUTINE = 4;
    private static final int VIEW = 5;

    @Override
    public Script write(Connection connection, Set<String> ignoredTables) throws SQLException {
        return new Writing(connection, ignoredTables).script();
    }

    /** One object that others may depend on: how to create and drop it, and the objects it needs. */
    private static final class Node {

        private final String key;
        private final int rank;
        private final String name;
        private final List<String> create = new ArrayList<>();
        private final Set<String> needs = new HashSet<>();
        private String drop;

        Node(String key, int rank, String name) {
            this.key = key;
            this.rank = rank;
            this.name = name;
        }
    }

    /** A relation of the schema, as {@link #RELATIONS} reads it. */
    private record Relation(
            long oid,
            String relname,
            String name,
            String kind,
            long rowType,
            boolean unlogged,
            boolean security,
            boolean forcedSecurity,
            String options,
            boolean populated,
            boolean typed,
            String partitionBy,
            String bound,
            long parent,
            boolean partition,
            String definition) {}

    /** A column of a table or composite type, as {@link #COLUMNS} reads it. */
    private record Column(
            String attname,
            String name,
            String type,
            boolean notNull,
            String expression,
            String identity,
            String generated,
            String collation,
            String identityOptions) {}

    /** A table's constraint, as {@link #CONSTRAINTS} reads it. */
    private record Constraint(String name, String type, String definition, boolean local, boolean cloned) {}

    /** What a type of the schema stands for in a dependency (see {@link #TYPE_LINKS}). */
    private record TypeLink(long relation, long element, long range) {}

    /** One writing, on one connection. */
    private static final class Writing {

        private final Connection connection;
        private final Set<String> ignoredTables;
        private final int major;
        private final Set<String> fromExtensions = new HashSet<>();
        private final Map<Long, Relation> relations = new HashMap<>();
        private final Map<Long, List<Column>> columns = new HashMap<>();
        private final Map<Long, List<Constraint>> constraints = new HashMap<>();
        private final Map<Long, TypeLink> typeLinks = new HashMap<>();
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final List<String> unsupported = new ArrayList<>();
        private final List<String> ownedBy = new ArrayList<>();
        private final Phase indexes = new Phase();
        private final Phase foreignKeys = new Phase();
        private final List<String> security = new ArrayList<>();
        private final Phase policies = new Phase();
        private final Phase triggers = new Phase();
        private String schema;
        private boolean uncheckedBodies;

        Writing(Connection connection, Set<String> ignoredTables) throws SQLException {
            this.connection = connection;
            this.ignoredTables = ignoredTables;
            this.major = connection.getMetaData().getDatabaseMajorVersion();
        }

        Script script() throws SQLException {
            schema = Catalog.single(connection, "SELECT quote_ident(current_schema())");
            extensions();
            relations();
            columns();
            constraints();
            types();
            sequences();
            tables();
            views();
            routines();
            dependencies();
            indexes();
            triggers();
            policies();
            unsupported();
            if (!unsupported.isEmpty()) {
                throw new SQLFeatureNotSupportedException("the schema holds " + String.join(", ", unsupported)
                        + ", which a schema script cannot write as SQL yet");
            }
            List<Node> sorted = sorted();
            List<String> up = new ArrayList<>();
            if (uncheckedBodies) {
                up.add("SET check_function_bodies = false");
            }
            sorted.forEach(node -> up.addAll(node.create));
            up.addAll(ownedBy);
            up.addAll(indexes.create);
            up.addAll(foreignKeys.create);
            up.addAll(security);
            up.addAll(policies.create);
            up.addAll(triggers.create);
            if (uncheckedBodies) {
                up.add("RESET check_function_bodies");
            }
            List<String> down = new ArrayList<>();
            down.addAll(triggers.reversedDrops());
            down.addAll(policies.reversedDrops());
            down.addAll(foreignKeys.reversedDrops());
            down.addAll(indexes.reversedDrops());
            for (int i = sorted.size() - 1; i >= 0; i--) {
                if (sorted.get(i).drop != null) {
                    down.add(sorted.get(i).drop);
                }
            }
            return new Script(up, down);
        }

        // Extensions in pg_catalog (plpgsql) belong to every database.
        private void extensions() throws SQLException {
            Catalog.each(connection, EXTENSIONS, row -> {
                String name = row.getString("name");
                Node node = node("e:" + row.getLong("oid"), EXTENSION, name);
                node.create.add("CREATE EXTENSION IF NOT EXISTS " + name
                        + (row.getBoolean("here") ? "" : " WITH SCHEMA " + row.getString("schema"))
                        + " VERSION " + row.getString("version"));
                node.drop = "DROP EXTENSION " + name;
            });
        }

        private void relations() throws SQLException {
            List<Relation> read = new ArrayList<>();
            Catalog.each(connection, RELATIONS, row -> {
                if (row.getBoolean("from_extension")) {
                    fromExtensions.add(row.getString("relname"));
                }
                read.add(new Relation(
                        row.getLong("oid"),
                        row.getString("relname"),
                        row.getString("name"),
                        row.getString("relkind"),
                        row.getLong("reltype"),
                        row.getBoolean("unlogged"),
                        row.getBoolean("relrowsecurity"),
                        row.getBoolean("relforcerowsecurity"),
                        row.getString("options"),
                        row.getBoolean("relispopulated"),
                        row.getBoolean("typed"),
                        row.getString("partition_by"),
                        row.getString("bound"),
                        row.getLong("parent"),
                        row.getBoolean("relispartition"),
                        row.getString("definition")));
            });
            for (Relation relation : read) {
                relations.put(relation.oid(), relation);
                if (!kept(relation.relname()) || relation.kind().equals("c")) {
                    continue;
                }
                if (relation.kind().equals("f")) {
                    unsupported.add("foreign table " + relation.relname());
                } else if (relation.typed()) {
                    unsupported.add("typed table " + relation.relname());
                } else if (relation.parent() != 0 && !relation.partition()) {
                    unsupported.add("inheritance of " + relation.relname());
                }
            }
        }

        private void columns() throws SQLException {
            String sql = COLUMNS.replace("COLLATION", COLLATION.replace("OID", "a.attcollation"));
            Catalog.each(connection, sql, row -> {
                String identity = row.getString("attidentity");
                String options = null;
                if (identity != null && !identity.isEmpty()) {
                    options = "SEQUENCE NAME " + row.getString("sequence") + " START WITH " + row.getString("seqstart")
                            + sequenceOptions(
                                    row.getString("seqincrement"),
                                    row.getString("seqmin"),
                                    row.getString("seqmax"),
                                    row.getString("seqcache"),
                                    row.getBoolean("seqcycle"));
                }
                columns.computeIfAbsent(row.getLong("attrelid"), oid -> new ArrayList<>())
                        .add(new Column(
                                row.getString("attname"),
                                row.getString("name"),
                                row.getString("type"),
                                row.getBoolean("attnotnull"),
                                row.getString("expression"),
                                identity,
                                row.getString("attgenerated"),
                                row.getString("collation"),
                                options));
            });
        }

        private void constraints() throws SQLException {
            Catalog.each(
                    connection,
                    CONSTRAINTS,
                    row -> constraints
                            .computeIfAbsent(row.getLong("conrelid"), oid -> new ArrayList<>())
                            .add(new Constraint(
                                    row.getString("name"),
                                    row.getString("contype"),
                                    row.getString("definition"),
                                    row.getBoolean("conislocal"),
                                    row.getBoolean("cloned"))));
        }

        private void types() throws SQLException {
            Map<Long, Node> domains = new HashMap<>();
            String types = TYPES.replace("MULTIRANGE", multirange())
                    .replace("DOMAIN_COLLATION", COLLATION.replace("OID", "t.typcollation"))
                    .replace("RANGE_COLLATION", COLLATION.replace("OID", "r.rngcollation"));
            Catalog.each(connection, types, row -> {
                String name = row.getString("name");
                String kind = row.getString("typtype");
                Node node = node("t:" + row.getLong("oid"), TYPE, name);
                node.drop = (kind.equals("d") ? "DROP DOMAIN " : "DROP TYPE ") + name;
                switch (kind) {
                    case "e" ->
                        node.create.add("CREATE TYPE " + name + " AS ENUM ("
                                + (row.getString("labels") == null ? "" : row.getString("labels")) + ")");
                    case "c" ->
                        node.create.add("CREATE TYPE " + name + " AS ("
                                + String.join(", ", columnList(row.getLong("typrelid"))) + ")");
                    case "d" -> {
                        node.create.add("CREATE DOMAIN " + name + " AS " + row.getString("base_type")
                                + clause(" COLLATE ", row.getString("collation"))
                                + clause(" DEFAULT ", row.getString("typdefault"))
                                + (row.getBoolean("typnotnull") ? " NOT NULL" : ""));
                        domains.put(row.getLong("oid"), node);
                    }
                    default -> {
                        if (row.getBoolean("canonical")) {
                            unsupported.add("range type " + row.getString("typname") + " with a canonical function");
                        }
                        node.create.add("CREATE TYPE " + name + " AS RANGE (SUBTYPE = " + row.getString("subtype")
                                + clause(", SUBTYPE_OPCLASS = ", row.getString("subtype_opclass"))
                                + clause(", COLLATION = ", row.getString("range_collation"))
                                + clause(", SUBTYPE_DIFF = ", row.getString("subtype_diff"))
                                + clause(", MULTIRANGE_TYPE_NAME = ", row.getString("multirange")) + ")");
                    }
                }
            });
            // A domain's checks one by one, so that one NOT VALID stays so.
            Catalog.each(connection, DOMAIN_CHECKS, row -> {
                Node domain = domains.get(row.getLong("contypid"));
                if (domain != null) {
                    domain.create.add("ALTER DOMAIN " + domain.name + " ADD CONSTRAINT " + row.getString("name") + " "
                            + row.getString("definition"));
                }
            });
            Catalog.each(
                    connection,
                    TYPE_LINKS.replace(
                            "RANGE_OF",
                            major >= 14
                                    ? "(SELECT r.rngtypid FROM pg_catalog.pg_range r WHERE r.rngmultitypid = t.oid)"
                                    : "NULL::oid"),
                    row -> typeLinks.put(
                            row.getLong("oid"),
                            new TypeLink(row.getLong("typrelid"), row.getLong("element"), row.getLong("range"))));
        }

        /** A range's multirange type (14+), which CREATE TYPE names after the range unless told. */
        private String multirange() {
            return major >= 14
                    ? "(SELECT quote_ident(m.typname) FROM pg_catalog.pg_type m WHERE m.oid = r.rngmultitypid)"
                    : "NULL";
        }

        private void sequences() throws SQLException {
            Catalog.each(connection, SEQUENCES, row -> {
                String owner = row.getString("owner");
                String relname = row.getString("relname");
                if ((owner != null && !kept(owner)) || !kept(relname)) {
                    return;
                }
                String name = row.getString("name");
                Node node = node("c:" + row.getLong("oid"), SEQUENCE, name);
                node.create.add("CREATE SEQUENCE " + name + " AS " + row.getString("type") + " START WITH "
                        + row.getString("seqstart")
                        + sequenceOptions(
                                row.getString("seqincrement"),
                                row.getString("seqmin"),
                                row.getString("seqmax"),
                                row.getString("seqcache"),
                                row.getBoolean("seqcycle")));
                if (owner == null) {
                    node.drop = "DROP SEQUENCE " + name;
                } else {
                    // Dropped with its table.
                    ownedBy.add("ALTER SEQUENCE " + name + " OWNED BY " + row.getString("owner_name") + "."
                            + row.getString("owner_column"));
                }
            });
        }

        private void tables() {
            for (Relation table : relations.values()) {
                if (!(table.kind().equals("r") || table.kind().equals("p")) || !kept(table.relname())) {
                    continue;
                }
                Node node = node("c:" + table.oid(), TABLE, table.name());
                node.drop = "DROP TABLE " + table.name();
                List<Constraint> own = constraints.getOrDefault(table.oid(), List.of());
                List<Constraint> inline = new ArrayList<>();
                List<String> after = new ArrayList<>();
                String create = "CREATE " + (table.unlogged() ? "UNLOGGED " : "") + "TABLE " + table.name();
                if (table.partition()) {
                    Relation parent = relations.get(table.parent());
                    node.needs.add("c:" + parent.oid());
                    create += " PARTITION OF " + parent.name() + " " + table.bound();
                    after.addAll(partitionColumns(table, parent));
                } else {
                    List<String> parts = new ArrayList<>(columnList(table.oid()));
                    for (Constraint constraint : own) {
                        if (!constraint.type().equals("f")
                                && !constraint.definition().endsWith(" NOT VALID")) {
                            parts.add("CONSTRAINT " + constraint.name() + " " + constraint.definition());
                            inline.add(constraint);
                        }
                    }
                    create += " (" + (parts.isEmpty() ? "" : "\n    " + String.join(",\n    ", parts) + "\n") + ")";
                }
                create += clause(" PARTITION BY ", table.partitionBy())
                        + clause(" WITH (", table.options())
                        + (table.options() == null ? "" : ")");
                node.create.add(create);
                node.create.addAll(after);
                for (Constraint constraint : own) {
                    if (inline.contains(constraint)
                            || constraint.cloned()
                            || (table.partition() && constraint.type().equals("c") && !constraint.local())) {
                        continue;
                    }
                    String add = "ALTER TABLE " + table.name() + " ADD CONSTRAINT " + constraint.name() + " "
                            + constraint.definition();
                    // A foreign key, or a check not yet valid (which its rows need not pass), once
                    // every table and index is there.
                    if (constraint.type().equals("f") || constraint.definition().endsWith(" NOT VALID")) {
                        foreignKeys.add(add, "ALTER TABLE " + table.name() + " DROP CONSTRAINT " + constraint.name());
                    } else {
                        node.create.add(add);
                    }
                }
                if (table.security()) {
                    security.add("ALTER TABLE " + table.name() + " ENABLE ROW LEVEL SECURITY");
                }
                if (table.forcedSecurity()) {
                    security.add("ALTER TABLE " + table.name() + " FORCE ROW LEVEL SECURITY");
                }
            }
        }

        /**
         * A partition takes its columns, their defaults and NOT NULL from its partitioned table; what
         * it has beyond them is set on it afterwards.
         */
        private List<String> partitionColumns(Relation table, Relation parent) {
            Map<String, Column> inherited = new HashMap<>();
            columns.getOrDefault(parent.oid(), List.of()).forEach(column -> inherited.put(column.attname(), column));
            List<String> statements = new ArrayList<>();
            for (Column column : columns.getOrDefault(table.oid(), List.of())) {
                Column from = inherited.get(column.attname());
                String alter = "ALTER TABLE " + table.name() + " ALTER COLUMN " + column.name();
                if (from == null) {
                    // Not a column of the partitioned table: the script cannot make it, and the
                    // round trip shows it.
                    continue;
                }
                boolean generated =
                        column.generated() != null && !column.generated().isEmpty();
                if (!generated && !equal(column.expression(), from.expression())) {
                    statements.add(alter
                            + (column.expression() == null ? " DROP DEFAULT" : " SET DEFAULT " + column.expression()));
                }
                if (column.notNull() && !from.notNull()) {
                    statements.add(alter + " SET NOT NULL");
                }
            }
            return statements;
        }

        /** The columns of a table or composite type, as they are written in its CREATE. */
        private List<String> columnList(long relation) {
            List<String> list = new ArrayList<>();
            for (Column column : columns.getOrDefault(relation, List.of())) {
                StringBuilder text =
                        new StringBuilder(column.name()).append(' ').append(column.type());
                text.append(clause(" COLLATE ", column.collation()));
                if ("s".equals(column.generated())) {
                    text.append(" GENERATED ALWAYS AS (")
                            .append(column.expression())
                            .append(") STORED");
                } else {
                    text.append(clause(" DEFAULT ", column.expression()));
                }
                if ("a".equals(column.identity()) || "d".equals(column.identity())) {
                    text.append(" GENERATED ")
                            .append("a".equals(column.identity()) ? "ALWAYS" : "BY DEFAULT")
                            .append(" AS IDENTITY (")
                            .append(column.identityOptions())
                            .append(')');
                }
                if (column.notNull()) {
                    text.append(" NOT NULL");
                }
                list.add(text.toString());
            }
            return list;
        }

        private void views() {
            for (Relation view : relations.values()) {
                boolean materialized = view.kind().equals("m");
                if (!(view.kind().equals("v") || materialized) || !kept(view.relname())) {
                    continue;
                }
                String kind = materialized ? "MATERIALIZED VIEW " : "VIEW ";
                Node node = node("c:" + view.oid(), VIEW, view.name());
                String definition = view.definition().strip();
                if (definition.endsWith(";")) {
                    definition = definition.substring(0, definition.length() - 1);
                }
                node.create.add("CREATE " + kind + view.name()
                        + clause(" WITH (", view.options()) + (view.options() == null ? "" : ")")
                        + " AS\n" + definition + (materialized && !view.populated() ? "\nWITH NO DATA" : ""));
                node.drop = "DROP " + kind + view.name();
            }
        }

        private void routines() throws SQLException {
            String sql = ROUTINES.replace("STRING_BODY", major >= 14 ? "p.prosqlbody IS NULL" : "true");
            Catalog.each(connection, sql, row -> {
                String name = row.getString("name");
                String kind = row.getString("prokind");
                String signature = name + "(" + row.getString("arguments") + ")";
                Node node = node("f:" + row.getLong("oid"), ROUTINE, signature);
                if (kind.equals("a")) {
                    if (row.getBoolean("unusual")) {
                        unsupported.add("aggregate " + row.getString("proname") + " (beyond a state, final and "
                                + "combine function and an initial state)");
                    }
                    node.create.add("CREATE AGGREGATE " + signature + " (SFUNC = " + row.getString("state_function")
                            + ", STYPE = " + row.getString("state_type")
                            + clause(", FINALFUNC = ", row.getString("final_function"))
                            + clause(", COMBINEFUNC = ", row.getString("combine_function"))
                            + clause(", INITCOND = ", row.getString("initial_state"))
                            + clause(", PARALLEL = ", parallel(row.getString("proparallel"))) + ")");
                    node.drop = "DROP AGGREGATE " + signature;
                    return;
                }
                uncheckedBodies |= row.getBoolean("unchecked");
                String keyword = kind.equals("p") ? "PROCEDURE " : "FUNCTION ";
                node.create.add(replaceFirst(
                        row.getString("definition").strip(),
                        "CREATE OR REPLACE " + keyword + schema + ".",
                        "CREATE " + keyword));
                node.drop = "DROP " + keyword + signature;
            });
        }

        private void dependencies() throws SQLException {
            Catalog.each(connection, DEPENDENCIES, row -> {
                String dependent = key(row.getString("kind"), row.getLong("oid"));
                String needed = key(row.getString("ref_kind"), row.getLong("ref_oid"));
                if (dependent != null && needed != null && !dependent.equals(needed)) {
                    nodes.get(dependent).needs.add(needed);
                }
            });
        }

        /**
         * The node that stands for an object in a dependency, or null when the script makes none for
         * it (an object of another schema, an extension's, an ignored table's, an index).
         */
        private String key(String kind, long oid) {
            String key;
            switch (kind) {
                case "c" -> {
                    Relation relation = relations.get(oid);
                    if (relation == null) {
                        return null;
                    }
                    key = relation.kind().equals("c") ? "t:" + relation.rowType() : "c:" + oid;
                }
                case "t" -> {
                    TypeLink link = typeLinks.get(oid);
                    if (link == null) {
                        return null;
                    }
                    Relation relation = relations.get(link.relation());
                    if (relation != null && !relation.kind().equals("c")) {
                        return key("c", link.relation());
                    }
                    if (link.element() != 0) {
                        return key("t", link.element());
                    }
                    key = link.range() != 0 ? "t:" + link.range() : "t:" + oid;
                }
                default -> key = kind + ":" + oid;
            }
            return nodes.containsKey(key) ? key : null;
        }

        private void indexes() throws SQLException {
            eachOfKeptTables(INDEXES, row -> {
                // On a partitioned table pg_get_indexdef writes ON ONLY, for pg_dump to attach each
                // partition's index after; without ONLY the server makes them.
                String definition = row.getString("definition");
                definition = replaceFirst(definition, " ON ONLY " + schema + ".", " ON ");
                definition = replaceFirst(definition, " ON " + schema + ".", " ON ");
                indexes.add(definition, "DROP INDEX " + row.getString("name"));
            });
        }

        private void triggers() throws SQLException {
            String sql = TRIGGERS.replace("NOT_CLONED", major >= 13 ? "t.tgparentid = 0" : "true");
            eachOfKeptTables(sql, row -> {
                String table = row.getString("table_name");
                String name = row.getString("name");
                triggers.add(
                        replaceFirst(row.getString("definition"), " ON " + schema + ".", " ON "),
                        "DROP TRIGGER " + name + " ON " + table);
                String enabled = switch (row.getString("tgenabled")) {
                    case "D" -> "DISABLE TRIGGER ";
                    case "R" -> "ENABLE REPLICA TRIGGER ";
                    case "A" -> "ENABLE ALWAYS TRIGGER ";
                    default -> null;
                };
                if (enabled != null) {
                    triggers.create.add("ALTER TABLE " + table + " " + enabled + name);
                }
            });
        }

        private void policies() throws SQLException {
            eachOfKeptTables(POLICIES, row -> {
                String table = row.getString("table_name");
                String name = row.getString("name");
                String command = switch (row.getString("polcmd")) {
                    case "r" -> "SELECT";
                    case "a" -> "INSERT";
                    case "w" -> "UPDATE";
                    case "d" -> "DELETE";
                    default -> "ALL";
                };
                policies.add(
                        "CREATE POLICY " + name + " ON " + table + " AS "
                                + (row.getBoolean("polpermissive") ? "PERMISSIVE" : "RESTRICTIVE") + " FOR " + command
                                + clause(" TO ", row.getString("roles"))
                                + clause(" USING (", row.getString("qual"))
                                + (row.getString("qual") == null ? "" : ")")
                                + clause(" WITH CHECK (", row.getString("with_check"))
                                + (row.getString("with_check") == null ? "" : ")"),
                        "DROP POLICY " + name + " ON " + table);
            });
        }

        private void unsupported() throws SQLException {
            eachOfKeptTables(UNSUPPORTED, row -> unsupported.add(row.getString("what")));
        }

        /**
         * The nodes in an order that creates each after what it needs (Kahn's algorithm), and where
         * that leaves a choice, by kind and name. A cycle, which pg_depend does not allow among the
         * objects themselves, would leave nodes over: they follow in kind order, and the script then
         * fails where it runs, so squash refuses it.
         */
        private List<Node> sorted() {
            Map<String, Integer> waiting = new HashMap<>();
            Map<String, List<Node>> dependents = new HashMap<>();
            Comparator<Node> order = Comparator.<Node>comparingInt(node -> node.rank)
                    .thenComparing(node -> node.name)
                    .thenComparing(node -> node.key);
            PriorityQueue<Node> ready = new PriorityQueue<>(order);
            for (Node node : nodes.values()) {
                node.needs.retainAll(nodes.keySet());
                waiting.put(node.key, node.needs.size());
                node.needs.forEach(needed -> dependents
                        .computeIfAbsent(needed, k -> new ArrayList<>())
                        .add(node));
                if (node.needs.isEmpty()) {
                    ready.add(node);
                }
            }
            List<Node> sorted = new ArrayList<>();
            while (!ready.isEmpty()) {
                Node node = ready.poll();
                sorted.add(node);
                for (Node dependent : dependents.getOrDefault(node.key, List.of())) {
                    if (waiting.merge(dependent.key, -1, Integer::sum) == 0) {
                        ready.add(dependent);
                    }
                }
            }
            if (sorted.size() < nodes.size()) {
                List<Node> left = new ArrayList<>(nodes.values());
                left.removeAll(sorted);
                left.sort(order);
                sorted.addAll(left);
            }
            return sorted;
        }

        private Node node(String key, int rank, String name) {
            Node node = new Node(key, rank, name);
            nodes.put(key, node);
            return node;
        }

        /** Runs {@code sql} and hands on the rows whose table ({@code relname}) is written. */
        private void eachOfKeptTables(String sql, Catalog.Row action) throws SQLException {
            Catalog.each(connection, sql, row -> {
                if (kept(row.getString("relname"))) {
                    action.read(row);
                }
            });
        }

        private boolean kept(String table) {
            return !ignoredTables.contains(table.toLowerCase(Locale.ROOT)) && !fromExtensions.contains(table);
        }
    }

    /** Statements of one phase after the objects: how to create each, and how to drop it. */
    private static final class Phase {

        private final List<String> create = new ArrayList<>();
        private final List<String> drop = new ArrayList<>();

        void add(String create, String drop) {
            this.create.add(create);
            this.drop.add(drop);
        }

        List<String> reversedDrops() {
            List<String> reversed = new ArrayList<>(drop);
            Collections.reverse(reversed);
            return reversed;
        }
    }

    /** The options of CREATE SEQUENCE and of an identity column after START WITH. */
    private static String sequenceOptions(String increment, String min, String max, String cache, boolean cycle) {
        return " INCREMENT BY " + increment + " MINVALUE " + min + " MAXVALUE " + max + " CACHE " + cache
                + (cycle ? " CYCLE" : " NO CYCLE");
    }

    /** {@code prefix + value}, or nothing when there is no value. */
    private static String clause(String prefix, String value) {
        return value == null ? "" : prefix + value;
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** {@code pg_proc.proparallel} as CREATE AGGREGATE's PARALLEL, absent for the default (unsafe). */
    private static String parallel(String code) {
        return switch (code) {
            case "s" -> "SAFE";
            case "r" -> "RESTRICTED";
            default -> null;
        };
    }

    /** {@code text} with its first {@code target} replaced, or as it is when there is none. */
    private static String replaceFirst(String text, String target, String replacement) {
        int at = text.indexOf(target);
        return at < 0 ? text : text.substring(0, at) + replacement + text.substring(at + target.length());
    }
}
