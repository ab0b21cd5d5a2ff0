// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import dev.cairn.ConfigurationException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tracking table's name and optional schema. Both must be plain identifiers (letters, digits
 * and {@code _}, not starting with a digit, at most 63 characters), so that quoting them is enough
 * to put them into SQL: nothing a user writes in {@code cairn.yml} can become SQL of its own.
 *
 * @param schema the schema, or empty for the connection's default
 * @param table the table
 */
public record TableName(Optional<String> schema, String table) {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /**
     * Checks and creates a table name.
     *
     * @param schema the schema, or null
     * @param table the table
     * @throws ConfigurationException if either is not a plain identifier
     */
    public static TableName of(String schema, String table) {
        require("migrations.table", table);
        if (schema != null) {
            require("migrations.schema", schema);
        }
        return new TableName(Optional.ofNullable(schema), table);
    }

    private static void require(String key, String value) {
        if (value == null || !PLAIN_IDENTIFIER.matcher(value).matches()) {
            throw new ConfigurationException(key + " '" + value + "' is not a plain identifier; use letters,"
                    + " digits and _ (not starting with a digit), at most 63 characters.");
        }
    }

    /** The name as users write it: {@code schema.table} or {@code table}. */
    @Override
    public String toString() {
        return schema.map(s -> s + "." + table).orElse(table);
    }
}
