// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.history;

import dev.cairn.ImportOptions.Tool;
import dev.cairn.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads another tool's history table (Knex, Flyway, Liquibase), and nothing else: it never writes to
 * it, so the other tool's table stays exactly as it was.
 *
 * <p>Each tool spells its table's name in its own letter case per database (Liquibase's is
 * {@code databasechangelog} on PostgreSQL and {@code DATABASECHANGELOG} on MariaDB), so the table is
 * found in the database's catalog whatever its case, and quoted as found.
 */
public final class ForeignHistory {

    /** Times as tools write them as text (SQLite): {@code 2026-12-05 06:15:58[.123...]}, or with a {@code T}. */
    private static final DateTimeFormatter LOCAL_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final Connection connection;
    private final Dialect dialect;

    /** A reader on {@code connection}, quoting names as {@code dialect} does. */
    public ForeignHistory(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * A table named {@code table} (any letter case) in {@code schema}, or the connection's own schema,
     * as the catalog spells it: {@code schema.table} as found, or empty when there is none.
     */
    public Optional<Found> find(Optional<String> schema, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        // MySQL and MariaDB call a schema a database, and their drivers a catalog.
        boolean catalogs = dialect.schemasAreCatalogs();
        String catalog = catalogs ? schema.orElse(connection.getCatalog()) : null;
        String schemaName = catalogs ? null : schema.orElseGet(this::currentSchema);
        List<Found> matches = new ArrayList<>();
        // The connection's own schema, as the server spells it, narrows the catalog's answer (a fleet's
        // database may have thousands of schemas); a schema given by hand is matched in any case below.
        String escape = meta.getSearchStringEscape();
        String schemaPattern =
                catalogs || schema.isPresent() || schemaName == null || escape == null || escape.isEmpty()
                        ? null
                        : schemaName
                                .replace(escape, escape + escape)
                                .replace("_", escape + "_")
                                .replace("%", escape + "%");
        try (ResultSet tables = meta.getTables(catalog, schemaPattern, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                String inSchema = catalogs ? tables.getString("TABLE_CAT") : tables.getString("TABLE_SCHEM");
                if (name.equalsIgnoreCase(table)
                        && (schemaName == null || inSchema == null || schemaName.equalsIgnoreCase(inSchema))) {
                    matches.add(new Found(schema.isPresent() ? Optional.ofNullable(inSchema) : Optional.empty(), name));
                }
            }
        }
        // Two spellings of one name (a quoted lower-case and an upper-case table): the exact one wins.
        return matches.stream()
                .filter(found -> found.table().equals(table))
                .findFirst()
                .or(() -> matches.stream().findFirst());
    }

    private String currentSchema() {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null; // a driver without schemas (SQLite): every table is in the one there is
        }
    }

    /** Every row of {@code table}, a history table of {@code tool}, in the tool's order of application. */
    public List<ForeignRow> read(Tool tool, Found table) throws SQLException {
        String name =
                table.schema().map(s -> dialect.quoteExactly(s) + ".").orElse("") + dialect.quoteExactly(table.table());
        List<ForeignRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + name)) {
            Columns columns = new Columns(result, table);
            while (result.next()) {
                rows.add(
                        switch (tool) {
                            case KNEX ->
                                new ForeignRow(
                                        columns.integer("id"),
                                        null,
                                        null,
                                        null,
                                        columns.text("name"),
                                        null,
                                        null,
                                        true,
                                        columns.text("batch"),
                                        columns.time("migration_time"),
                                        0);
                            case FLYWAY ->
                                new ForeignRow(
                                        columns.integer("installed_rank"),
                                        null,
                                        null,
                                        columns.text("version"),
                                        columns.text("description"),
                                        columns.text("script"),
                                        columns.text("type"),
                                        columns.bool("success"),
                                        null,
                                        columns.time("installed_on"),
                                        columns.integer("execution_time"));
                            case LIQUIBASE ->
                                new ForeignRow(
                                        columns.integer("orderexecuted"),
                                        columns.text("id"),
                                        columns.text("author"),
                                        null,
                                        columns.text("description"),
                                        columns.text("filename"),
                                        columns.text("exectype"),
                                        !"FAILED".equalsIgnoreCase(columns.text("exectype")),
                                        columns.optionalText("deployment_id"),
                                        columns.time("dateexecuted"),
                                        0);
                        });
            }
        }
        rows.sort(Comparator.comparingInt(ForeignRow::order));
        return rows;
    }

    /**
     * When a tool wrote a time: a timestamp, a date-time, epoch milliseconds (Knex on SQLite), or text
     * in ISO or SQL form. A time without a zone is read in this machine's zone, as the tool wrote it;
     * null when there is none or it cannot be read.
     */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.atZone(ZoneId.systemDefault()).toInstant();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        String text = value.toString().trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(text, LOCAL_TIME)
                        .atZone(ZoneId.systemDefault())
                        .toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(text));
                } catch (NumberFormatException notMillis) {
                    return null;
                }
            }
        }
    }

    /**
     * A history table found in the catalog.
     *
     * @param schema its schema as found, when one was asked for; empty for the connection's own
     * @param table its name as found
     */
    public record Found(Optional<String> schema, String table) {

        /** The name as users write it. */
        @Override
        public String toString() {
            return schema.map(s -> s + ".").orElse("") + table;
        }
    }

    /** The columns of a history table, by name in any letter case. */
    private static final class Columns {
        private final ResultSet result;
        private final Found table;
        private final Map<String, Integer> indexes = new HashMap<>();

        Columns(ResultSet result, Found table) throws SQLException {
            this.result = result;
            this.table = table;
            ResultSetMetaData meta = result.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                indexes.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
            }
        }

        private int index(String column) throws SQLException {
            Integer index = indexes.get(column);
            if (index == null) {
                throw new SQLException(
                        "The table " + table + " has no column " + column + "; it is not this tool's history table,"
                                + " or was changed by hand",
                        "42S22"); // SQL's "column not found", as a database would say it
            }
            return index;
        }

        String text(String column) throws SQLException {
            return result.getString(index(column));
        }

        String optionalText(String column) throws SQLException {
            return indexes.containsKey(column) ? result.getString(index(column)) : null;
        }

        int integer(String column) throws SQLException {
            return result.getInt(index(column));
        }

        boolean bool(String column) throws SQLException {
            Object value = result.getObject(index(column));
            if (value instanceof Boolean flag) {
                return flag;
            }
            if (value instanceof Number number) {
                return number.intValue() != 0;
            }
            return value != null
                    && (value.toString().equals("1") || value.toString().equalsIgnoreCase("true"));
        }

        Instant time(String column) throws SQLException {
            return instant(result.getObject(index(column)));
        }
    }
}
