// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.internal.sql.Statement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a section leaves behind, as far as its plain {@code CREATE TABLE} and {@code DROP TABLE}
 * statements say, and the check of them against a database: what {@code repair} can check cheaply and
 * exactly before it records a part-run section as finished by hand.
 *
 * <p>Only what is certain counts. A table named with a schema, one renamed ({@code ALTER TABLE … RENAME
 * TO}, MySQL's {@code RENAME TABLE}) and a temporary table are left out; statements of any other kind
 * are ignored. An unquoted name matches a table of that name in any letter case (PostgreSQL folds it to
 * lower case, H2 to upper case, MySQL keeps it), so "missing" means missing under every spelling.
 */
final class TableEffects {

    // Table types as the drivers name them: "TABLE" (PostgreSQL, MariaDB, SQLite), "BASE TABLE" (H2).
    private static final String[] TABLE_TYPES = {"TABLE", "BASE TABLE", "PARTITIONED TABLE"};

    private static final String NAME =
            "(?:\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|\\[[^\\]]+\\]|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final Pattern CREATE = Pattern.compile("(?is)create\\s+(?:or\\s+replace\\s+)?"
            + "(?:(global|local)\\s+)?(?:(temp|temporary)\\s+)?(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?");
    private static final Pattern DROP =
            Pattern.compile("(?is)drop\\s+(?:(temp|temporary)\\s+)?table\\s+(?:if\\s+exists\\s+)?");
    private static final String QUALIFIED_NAME = NAME + "(?:\\s*\\.\\s*" + NAME + ")*";
    private static final Pattern ALTER =
            Pattern.compile("(?is)alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?(" + QUALIFIED_NAME + ")");
    private static final Pattern RENAME_TO = Pattern.compile(
            "(?is)\\brename\\s+(?:to\\s+|as\\s+)?(?!column\\b|constraint\\b|index\\b|key\\b)(" + QUALIFIED_NAME + ")");
    private static final Pattern SET_SCHEMA = Pattern.compile("(?is)\\bset\\s+schema\\b");
    private static final Pattern RENAME_TABLE = Pattern.compile("(?is)rename\\s+tables?\\s+(.*)");
    private static final Pattern NAME_LIST = Pattern.compile("\\s*(" + QUALIFIED_NAME + ")\\s*(,)?");
    private static final Pattern RENAME_PAIR =
            Pattern.compile("(?is)\\s*(" + QUALIFIED_NAME + ")\\s+to\\s+(" + QUALIFIED_NAME + ")\\s*,?");

    private TableEffects() {}

    /**
     * What a section's statements say about one table once they have all run.
     *
     * @param table the table's name as written (unquoted)
     * @param quoted whether it was quoted, so that its letter case counts
     * @param exists whether the table is there once the section ran (created last) or not (dropped last)
     * @param statement the statement that says so
     * @param number the statement's 1-based number in its section
     */
    record Expectation(String table, boolean quoted, boolean exists, Statement statement, int number) {

        /** A sentence: what the statement does and what the database shows instead. */
        String contradiction() {
            return "statement " + number + " (line " + statement.line() + ") "
                    + (exists
                            ? "creates table " + table + ", but the database has no table " + table
                            : "drops table " + table + ", but table " + table + " is still there");
        }
    }

    /** What {@code statements}, run in order, leave behind, for each table whose fate they say for certain. */
    static List<Expectation> of(List<Statement> statements) {
        Map<String, Expectation> byTable = new LinkedHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            String sql = statement.sql();
            Matcher create = CREATE.matcher(sql);
            Matcher drop = DROP.matcher(sql);
            Matcher alter = ALTER.matcher(sql);
            Matcher renameTable = RENAME_TABLE.matcher(sql);
            if (create.lookingAt()) {
                Matcher name = NAME_LIST.matcher(sql).region(create.end(), sql.length());
                if (name.lookingAt()) {
                    boolean temporary = create.group(1) != null || create.group(2) != null;
                    expect(byTable, name.group(1), !temporary, statement, i + 1, temporary);
                }
            } else if (drop.lookingAt()) {
                Matcher name = NAME_LIST.matcher(sql).region(drop.end(), sql.length());
                boolean temporary = drop.group(1) != null;
                while (name.lookingAt()) {
                    expect(byTable, name.group(1), false, statement, i + 1, temporary);
                    if (name.group(2) == null) {
                        break;
                    }
                    name.region(name.end(), sql.length());
                }
            } else if (alter.lookingAt()) {
                // Renamed or moved to another schema: where the table ends up is not certain any more.
                Matcher renamed = RENAME_TO.matcher(sql).region(alter.end(), sql.length());
                if (renamed.find()) {
                    forget(byTable, alter.group(1));
                    forget(byTable, renamed.group(1));
                } else if (SET_SCHEMA
                        .matcher(sql)
                        .region(alter.end(), sql.length())
                        .find()) {
                    forget(byTable, alter.group(1));
                }
            } else if (renameTable.lookingAt()) {
                Matcher pair = RENAME_PAIR.matcher(sql).region(renameTable.start(1), sql.length());
                while (pair.lookingAt()) {
                    forget(byTable, pair.group(1));
                    forget(byTable, pair.group(2));
                    pair.region(pair.end(), sql.length());
                }
            }
        }
        return List.copyOf(byTable.values());
    }

    /**
     * Each of {@code expectations} that the database on {@code connection} contradicts, in the
     * current schema (the one unqualified names resolve to), as a sentence.
     */
    static List<String> contradictions(Connection connection, List<Expectation> expectations) throws SQLException {
        List<Expectation> present = present(connection, expectations);
        return expectations.stream()
                .filter(expectation -> present.contains(expectation) != expectation.exists())
                .map(Expectation::contradiction)
                .toList();
    }

    /** Those of {@code expectations} whose table is in the current schema of {@code connection}. */
    static List<Expectation> present(Connection connection, List<Expectation> expectations) throws SQLException {
        if (expectations.isEmpty()) {
            return List.of();
        }
        List<String> tables = tables(connection);
        return expectations.stream()
                .filter(expectation -> tables.stream()
                        .anyMatch(table -> expectation.quoted()
                                ? table.equals(expectation.table())
                                : table.equalsIgnoreCase(expectation.table())))
                .toList();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String schema = connection.getSchema();
        List<String> tables = new ArrayList<>();
        try (ResultSet result = metadata.getTables(
                connection.getCatalog(), schema == null ? null : escaped(schema, metadata), "%", TABLE_TYPES)) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** {@code schema} as a metadata search pattern that matches only itself. */
    private static String escaped(String schema, DatabaseMetaData metadata) throws SQLException {
        String escape = metadata.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return schema;
        }
        return schema.replace(escape, escape + escape)
                .replace("_", escape + "_")
                .replace("%", escape + "%");
    }

    private static void expect(
            Map<String, Expectation> byTable,
            String written,
            boolean exists,
            Statement statement,
            int number,
            boolean temporary) {
        Name name = Name.of(written);
        if (name == null || temporary) {
            forget(byTable, written);
            return;
        }
        byTable.put(name.key(), new Expectation(name.text(), name.quoted(), exists, statement, number));
    }

    private static void forget(Map<String, Expectation> byTable, String written) {
        Name name = Name.of(written);
        if (name != null) {
            byTable.remove(name.key());
        } else {
            // A qualified name: the same table may be meant by its simple name too.
            String[] parts = written.split("\\s*\\.\\s*");
            Name last = Name.of(parts[parts.length - 1]);
            if (last != null) {
                byTable.remove(last.key());
            }
        }
    }

    /** An unqualified table name: its text without quotes, and whether it was quoted. */
    private record Name(String text, boolean quoted) {

        /** The name of {@code written}, or null if it is qualified with a schema. */
        static Name of(String written) {
            String name = written.strip();
            char first = name.charAt(0);
            if (first == '"' || first == '`' || first == '[') {
                char last = first == '[' ? ']' : first;
                int end = name.length() - 1;
                if (name.charAt(end) != last || name.indexOf(last, 1) < end && first == '[') {
                    return null;
                }
                String inner = name.substring(1, end);
                String doubled = String.valueOf(first) + first;
                if (first != '[' && inner.replace(doubled, "").indexOf(first) >= 0) {
                    return null; // a quote inside that is not doubled: two quoted parts, so qualified
                }
                return new Name(first == '[' ? inner : inner.replace(doubled, String.valueOf(first)), true);
            }
            return name.contains(".") ? null : new Name(name, false);
        }

        /** One key for every spelling, so that the last statement about a table is the one that counts. */
        String key() {
            return text.toLowerCase(Locale.ROOT);
        }
    }
}
