// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The size of each table of a database, from its statistics (read-only): what {@code lint --observe}
 * ranks its observations by, since a lock or a rewrite costs in proportion to the table it touches.
 */
public final class TableSizes {

    /**
     * A table's size.
     *
     * @param rows its estimated row count, if the statistics have one
     * @param bytes its bytes, indexes included
     */
    public record Size(OptionalLong rows, long bytes) {}

    private TableSizes() {}

    /** Each table's size by name, by {@code query}: rows of (table, estimated rows, bytes). */
    public static Map<String, Size> read(Connection connection, String query) throws SQLException {
        Map<String, Size> sizes = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                long estimate = rows.getLong(2);
                boolean known = !rows.wasNull() && estimate >= 0; // PostgreSQL says -1 before its first ANALYZE
                sizes.put(
                        rows.getString(1),
                        new Size(known ? OptionalLong.of(estimate) : OptionalLong.empty(), rows.getLong(3)));
            }
        }
        return sizes;
    }
}
