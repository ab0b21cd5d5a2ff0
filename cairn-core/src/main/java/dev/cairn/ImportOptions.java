// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Cairn#importHistory(ImportOptions)} reads and how strict it is: another tool's history
 * table, and whether entries that match no migration may be left out.
 *
 * @param tool the tool whose history is read
 * @param table its history table; empty for the tool's default name ({@link Tool#defaultTable()})
 * @param schema the schema (MySQL/MariaDB: the database) that holds it; empty for the connection's own
 * @param allowUnmatched record what matches and leave out, deliberately, every entry that matches no
 *     migration and every migration older than the tool's newest that the tool never applied; without it
 *     any such entry refuses the import, writing nothing
 * @param dryRun read, match and report, and write nothing (no lock, no tracking table)
 */
public record ImportOptions(
        Tool tool, Optional<String> table, Optional<String> schema, boolean allowUnmatched, boolean dryRun) {

    /** A tool whose history Cairn can adopt. */
    public enum Tool {
        /** Knex.js: {@code knex_migrations} (id, name, batch, migration_time). */
        KNEX("knex_migrations"),
        /** Flyway: {@code flyway_schema_history} (installed_rank, version, script, success, ...). */
        FLYWAY("flyway_schema_history"),
        /** Liquibase: {@code DATABASECHANGELOG} (id, author, filename, dateexecuted, ...). */
        LIQUIBASE("databasechangelog");

        private final String defaultTable;

        Tool(String defaultTable) {
            this.defaultTable = defaultTable;
        }

        /** The table the tool keeps its history in unless told otherwise (found in any letter case). */
        public String defaultTable() {
            return defaultTable;
        }

        /** The tool's name as the command line and the tracking table's {@code origin} column spell it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The tool named {@code name} ({@code knex}, {@code flyway}, {@code liquibase}, any case).
         *
         * @throws ConfigurationException for any other name, listing the ones there are
         */
        public static Tool named(String name) {
            for (Tool tool : values()) {
                if (tool.label()
                        .equalsIgnoreCase(Objects.requireNonNull(name, "name").trim())) {
                    return tool;
                }
            }
            throw new ConfigurationException(
                    "Cannot import from '" + name + "': Cairn reads the history of knex, flyway and liquibase.");
        }
    }

    /** Checks the options. */
    public ImportOptions {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(schema, "schema");
    }

    /** Importing {@code tool}'s history from its default table, strictly, for real. */
    public static ImportOptions of(Tool tool) {
        return new ImportOptions(tool, Optional.empty(), Optional.empty(), false, false);
    }

    /** These options, reading the history table {@code table} (null: the tool's default). */
    public ImportOptions table(String table) {
        return new ImportOptions(tool, Optional.ofNullable(table), schema, allowUnmatched, dryRun);
    }

    /** These options, reading the history table in {@code schema} (null: the connection's own). */
    public ImportOptions schema(String schema) {
        return new ImportOptions(tool, table, Optional.ofNullable(schema), allowUnmatched, dryRun);
    }

    /** These options, leaving out what matches nothing instead of refusing. */
    public ImportOptions allowingUnmatched() {
        return new ImportOptions(tool, table, schema, true, dryRun);
    }

    /** These options as a dry run: read, matched and reported, nothing written. */
    public ImportOptions asDryRun() {
        return new ImportOptions(tool, table, schema, allowUnmatched, true);
    }
}
