// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static java.util.stream.Collectors.joining;

import dev.cairn.SchemaSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a PostgreSQL (12+) schema from {@code pg_catalog}; see {@link Snapshots} for what it records.
 *
 * <p>Only the connection's {@code current_schema()} is read, besides the extensions, which belong to
 * the whole database. Every value comes from the catalog's own deparsers ({@code format_type},
 * {@code pg_get_expr}, {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_viewdef},
 * {@code pg_get_triggerdef}), never from OIDs or creation order, so a schema and its scratch copy
 * read the same. PostgreSQL names constraints and indexes deterministically from the table and
 * columns ({@code users_email_key}), so names are kept.
 *
 * <p>Beyond the common conventions:
 * <ul>
 *   <li>{@code table T} records {@code column order} (live columns by position, {@code , }-joined),
 *       {@code row level security} ({@code enabled}, {@code forced}, or both), {@code unlogged},
 *       {@code partition by} and {@code partition of} (parent and bound).
 *   <li>A column records {@code identity} ({@code always}/{@code by default}), {@code generated} (a
 *       stored generated column's expression, in place of a default) and {@code collation} when not
 *       its type's.
 *   <li>Primary key, unique and foreign key constraints record {@code deferrable} ({@code initially
 *       immediate}/{@code initially deferred}, absent when not deferrable); a primary key or unique
 *       constraint {@code include} and {@code nulls not distinct}; a foreign key {@code match}
 *       ({@code full}, absent for the default simple). {@code table T / exclude X} records
 *       {@code definition} and {@code deferrable}.
 *   <li>An index records {@code method} (absent for btree), {@code include} and {@code nulls not
 *       distinct}; a key column with an operator class other than its type's default is followed
 *       by it ({@code name text_pattern_ops}).
 *   <li>{@code materialized view V} records {@code definition}; its indexes are {@code materialized
 *       view V / index I}.
 *   <li>{@code extension E} records {@code schema} and {@code version}; what an extension made
 *       (routines, types, tables, views, sequences) is its own and left out.
 *   <li>{@code type T} records {@code kind} ({@code enum}, {@code composite}, {@code domain},
 *       {@code range}) and: {@code values} ({@code 'a', 'b'} in sort order); {@code attributes}
 *       ({@code name type, …}); {@code base type}, {@code nullable}, {@code default}, {@code check}
 *       (expressions sorted, {@code ; }-joined); {@code subtype}.
 *   <li>A sequence records {@code type} and {@code owned by} ({@code table.column}). Sequences that
 *       back an identity column are implicit and left out (the column's {@code identity} shows
 *       them); a serial's sequence is kept, since it is a real object that a down must drop.
 *   <li>A trigger records {@code table}, {@code timing}, {@code event} (with {@code update of c1, c2},
 *       columns sorted), {@code level} ({@code row}/{@code statement}), {@code when}, {@code function}
 *       (name and arguments), {@code referencing}, {@code enabled} ({@code no}, {@code replica} or
 *       {@code always}; absent for the default), and for a constraint trigger {@code constraint=yes}
 *       and {@code deferrable}.
 *       A trigger name is unique only per table: when several tables have a trigger of the same
 *       name, each is written {@code trigger G on T}.
 *   <li>A routine records {@code kind} ({@code function}, {@code procedure}, {@code aggregate},
 *       {@code window}), {@code returns}, {@code language}, {@code body} (the source; for C and
 *       internal functions the symbol), {@code volatility} (functions only: procedures and
 *       aggregates take none), {@code strict} ({@code yes} or absent),
 *       {@code security} ({@code definer} or absent), {@code parallel} (absent when unsafe),
 *       {@code set} (sorted {@code name=value}s); an aggregate {@code state function}, {@code state
 *       type}, {@code final function} and {@code initial state} in place of language and body.
 *   <li>{@code table T / policy P} records {@code command}, {@code roles}, {@code using},
 *       {@code with check} and {@code restrictive=yes}.
 * </ul>
 *
 * <p>One catalog query per kind of object, whatever the number of tables; lists inside a row are
 * aggregated in the query and sorted with {@code COLLATE "C"}, so the text does not depend on the
 * database's collation.
 */
public final class PostgresSchemaReader implements SchemaReader {

    private static final String EXTENSIONS = """
            SELECT e.extname, n.nspname, e.extversion
            FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace""";

    // Tables, and the names of relations an extension made (pg_depend.deptype 'e'), so that they
    // are skipped like ignored tables (PostGIS's spatial_ref_sys and its views, for one).
    private static final String RELATIONS = """
            SELECT c.oid, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, c.relpersistence,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
                   CASE WHEN c.relispartition THEN
                       (SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                        WHERE i.inhrelid = c.oid) || ' ' || pg_get_expr(c.relpartbound, c.oid) END AS partition_of,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                           WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
                   AS from_extension,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = c.oid OR h.inhparent = c.oid)
                   AS inherits
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S')""";

    // In position order, so that the table's column order can be read off them.
    private static final String COLUMNS = """
            SELECT c.relname, a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid) AS expression, a.attidentity, a.attgenerated,
                   CASE WHEN a.attcollation <> t.typcollation THEN
                       (SELECT o.collname FROM pg_catalog.pg_collation o WHERE o.oid = a.attcollation) END
                   AS collation
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
              AND a.attnum > 0 AND NOT a.attisdropped TABLES
            ORDER BY a.attrelid, a.attnum""";

    // A foreign key that references a partitioned table also has one catalog row per referenced
    // partition, under the same name and on the same table; only the parent row is the user's.
    // x is the index behind a primary key or unique constraint (a foreign key's conindid is the
    // referenced index, which says nothing of the key itself). Only checks and exclusions are
    // deparsed: the other kinds are read from their columns, and deparsing every key costs.
    private static final String CONSTRAINTS = """
            SELECT c.relname, k.conname, k.contype,
                   CASE WHEN k.contype IN ('c', 'x') THEN pg_get_constraintdef(k.oid) END AS definition,
                   (SELECT string_agg(a.attname, ', ' ORDER BY u.ord)
                    FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
                   (SELECT string_agg(a.attname, ', ' ORDER BY u.ord)
                    FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum)
                   AS referenced_columns,
                   CASE WHEN fn.nspname = current_schema() THEN f.relname ELSE fn.nspname || '.' || f.relname END
                   AS referenced_table,
                   k.confdeltype, k.confupdtype, k.confmatchtype, k.condeferrable, k.condeferred,
                   INCLUDED AS included, NULLS_NOT_DISTINCT AS nulls_not_distinct
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_class f ON f.oid = k.confrelid
            LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = f.relnamespace
            LEFT JOIN pg_catalog.pg_index x ON x.indexrelid = k.conindid AND k.contype IN ('p', 'u')
            WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'f', 'c', 'x') TABLES
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint p
                              WHERE p.oid = k.conparentid AND p.conrelid = k.conrelid)""";

    // An index's INCLUDE columns: those after its key columns, plain columns only.
    private static final String INCLUDED = """
            (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
             FROM generate_series(x.indnkeyatts + 1, x.indnatts) k(n)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.n - 1])""";

    // A plain key column is its quoted name (as pg_get_indexdef writes it, without deparsing);
    // only expressions (indkey 0) are deparsed. pg_get_indexdef leaves out the operator class,
    // which is added when not the type's default. indoption per key column: bit 1 is DESC, bit 2
    // NULLS FIRST; the defaults (NULLS LAST for ascending, NULLS FIRST for descending) are left
    // unsaid. Indexes that back a primary key, unique or exclusion constraint (its conindid) are
    // left out; a foreign key's conindid names the index it references, which stays.
    private static final String INDEXES = """
            SELECT c.relname, c.relkind, i.relname AS index_name, x.indisunique, m.amname,
                   pg_get_expr(x.indpred, x.indrelid, true) AS predicate,
                   (SELECT string_agg(CASE WHEN x.indkey[k.n - 1] = 0 THEN pg_get_indexdef(x.indexrelid, k.n, true)
                                           ELSE quote_ident(a.attname) END
                               || CASE WHEN o.opcdefault THEN '' ELSE ' ' || o.opcname END
                               || CASE WHEN (x.indoption[k.n - 1] & 1) = 1 THEN ' desc' ELSE '' END
                               || CASE (x.indoption[k.n - 1] & 3) WHEN 2 THEN ' nulls first'
                                                                  WHEN 1 THEN ' nulls last' ELSE '' END,
                                     ', ' ORDER BY k.n)
                    FROM generate_series(1, x.indnkeyatts) k(n)
                    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.n - 1]
                    JOIN pg_catalog.pg_opclass o ON o.oid = x.indclass[k.n - 1]) AS columns,
                   INCLUDED AS included, NULLS_NOT_DISTINCT AS nulls_not_distinct
            FROM pg_catalog.pg_index x
            JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
            JOIN pg_catalog.pg_am m ON m.oid = i.relam
            JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'm')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                              WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))""";

    private static final String VIEWS = """
            SELECT c.relname, c.relkind, pg_get_viewdef(c.oid, true) AS definition
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')""";

    // A serial's sequence (or one given OWNED BY) depends on its column with deptype 'a' (o and oa
    // are that column's table and column); an identity column's sequence with deptype 'i' (internal).
    // PostgresSchemaScript writes the same sequences.
    static final String SEQUENCES_OF_THE_SCHEMA = """
            FROM pg_catalog.pg_sequence q
            JOIN pg_catalog.pg_class s ON s.oid = q.seqrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
            LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = s.oid
                 AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'a'
            LEFT JOIN pg_catalog.pg_class o ON o.oid = d.refobjid
            LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
            WHERE n.nspname = current_schema()
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i
                              WHERE i.classid = 'pg_catalog.pg_class'::regclass AND i.objid = s.oid
                                AND i.deptype = 'i')""";

    private static final String SEQUENCES = """
            SELECT s.relname, format_type(q.seqtypid, NULL) AS type, q.seqstart, q.seqincrement, q.seqmin,
                   q.seqmax, q.seqcycle, o.relname AS owner, oa.attname AS owner_column
            """ + SEQUENCES_OF_THE_SCHEMA;

    // The columns of UPDATE OF, sorted: their order in the statement means nothing. The WHEN
    // condition and the function's arguments exist only as parsed trees, so they are cut from
    // pg_get_triggerdef.
    private static final String TRIGGERS = """
            SELECT t.tgname, c.relname, t.tgtype, t.tgenabled, t.tgconstraint <> 0 AS is_constraint,
                   t.tgdeferrable, t.tginitdeferred, t.tgqual IS NOT NULL AS has_when,
                   t.tgoldtable, t.tgnewtable, pg_get_triggerdef(t.oid, true) AS definition,
                   (SELECT string_agg(a.attname, ', ' ORDER BY a.attname COLLATE "C")
                    FROM unnest(t.tgattr) u(attnum)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = u.attnum) AS update_of
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND NOT t.tgisinternal""";

    // BODY is the routine's source: prosrc (for C and internal functions, the symbol), or on 14+
    // the parsed body of a SQL-standard one (RETURN … or BEGIN ATOMIC … END), whose prosrc is empty.
    // An aggregate's prosrc is a placeholder; pg_aggregate holds what defines it. Left out are the
    // routines of an extension (deptype 'e') and those internal to another object (deptype 'i',
    // such as a range type's constructors), which come and go with what made them; PostgresSchemaScript
    // writes the same routines. g is an aggregate's pg_aggregate row, l the language.
    static final String ROUTINES_OF_THE_SCHEMA = """
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_catalog.pg_language l ON l.oid = p.prolang
            LEFT JOIN pg_catalog.pg_aggregate g ON g.aggfnoid = p.oid
            WHERE n.nspname = current_schema()
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                          WHERE e.classid = 'pg_catalog.pg_proc'::regclass AND e.objid = p.oid
                            AND e.deptype IN ('e', 'i'))""";

    private static final String ROUTINES = """
            SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS arguments, p.prokind,
                   pg_get_function_result(p.oid) AS result, l.lanname, BODY AS body, p.provolatile,
                   p.proisstrict, p.prosecdef, p.proparallel,
                   (SELECT string_agg(s, ', ' ORDER BY s COLLATE "C") FROM unnest(p.proconfig) s) AS config,
                   g.aggtransfn::text AS state_function, format_type(g.aggtranstype, NULL) AS state_type,
                   CASE WHEN g.aggfinalfn <> 0 THEN g.aggfinalfn::text END AS final_function,
                   g.agginitval
            """ + ROUTINES_OF_THE_SCHEMA;

    // User-defined types only: a table's or view's row type is a composite whose relation is no
    // composite type (relkind 'c'); array and multirange types are of other typtypes. The condition
    // on t (pg_type), n (its namespace) and c (its relation), which PostgresSchemaScript shares.
    static final String TYPES_OF_THE_SCHEMA = """
            n.nspname = current_schema() AND t.typtype IN ('e', 'c', 'd', 'r')
              AND (t.typtype <> 'c' OR c.relkind = 'c')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                          WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')""";

    private static final String TYPES = """
            SELECT t.typname, t.typtype, t.typnotnull, t.typdefault,
                   (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                    FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS enum_values,
                   (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                    FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
                   CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
                   (SELECT string_agg(regexp_replace(pg_get_constraintdef(k.oid), '^CHECK ', ''), '; '
                                      ORDER BY regexp_replace(pg_get_constraintdef(k.oid), '^CHECK ', '') COLLATE "C")
                    FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c') AS checks,
                   (SELECT format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid)
                   AS subtype
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
            WHERE
            """ + TYPES_OF_THE_SCHEMA;

    // Role 0 in polroles is PUBLIC.
    private static final String POLICIES = """
            SELECT c.relname, p.polname, p.polcmd, p.polpermissive,
                   (SELECT string_agg(CASE WHEN r.oid = 0 THEN 'public' ELSE a.rolname END, ', '
                                      ORDER BY CASE WHEN r.oid = 0 THEN 'public' ELSE a.rolname END COLLATE "C")
                    FROM unnest(p.polroles) r(oid) LEFT JOIN pg_catalog.pg_roles a ON a.oid = r.oid) AS roles,
                   pg_get_expr(p.polqual, p.polrelid, true) AS qual,
                   pg_get_expr(p.polwithcheck, p.polrelid, true) AS with_check
            FROM pg_catalog.pg_policy p
            JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema()""";

    // Where pg_get_triggerdef's text turns to the function the trigger runs.
    private static final String EXECUTE = " EXECUTE FUNCTION ";

    // tgtype bits, from PostgreSQL's src/include/catalog/pg_trigger.h.
    private static final int TRIGGER_ROW = 1;
    private static final int TRIGGER_BEFORE = 1 << 1;
    private static final int TRIGGER_INSERT = 1 << 2;
    private static final int TRIGGER_DELETE = 1 << 3;
    private static final int TRIGGER_UPDATE = 1 << 4;
    private static final int TRIGGER_TRUNCATE = 1 << 5;
    private static final int TRIGGER_INSTEAD = 1 << 6;

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        Reading reading = new Reading(connection, ignoredTables);
        Snapshots snapshot = new Snapshots();
        for (Part part : Part.values()) {
            part.read(reading, snapshot);
        }
        return snapshot.build();
    }

    @Override
    public SchemaWatch watch(Connection connection) throws SQLException {
        return PostgresSchemaWatch.start(connection);
    }

    /**
     * What the reader reads, one catalog query each, in the order it reads them: extensions first,
     * then relations, since both say what an extension made, which the others leave out.
     */
    enum Part {
        EXTENSIONS((reading, into, tables) -> reading.extensions(into)),
        RELATIONS((reading, into, tables) -> reading.relations(into)),
        COLUMNS(Reading::columns),
        CONSTRAINTS(Reading::constraints),
        INDEXES((reading, into, tables) -> reading.indexes(into)),
        VIEWS((reading, into, tables) -> reading.views(into)),
        SEQUENCES((reading, into, tables) -> reading.sequences(into)),
        TRIGGERS((reading, into, tables) -> reading.triggers(into)),
        ROUTINES((reading, into, tables) -> reading.routines(into)),
        TYPES((reading, into, tables) -> reading.types(into)),
        POLICIES((reading, into, tables) -> reading.policies(into));

        private final Step step;

        Part(Step step) {
            this.step = step;
        }

        /** Reads all of this part. */
        void read(Reading reading, Snapshots into) throws SQLException {
            step.read(reading, into, null);
        }

        /**
         * Reads this part for the tables with these OIDs only: what it records under {@code table T}
         * (or {@code table T / …}) of those tables and nothing else. Only {@link #byTable} parts can.
         */
        void read(Reading reading, Snapshots into, Set<Long> tables) throws SQLException {
            if (!byTable()) {
                throw new IllegalArgumentException(this + " is read whole");
            }
            step.read(reading, into, tables);
        }

        /** Whether everything this part records belongs to one table, so that it can be read table by table. */
        boolean byTable() {
            return this == COLUMNS || this == CONSTRAINTS;
        }

        @FunctionalInterface
        private interface Step {
            void read(Reading reading, Snapshots into, Set<Long> tables) throws SQLException;
        }
    }

    /**
     * Reads on one connection, part by part: the server's major version, the relations an extension
     * made and the tables to leave out, and for {@link PostgresSchemaWatch} the names of the relations
     * and columns last read, by OID and position, which show a rename.
     */
    static final class Reading {

        private final Connection connection;
        private final int major;
        private final Set<String> ignoredTables;
        private final Set<String> fromExtensions = new HashSet<>();
        private final Map<Long, String> relationNames = new HashMap<>();
        private final Set<Long> inherit = new HashSet<>();
        private final Map<Long, Map<Integer, String>> columnNames = new HashMap<>();

        Reading(Connection connection, Set<String> ignoredTables) throws SQLException {
            this.connection = connection;
            this.major = connection.getMetaData().getDatabaseMajorVersion();
            this.ignoredTables = ignoredTables;
        }

        /** Every relation of the schema (tables, views, sequences) by OID, as the last read of relations found them. */
        Map<Long, String> relationNames() {
            return relationNames;
        }

        /** The relations, by OID, that inherit or are inherited from (partitions too), as the last read found them. */
        Set<Long> inherit() {
            return inherit;
        }

        /** Every table's columns by OID and position, as the reads of columns found them. */
        Map<Long, Map<Integer, String>> columnNames() {
            return columnNames;
        }

        void extensions(Snapshots snapshot) throws SQLException {
            each(EXTENSIONS, row -> {
                String path = "extension " + Snapshots.name(row.getString("extname"));
                snapshot.put(path, "schema", row.getString("nspname"))
                        .put(path, "version", row.getString("extversion"));
            });
        }

        void relations(Snapshots snapshot) throws SQLException {
            fromExtensions.clear();
            relationNames.clear();
            inherit.clear();
            each(RELATIONS, row -> {
                String name = row.getString("relname");
                relationNames.put(row.getLong("oid"), name);
                if (row.getBoolean("inherits")) {
                    inherit.add(row.getLong("oid"));
                }
                if (row.getBoolean("from_extension")) {
                    fromExtensions.add(name);
                    return;
                }
                String kind = row.getString("relkind");
                if (!(kind.equals("r") || kind.equals("p")) || !kept(name)) {
                    return;
                }
                String path = Snapshots.table(name);
                List<String> security = new ArrayList<>();
                if (row.getBoolean("relrowsecurity")) {
                    security.add("enabled");
                }
                if (row.getBoolean("relforcerowsecurity")) {
                    security.add("forced");
                }
                snapshot.object(path);
                snapshot.put(path, "row level security", security.isEmpty() ? null : String.join(", ", security))
                        .put(path, "unlogged", "u".equals(row.getString("relpersistence")) ? "yes" : null)
                        .put(path, "partition by", row.getString("partition_by"))
                        .put(path, "partition of", row.getString("partition_of"));
            });
        }

        void columns(Snapshots snapshot, Set<Long> tables) throws SQLException {
            Map<String, List<String>> order = new LinkedHashMap<>();
            if (tables == null) {
                columnNames.clear();
            } else {
                columnNames.keySet().removeAll(tables);
            }
            each(COLUMNS, tables, row -> {
                String table = row.getString("relname");
                columnNames
                        .computeIfAbsent(row.getLong("attrelid"), oid -> new HashMap<>())
                        .put(row.getInt("attnum"), row.getString("attname"));
                if (!kept(table)) {
                    return;
                }
                String column = row.getString("attname");
                order.computeIfAbsent(table, t -> new ArrayList<>()).add(Snapshots.name(column));
                String path = Snapshots.part(table, "column", column);
                String generatedCode = row.getString("attgenerated");
                boolean generated = generatedCode != null && !generatedCode.isEmpty();
                snapshot.put(path, "type", row.getString("type").toLowerCase(Locale.ROOT))
                        .put(path, "nullable", row.getBoolean("attnotnull") ? "no" : "yes")
                        .put(path, generated ? "generated" : "default", row.getString("expression"))
                        .put(path, "identity", identity(row.getString("attidentity")))
                        .put(path, "collation", row.getString("collation"));
            });
            order.forEach((table, columns) ->
                    snapshot.put(Snapshots.table(table), "column order", String.join(", ", columns)));
        }

        void constraints(Snapshots snapshot, Set<Long> tables) throws SQLException {
            String sql = CONSTRAINTS.replace("INCLUDED", INCLUDED).replace("NULLS_NOT_DISTINCT", nullsNotDistinct());
            each(sql, tables, row -> {
                String table = row.getString("relname");
                if (!kept(table)) {
                    return;
                }
                String name = row.getString("conname");
                String columns = row.getString("columns");
                String deferrable = deferrable(row.getBoolean("condeferrable"), row.getBoolean("condeferred"));
                String path = switch (row.getString("contype")) {
                    case "p" -> Snapshots.part(table, "primary key", null);
                    case "u" -> Snapshots.part(table, "unique", name);
                    case "c" -> Snapshots.part(table, "check", name);
                    case "f" -> Snapshots.part(table, "foreign key", name);
                    case "x" -> Snapshots.part(table, "exclude", name);
                    default -> throw new IllegalStateException("unexpected contype " + row.getString("contype"));
                };
                switch (row.getString("contype")) {
                    case "c" -> snapshot.put(path, "expression", checkExpression(row.getString("definition")));
                    case "f" -> foreignKey(snapshot, path, columns, row);
                    case "x" -> snapshot.put(path, "definition", exclusion(row.getString("definition"), deferrable));
                    default ->
                        snapshot.put(path, "columns", columns)
                                .put(path, "include", row.getString("included"))
                                .put(path, "nulls not distinct", row.getBoolean("nulls_not_distinct") ? "yes" : null);
                }
                snapshot.put(path, "deferrable", deferrable);
            });
        }

        private void foreignKey(Snapshots snapshot, String path, String columns, ResultSet row) throws SQLException {
            snapshot.put(path, "columns", columns)
                    .put(
                            path,
                            "references",
                            Snapshots.name(row.getString("referenced_table")) + "("
                                    + row.getString("referenced_columns") + ")")
                    .put(path, "on delete", action(row.getString("confdeltype")))
                    .put(path, "on update", action(row.getString("confupdtype")))
                    .put(path, "match", "f".equals(row.getString("confmatchtype")) ? "full" : null);
        }

        void indexes(Snapshots snapshot) throws SQLException {
            String sql = INDEXES.replace("INCLUDED", INCLUDED).replace("NULLS_NOT_DISTINCT", nullsNotDistinct());
            each(sql, row -> {
                String table = row.getString("relname");
                if (!kept(table)) {
                    return;
                }
                String index = row.getString("index_name");
                String path = "m".equals(row.getString("relkind"))
                        ? "materialized view " + Snapshots.name(table) + " / index " + Snapshots.name(index)
                        : Snapshots.part(table, "index", index);
                String method = row.getString("amname");
                snapshot.put(path, "columns", row.getString("columns"))
                        .put(path, "unique", row.getBoolean("indisunique") ? "yes" : "no")
                        .put(path, "where", row.getString("predicate"))
                        .put(path, "method", "btree".equals(method) ? null : method)
                        .put(path, "include", row.getString("included"))
                        .put(path, "nulls not distinct", row.getBoolean("nulls_not_distinct") ? "yes" : null);
            });
        }

        void views(Snapshots snapshot) throws SQLException {
            each(VIEWS, row -> {
                String name = row.getString("relname");
                if (!kept(name)) {
                    return;
                }
                String kind = "m".equals(row.getString("relkind")) ? "materialized view " : "view ";
                snapshot.put(
                        kind + Snapshots.name(name), "definition", Snapshots.normalised(row.getString("definition")));
            });
        }

        void sequences(Snapshots snapshot) throws SQLException {
            each(SEQUENCES, row -> {
                String owner = row.getString("owner");
                String name = row.getString("relname");
                if ((owner != null && !kept(owner)) || !kept(name)) {
                    return;
                }
                String path = "sequence " + Snapshots.name(name);
                snapshot.put(path, "type", row.getString("type"))
                        .put(path, "start", row.getString("seqstart"))
                        .put(path, "increment", row.getString("seqincrement"))
                        .put(path, "min", row.getString("seqmin"))
                        .put(path, "max", row.getString("seqmax"))
                        .put(path, "cycle", row.getBoolean("seqcycle") ? "yes" : "no")
                        .put(
                                path,
                                "owned by",
                                owner == null
                                        ? null
                                        : Snapshots.name(owner) + "." + Snapshots.name(row.getString("owner_column")));
            });
        }

        void triggers(Snapshots snapshot) throws SQLException {
            List<Map<String, String>> triggers = new ArrayList<>();
            Map<String, Integer> tablesPerName = new HashMap<>();
            each(TRIGGERS, row -> {
                String table = row.getString("relname");
                if (!kept(table)) {
                    return;
                }
                String name = row.getString("tgname");
                tablesPerName.merge(name, 1, Integer::sum);
                int type = row.getInt("tgtype");
                String definition = row.getString("definition");
                int execute = definition.lastIndexOf(EXECUTE);
                Map<String, String> trigger = new HashMap<>();
                trigger.put("name", name);
                trigger.put("table", Snapshots.name(table));
                trigger.put("timing", timing(type));
                trigger.put("events", events(type, row.getString("update_of")));
                trigger.put("level", (type & TRIGGER_ROW) != 0 ? "row" : "statement");
                trigger.put("when", row.getBoolean("has_when") ? when(definition, execute) : null);
                trigger.put("function", definition.substring(execute + EXECUTE.length()));
                trigger.put("referencing", referencing(row.getString("tgoldtable"), row.getString("tgnewtable")));
                trigger.put("enabled", enabled(row.getString("tgenabled")));
                boolean constraint = row.getBoolean("is_constraint");
                trigger.put("constraint", constraint ? "yes" : null);
                trigger.put(
                        "deferrable",
                        constraint
                                ? deferrable(row.getBoolean("tgdeferrable"), row.getBoolean("tginitdeferred"))
                                : null);
                triggers.add(trigger);
            });
            for (Map<String, String> trigger : triggers) {
                String name = trigger.remove("name");
                String path = "trigger " + Snapshots.name(name)
                        + (tablesPerName.get(name) > 1 ? " on " + trigger.get("table") : "");
                trigger.forEach((attribute, value) -> snapshot.put(path, attribute, value));
            }
        }

        void routines(Snapshots snapshot) throws SQLException {
            String sql = ROUTINES.replace(
                    "BODY", major >= 14 ? "coalesce(pg_get_function_sqlbody(p.oid), p.prosrc)" : "p.prosrc");
            each(sql, row -> {
                String path =
                        "routine " + Snapshots.name(row.getString("proname")) + "(" + row.getString("arguments") + ")";
                boolean aggregate = "a".equals(row.getString("prokind"));
                // Only functions have a volatility of their own: CREATE PROCEDURE and CREATE
                // AGGREGATE take none.
                boolean function = "f".equals(row.getString("prokind")) || "w".equals(row.getString("prokind"));
                snapshot.put(path, "kind", routineKind(row.getString("prokind")))
                        .put(path, "returns", row.getString("result"))
                        .put(path, "language", aggregate ? null : row.getString("lanname"))
                        .put(path, "body", aggregate ? null : Snapshots.normalised(row.getString("body")))
                        .put(path, "volatility", function ? volatility(row.getString("provolatile")) : null)
                        .put(path, "strict", row.getBoolean("proisstrict") ? "yes" : null)
                        .put(path, "security", row.getBoolean("prosecdef") ? "definer" : null)
                        .put(path, "parallel", parallel(row.getString("proparallel")))
                        .put(path, "set", row.getString("config"))
                        .put(path, "state function", row.getString("state_function"))
                        .put(path, "state type", aggregate ? row.getString("state_type") : null)
                        .put(path, "final function", row.getString("final_function"))
                        .put(path, "initial state", row.getString("agginitval"));
            });
        }

        void types(Snapshots snapshot) throws SQLException {
            each(TYPES, row -> {
                String path = "type " + Snapshots.name(row.getString("typname"));
                String kind = row.getString("typtype");
                snapshot.put(path, "kind", typeKind(kind))
                        .put(path, "values", row.getString("enum_values"))
                        .put(path, "attributes", row.getString("attributes"))
                        .put(path, "subtype", row.getString("subtype"));
                if ("d".equals(kind)) {
                    snapshot.put(path, "base type", row.getString("base_type"))
                            .put(path, "nullable", row.getBoolean("typnotnull") ? "no" : "yes")
                            .put(path, "default", row.getString("typdefault"))
                            .put(path, "check", row.getString("checks"));
                }
            });
        }

        void policies(Snapshots snapshot) throws SQLException {
            each(POLICIES, row -> {
                String table = row.getString("relname");
                if (!kept(table)) {
                    return;
                }
                String path = Snapshots.part(table, "policy", row.getString("polname"));
                snapshot.put(path, "command", command(row.getString("polcmd")))
                        .put(path, "roles", row.getString("roles"))
                        .put(path, "using", row.getString("qual"))
                        .put(path, "with check", row.getString("with_check"))
                        .put(path, "restrictive", row.getBoolean("polpermissive") ? null : "yes");
            });
        }

        /** indnullsnotdistinct came with PostgreSQL 15; before, every unique index treated nulls as distinct. */
        private String nullsNotDistinct() {
            return major >= 15 ? "x.indnullsnotdistinct" : "false";
        }

        private boolean kept(String table) {
            return !ignoredTables.contains(table.toLowerCase(Locale.ROOT)) && !fromExtensions.contains(table);
        }

        /**
         * Runs {@code sql} as a prepared statement: the driver keeps it prepared on the connection
         * after a few runs, so that verify, which reads twice per migration on one connection, plans
         * each catalog query once rather than on every read (planning is a good part of their cost).
         */
        private void each(String sql, Catalog.Row action) throws SQLException {
            each(sql, null, action);
        }

        /**
         * {@link #each(String, Catalog.Row)} for a query whose {@code TABLES} stands for a condition on
         * the table's OID {@code c.oid}: none when {@code tables} is null, else its being one of them.
         */
        private void each(String sql, Set<Long> tables, Catalog.Row action) throws SQLException {
            String filtered = sql.replace("TABLES", tables == null ? "" : "AND c.oid = ANY (?::oid[])");
            try (PreparedStatement statement = connection.prepareStatement(filtered)) {
                if (tables != null) {
                    statement.setString(1, tables.stream().map(String::valueOf).collect(joining(",", "{", "}")));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        action.read(rows);
                    }
                }
            }
        }
    }

    /** pg_get_constraintdef gives {@code CHECK (expression)}; the keyword is already in the path. */
    private static String checkExpression(String definition) {
        return definition.startsWith("CHECK ") ? definition.substring("CHECK ".length()) : definition;
    }

    /**
     * pg_get_constraintdef gives {@code EXCLUDE USING gist (…) [DEFERRABLE [INITIALLY DEFERRED]]}:
     * the keyword is in the path, and deferrability in its own attribute.
     */
    private static String exclusion(String definition, String deferrable) {
        String text = definition.startsWith("EXCLUDE ") ? definition.substring("EXCLUDE ".length()) : definition;
        if (deferrable != null) {
            text = text.replaceFirst(" DEFERRABLE( INITIALLY DEFERRED)?$", "");
        }
        return text;
    }

    /** Absent when not deferrable, so that constraints read as they did before this was recorded. */
    private static String deferrable(boolean deferrable, boolean deferred) {
        if (!deferrable) {
            return null;
        }
        return deferred ? "initially deferred" : "initially immediate";
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

    /**
     * The trigger's events in the order CREATE TRIGGER lists them, e.g. {@code insert or update of a,
     * b}: one fixed order, so a set of events always reads the same.
     */
    private static String events(int type, String updateOf) {
        List<String> events = new ArrayList<>();
        if ((type & TRIGGER_INSERT) != 0) {
            events.add("insert");
        }
        if ((type & TRIGGER_DELETE) != 0) {
            events.add("delete");
        }
        if ((type & TRIGGER_UPDATE) != 0) {
            events.add(updateOf == null ? "update" : "update of " + updateOf);
        }
        if ((type & TRIGGER_TRUNCATE) != 0) {
            events.add("truncate");
        }
        return String.join(" or ", events);
    }

    /** pg_get_triggerdef writes {@code … FOR EACH ROW WHEN (condition) EXECUTE FUNCTION f(…)}. */
    private static String when(String definition, int execute) {
        int start = definition.indexOf(" WHEN (", definition.indexOf(" FOR EACH "));
        return definition.substring(start + " WHEN (".length(), execute - 1);
    }

    private static String referencing(String oldTable, String newTable) {
        List<String> names = new ArrayList<>();
        if (oldTable != null) {
            names.add("old table as " + Snapshots.name(oldTable));
        }
        if (newTable != null) {
            names.add("new table as " + Snapshots.name(newTable));
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** {@code pg_trigger.tgenabled}: absent for the default, {@code O} (fires in origin and local mode). */
    private static String enabled(String code) {
        return switch (code) {
            case "D" -> "no";
            case "R" -> "replica";
            case "A" -> "always";
            default -> null;
        };
    }

    private static String routineKind(String code) {
        return switch (code) {
            case "p" -> "procedure";
            case "a" -> "aggregate";
            case "w" -> "window";
            default -> "function";
        };
    }

    private static String volatility(String code) {
        return switch (code) {
            case "i" -> "immutable";
            case "s" -> "stable";
            default -> "volatile";
        };
    }

    /** Absent for the default, {@code unsafe}. */
    private static String parallel(String code) {
        return switch (code) {
            case "s" -> "safe";
            case "r" -> "restricted";
            default -> null;
        };
    }

    private static String typeKind(String code) {
        return switch (code) {
            case "e" -> "enum";
            case "c" -> "composite";
            case "d" -> "domain";
            default -> "range";
        };
    }

    /** {@code pg_policy.polcmd} as the word of CREATE POLICY's FOR. */
    private static String command(String code) {
        return switch (code) {
            case "r" -> "select";
            case "a" -> "insert";
            case "w" -> "update";
            case "d" -> "delete";
            default -> "all";
        };
    }
}
