// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.PostgresSchemaReader.Part.COLUMNS;
import static dev.cairn.internal.schema.PostgresSchemaReader.Part.CONSTRAINTS;
import static dev.cairn.internal.schema.PostgresSchemaReader.Part.INDEXES;
import static dev.cairn.internal.schema.PostgresSchemaReader.Part.POLICIES;
import static dev.cairn.internal.schema.PostgresSchemaReader.Part.RELATIONS;
import static dev.cairn.internal.schema.PostgresSchemaReader.Part.ROUTINES;
import static dev.cairn.internal.schema.PostgresSchemaReader.Part.SEQUENCES;
import static dev.cairn.internal.schema.PostgresSchemaReader.Part.TRIGGERS;
import static dev.cairn.internal.schema.PostgresSchemaReader.Part.TYPES;
import static dev.cairn.internal.schema.PostgresSchemaReader.Part.VIEWS;
import static java.util.Map.entry;

import dev.cairn.SchemaSnapshot;
import dev.cairn.internal.schema.PostgresSchemaReader.Part;
import dev.cairn.internal.schema.PostgresSchemaReader.Reading;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verify's reads of a PostgreSQL scratch database that read again only the parts of the schema (the
 * {@link Part}s) that DDL can have changed since the last read, which makes a read after a migration
 * that adds an index or a view a fraction of a whole one.
 *
 * <p>How it knows what changed: two event triggers ({@code ddl_command_end}, {@code sql_drop}),
 * installed in the scratch database with a log table in a schema of their own, record each command's
 * tag and the objects it made, altered or dropped; each read takes the log. The log is written in
 * the command's own transaction, so a command that fails leaves no line. Event triggers need a
 * superuser; without one, or when installing them fails, every read is whole.
 *
 * <p>Never at the cost of a missed difference, a read is whole: the first one; after a rollback
 * (which takes the log's lines with it); after a command whose tag it does not know, or that touched
 * an object outside the schema being read (another schema's table can appear in a view's text, a
 * temporary table can hide one); when {@code current_schema()}, the search path or a role's name
 * changed, which no event trigger sees and which change what is read and how names are written;
 * and when a relation or column has a new name under the same OID, or a relation came or went other
 * than by CREATE or DROP: a rename or {@code SET SCHEMA} changes the text of the views, defaults and
 * keys that name it. With the system property {@code cairn.snapshots.check=true} (the project's own
 * integration tests), each partial read is checked against a whole one.
 */
final class PostgresSchemaWatch implements SchemaWatch {

    private static final String LOG = "cairn_verify_ddl.changes";

    private static final List<String> INSTALL = List.of(
            "CREATE SCHEMA cairn_verify_ddl",
            """
            CREATE TABLE cairn_verify_ddl.changes (
                event text NOT NULL, tag text NOT NULL, object_type text, objid oid, schema_name text,
                direct boolean NOT NULL, table_name text)""",
            // A 'command' line per command, whatever it did; an 'object' line per object it made or
            // altered (drops have none).
            """
            CREATE FUNCTION cairn_verify_ddl.command_ended() RETURNS event_trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
            BEGIN
                INSERT INTO cairn_verify_ddl.changes VALUES ('command', tg_tag, NULL, NULL, NULL, true, NULL);
                INSERT INTO cairn_verify_ddl.changes
                    SELECT 'object', command_tag, object_type, objid, schema_name, true, NULL
                    FROM pg_catalog.pg_event_trigger_ddl_commands();
            END $$""",
            // A 'dropped' line per object dropped; direct when the command named it or it went by
            // CASCADE, not when it went with its owner (a table's indexes, row type, defaults). A
            // constraint's or default's OID is not its table's: the table's name comes with it.
            """
            CREATE FUNCTION cairn_verify_ddl.dropped() RETURNS event_trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
            BEGIN
                INSERT INTO cairn_verify_ddl.changes
                    SELECT 'dropped', tg_tag, object_type, objid, schema_name, original OR normal,
                           CASE WHEN object_type IN ('table constraint', 'default value') THEN address_names[2] END
                    FROM pg_catalog.pg_event_trigger_dropped_objects();
            END $$""",
            "CREATE EVENT TRIGGER cairn_verify_ddl_command ON ddl_command_end"
                    + " EXECUTE FUNCTION cairn_verify_ddl.command_ended()",
            "CREATE EVENT TRIGGER cairn_verify_ddl_drop ON sql_drop EXECUTE FUNCTION cairn_verify_ddl.dropped()",
            // Also when a migration sets session_replication_role = replica to load data.
            "ALTER EVENT TRIGGER cairn_verify_ddl_command ENABLE ALWAYS",
            "ALTER EVENT TRIGGER cairn_verify_ddl_drop ENABLE ALWAYS");

    private static final String CONTEXT = """
            SELECT current_schema() AS schema, current_setting('search_path') AS search_path,
                   (SELECT string_agg(rolname, ',' ORDER BY oid) FROM pg_catalog.pg_roles) AS roles""";

    private static final Set<Part> ALL = EnumSet.allOf(Part.class);
    private static final Set<Part> BY_TABLE = EnumSet.of(COLUMNS, CONSTRAINTS);
    private static final Set<Part> NOTHING = EnumSet.noneOf(Part.class);
    private static final Set<Part> TABLE =
            EnumSet.of(RELATIONS, COLUMNS, CONSTRAINTS, INDEXES, SEQUENCES, TRIGGERS, POLICIES);
    private static final Set<Part> VIEW = EnumSet.of(RELATIONS, VIEWS);
    private static final Set<Part> MATERIALIZED_VIEW = EnumSet.of(RELATIONS, VIEWS, INDEXES);
    private static final Set<Part> SEQUENCE = EnumSet.of(RELATIONS, SEQUENCES);

    /** What a command can change, by tag; any other command makes the read whole. */
    private static final Map<String, Set<Part>> BY_COMMAND = Map.ofEntries(
            entry("CREATE TABLE", TABLE),
            entry("CREATE TABLE AS", TABLE),
            entry("SELECT INTO", TABLE),
            entry("ALTER TABLE", TABLE),
            entry("DROP TABLE", TABLE),
            entry("CREATE INDEX", EnumSet.of(INDEXES)),
            entry("DROP INDEX", EnumSet.of(INDEXES)),
            entry("CREATE VIEW", VIEW),
            entry("DROP VIEW", VIEW),
            entry("CREATE MATERIALIZED VIEW", MATERIALIZED_VIEW),
            entry("DROP MATERIALIZED VIEW", MATERIALIZED_VIEW),
            entry("REFRESH MATERIALIZED VIEW", NOTHING),
            entry("CREATE SEQUENCE", SEQUENCE),
            entry("ALTER SEQUENCE", SEQUENCE),
            entry("DROP SEQUENCE", SEQUENCE),
            entry("CREATE FUNCTION", EnumSet.of(ROUTINES)),
            entry("CREATE PROCEDURE", EnumSet.of(ROUTINES)),
            entry("CREATE AGGREGATE", EnumSet.of(ROUTINES)),
            entry("DROP FUNCTION", EnumSet.of(ROUTINES)),
            entry("DROP PROCEDURE", EnumSet.of(ROUTINES)),
            entry("DROP AGGREGATE", EnumSet.of(ROUTINES)),
            entry("DROP ROUTINE", EnumSet.of(ROUTINES)),
            entry("CREATE TRIGGER", EnumSet.of(TRIGGERS)),
            entry("ALTER TRIGGER", EnumSet.of(TRIGGERS)),
            entry("DROP TRIGGER", EnumSet.of(TRIGGERS)),
            entry("CREATE TYPE", EnumSet.of(TYPES)),
            entry("CREATE DOMAIN", EnumSet.of(TYPES)),
            entry("DROP TYPE", EnumSet.of(TYPES)),
            entry("DROP DOMAIN", EnumSet.of(TYPES)),
            entry("CREATE POLICY", EnumSet.of(POLICIES)),
            entry("ALTER POLICY", EnumSet.of(POLICIES)),
            entry("DROP POLICY", EnumSet.of(POLICIES)),
            // Snapshots hold no comments, privileges or labels.
            entry("COMMENT", NOTHING),
            entry("GRANT", NOTHING),
            entry("REVOKE", NOTHING),
            entry("SECURITY LABEL", NOTHING),
            entry("ALTER DEFAULT PRIVILEGES", NOTHING));

    /** What a change to an object can change, by the event triggers' object type; any other makes the read whole. */
    private static final Map<String, Set<Part>> BY_OBJECT = Map.ofEntries(
            entry("table", TABLE),
            entry("table column", TABLE),
            entry("table constraint", EnumSet.of(CONSTRAINTS)),
            entry("default value", EnumSet.of(COLUMNS)),
            entry("index", EnumSet.of(INDEXES)),
            entry("view", VIEW),
            entry("rule", VIEW),
            entry("materialized view", MATERIALIZED_VIEW),
            entry("sequence", SEQUENCE),
            entry("function", EnumSet.of(ROUTINES)),
            entry("procedure", EnumSet.of(ROUTINES)),
            entry("aggregate", EnumSet.of(ROUTINES)),
            entry("trigger", EnumSet.of(TRIGGERS)),
            entry("type", EnumSet.of(TYPES)),
            entry("domain constraint", EnumSet.of(TYPES)),
            entry("policy", EnumSet.of(POLICIES)));

    /** Object types whose line's OID is that of a table. */
    private static final Set<String> TABLES = Set.of("table", "table column");

    /** Objects that belong to no schema of their own: the event triggers give them none. */
    private static final Set<String> SCHEMALESS = Set.of("trigger", "policy", "rule");

    private static final boolean CHECK = Boolean.getBoolean("cairn.snapshots.check");

    private final Connection connection;
    private final Reading reading;
    private final Map<Part, Snapshots> parts = new EnumMap<>(Part.class);
    private String context;
    private boolean whole = true;
    private int partialReads;

    private PostgresSchemaWatch(Connection connection) throws SQLException {
        this.connection = connection;
        this.reading = new Reading(connection, Set.of());
    }

    /** Watches the scratch database of {@code connection}, logging its DDL where the user may. */
    static SchemaWatch start(Connection connection) throws SQLException {
        return install(connection)
                ? new PostgresSchemaWatch(connection)
                : SchemaWatch.wholeReads(new PostgresSchemaReader(), connection);
    }

    @Override
    public SchemaSnapshot read() throws SQLException {
        String now = context();
        Changes changes = new Changes(drain(), now.substring(0, now.indexOf('\n')));
        Stale stale = whole || !now.equals(context) ? Stale.EVERYTHING : changes.stale(reading.relationNames());
        context = now;
        whole = false;
        Map<Long, String> relations = Map.copyOf(reading.relationNames());
        Set<Long> inherit = Set.copyOf(reading.inherit());
        Map<Long, Map<Integer, String>> columns = Map.copyOf(reading.columnNames());
        read(stale.parts());
        if (!stale.tables().isEmpty()) {
            if (changes.inherit(stale.tables(), inherit, reading.inherit())) {
                // A table's parents and children change with it, and the log does not name them.
                stale = stale.withWhole(BY_TABLE);
                read(BY_TABLE);
            } else {
                readTables(stale.tables(), relations);
            }
        }
        if (!stale.parts().equals(ALL) && changes.renamedOrMoved(stale, relations, columns, reading)) {
            read(EnumSet.complementOf(EnumSet.copyOf(stale.parts())));
            stale = Stale.EVERYTHING;
        }
        Snapshots merged = new Snapshots();
        parts.values().forEach(merged::putAll);
        SchemaSnapshot snapshot = merged.build();
        if (!stale.equals(Stale.EVERYTHING)) {
            partialReads++;
            if (CHECK) {
                check(snapshot, stale, changes);
            }
        }
        return snapshot;
    }

    /** How many reads were not whole, for the tests that show the watch pays. */
    int partialReads() {
        return partialReads;
    }

    @Override
    public void rolledBack() {
        whole = true;
    }

    private void read(Set<Part> stale) throws SQLException {
        for (Part part : Part.values()) { // in order: relations say what later parts leave out
            if (stale.contains(part)) {
                Snapshots snapshot = new Snapshots();
                part.read(reading, snapshot);
                parts.put(part, snapshot);
            }
        }
    }

    /**
     * Reads the {@link Part#byTable} parts again for these tables only: what they held of them, under
     * the names they had and have, goes, and what the catalog has now comes in.
     */
    private void readTables(Set<Long> tables, Map<Long, String> namesBefore) throws SQLException {
        for (Part part : BY_TABLE) {
            Snapshots snapshot = parts.get(part);
            for (Long table : tables) {
                for (String name : new String[] {
                    namesBefore.get(table), reading.relationNames().get(table)
                }) {
                    if (name != null) {
                        snapshot.removeTable(name);
                    }
                }
            }
            Snapshots fresh = new Snapshots();
            part.read(reading, fresh, tables);
            snapshot.putAll(fresh);
        }
    }

    private String context() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(CONTEXT)) {
            row.next();
            return row.getString("schema") + "\n" + row.getString("search_path") + "\n" + row.getString("roles");
        }
    }

    private List<Change> drain() throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("DELETE FROM " + LOG
                        + " RETURNING event, tag, object_type, objid, schema_name, direct, table_name")) {
            while (rows.next()) {
                changes.add(new Change(
                        rows.getString("event"),
                        rows.getString("tag"),
                        rows.getString("object_type"),
                        rows.getLong("objid"),
                        rows.getString("schema_name"),
                        rows.getBoolean("direct"),
                        rows.getString("table_name")));
            }
        }
        return changes;
    }

    /** Test mode: a partial read must equal a whole one, or the watch has missed something. */
    private void check(SchemaSnapshot partial, Stale stale, Changes changes) throws SQLException {
        SchemaSnapshot whole = new PostgresSchemaReader().read(connection, Set.of());
        if (!whole.equals(partial)) {
            throw new IllegalStateException("A partial read of the schema (" + stale + " after " + changes.list()
                    + ") differs from a whole one (partial -> whole): " + whole.since(partial));
        }
    }

    /**
     * Installs the event triggers, in one transaction, when the user is a superuser; says whether it
     * did. Any failure leaves the scratch database as it was and the reads whole.
     */
    private static boolean install(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")) {
            if (!row.next() || !row.getBoolean(1)) {
                return false;
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : INSTALL) {
                statement.execute(sql);
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            return false;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * What to read again: these parts whole, and the {@link Part#byTable} parts (when not among them)
     * for these tables.
     */
    private record Stale(Set<Part> parts, Set<Long> tables) {

        static final Stale EVERYTHING = new Stale(ALL, Set.of());

        Stale withWhole(Set<Part> more) {
            Set<Part> all = EnumSet.copyOf(more);
            all.addAll(parts);
            return new Stale(all, Set.of());
        }

        @Override
        public String toString() {
            return parts + (tables.isEmpty() ? "" : " and " + BY_TABLE + " of " + tables.size() + " table(s)");
        }
    }

    /** One line of the log. */
    private record Change(
            String event, String tag, String objectType, long objid, String schema, boolean direct, String table) {

        @Override
        public String toString() {
            return event + " " + tag + (objectType == null ? "" : " " + objectType + " in " + schema);
        }
    }

    /** The log since the last read, and the schema being read. */
    private record Changes(List<Change> list, String schema) {

        /**
         * What to read again: the parts the logged commands can have changed, where columns and
         * constraints are read only for the tables that the commands made, altered or dropped, when
         * only those can have changed them.
         */
        Stale stale(Map<Long, String> relations) {
            Set<Part> stale = EnumSet.noneOf(Part.class);
            Set<Long> tables = new HashSet<>();
            boolean tablesNamed = false;
            boolean tablesUnknown = false;
            for (Change change : list) {
                Set<Part> byCommand = BY_COMMAND.get(change.tag());
                if (byCommand == null) {
                    return Stale.EVERYTHING;
                }
                if (byCommand.isEmpty() || ("dropped".equals(change.event()) && !change.direct())) {
                    continue; // a comment or grant; or an object that went with its owner, whose parts cover it
                }
                if ("command".equals(change.event())) {
                    // Which tables' columns and constraints it changed, its objects' lines say.
                    tablesNamed |= byCommand.containsAll(BY_TABLE);
                    stale.addAll(byCommand);
                    stale.removeAll(BY_TABLE);
                    continue;
                }
                Set<Part> parts = BY_OBJECT.get(change.objectType());
                if (parts == null || !inSchema(change)) {
                    return Stale.EVERYTHING;
                }
                if (TABLES.contains(change.objectType())) {
                    tables.add(change.objid());
                } else if (parts.stream().anyMatch(BY_TABLE::contains)) {
                    Long table = oidOf(change.table(), relations);
                    if (table == null) {
                        tablesUnknown = true;
                    } else {
                        tables.add(table);
                    }
                }
                stale.addAll(parts);
                stale.removeAll(BY_TABLE);
            }
            if (tablesUnknown || (tablesNamed && tables.isEmpty())) {
                stale.addAll(BY_TABLE);
                return new Stale(stale, Set.of());
            }
            return new Stale(stale, tables);
        }

        /** The OID of the relation named {@code name}, by the last read, or {@code null}. */
        private static Long oidOf(String name, Map<Long, String> relations) {
            if (name == null) {
                return null;
            }
            return relations.entrySet().stream()
                    .filter(relation -> relation.getValue().equals(name))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }

        /** Whether any of {@code tables} inherits or is inherited from, before or now. */
        boolean inherit(Set<Long> tables, Set<Long> before, Set<Long> now) {
            return tables.stream().anyMatch(table -> before.contains(table) || now.contains(table));
        }

        /**
         * Whether a relation or column read again has a new name under the same OID, or a relation came
         * or went other than by CREATE or DROP (a rename, or {@code SET SCHEMA}): the texts that name it
         * elsewhere (views, defaults, keys) may have changed too.
         */
        boolean renamedOrMoved(
                Stale stale,
                Map<Long, String> relationsBefore,
                Map<Long, Map<Integer, String>> columnsBefore,
                Reading now) {
            if (stale.parts().contains(RELATIONS)) {
                Set<Long> created = new HashSet<>();
                Set<Long> dropped = new HashSet<>();
                for (Change change : list) {
                    if ("dropped".equals(change.event())) {
                        dropped.add(change.objid());
                    } else if ("object".equals(change.event()) && created(change.tag())) {
                        created.add(change.objid());
                    }
                }
                Map<Long, String> after = now.relationNames();
                for (Map.Entry<Long, String> relation : after.entrySet()) {
                    String before = relationsBefore.get(relation.getKey());
                    if (before == null ? !created.contains(relation.getKey()) : !before.equals(relation.getValue())) {
                        return true;
                    }
                }
                for (Long gone : relationsBefore.keySet()) {
                    if (!after.containsKey(gone) && !dropped.contains(gone)) {
                        return true;
                    }
                }
            }
            if (stale.parts().contains(COLUMNS) || !stale.tables().isEmpty()) {
                Map<Long, Map<Integer, String>> after = now.columnNames();
                for (Map.Entry<Long, Map<Integer, String>> table : columnsBefore.entrySet()) {
                    Map<Integer, String> names = after.getOrDefault(table.getKey(), Map.of());
                    for (Map.Entry<Integer, String> column : table.getValue().entrySet()) {
                        String name = names.get(column.getKey());
                        if (name != null && !name.equals(column.getValue())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private boolean inSchema(Change change) {
            if ("command".equals(change.event())) {
                return true; // its objects have lines of their own
            }
            return change.schema() == null
                    ? SCHEMALESS.contains(change.objectType())
                    : change.schema().equals(schema);
        }

        private static boolean created(String tag) {
            return tag.startsWith("CREATE ") || "SELECT INTO".equals(tag);
        }
    }
}
