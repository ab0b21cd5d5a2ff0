// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The two ways the schema readers query a catalog: row by row, or one value. */
final class Catalog {

    private Catalog() {}

    /** What a reader does with one row of a catalog query. */
    @FunctionalInterface
    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql} and hands each row to {@code row}. */
    static void each(Connection connection, String sql, Row row) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }

    /** The first column of the first row of {@code sql}. */
    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
