// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fleet asks of the catalog: the names of its targets, a session's default schema, and a
 * session reset to hand a connection to the next target. The dialects write the SQL; this runs it.
 */
public final class TargetCatalog {

    private TargetCatalog() {}

    /** The first column of {@code listing}, its one parameter {@code like}: names, each once, in order. */
    public static List<String> names(Connection connection, String listing, String like) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(listing)) {
            statement.setString(1, like);
            try (ResultSet rows = statement.executeQuery()) {
                return firstColumn(rows);
            }
        }
    }

    /** The first column of the user's {@code query}: names, each once, in order. */
    public static List<String> names(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return firstColumn(rows);
        }
    }

    /** Runs the dialect's statement that resets a session to a fresh one ({@code DISCARD ALL}). */
    public static void reset(Connection connection, String resetSession) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(resetSession);
        }
    }

    /** Runs the dialect's statement that makes a schema the session's default. */
    public static void use(Connection connection, String useSchema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(useSchema);
        }
    }

    private static List<String> firstColumn(ResultSet rows) throws SQLException {
        List<String> names = new ArrayList<>();
        while (rows.next()) {
            String name = rows.getString(1);
            if (name != null && !name.isBlank() && !names.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
