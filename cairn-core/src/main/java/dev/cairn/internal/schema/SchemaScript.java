// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Writes the SQL that builds a database's schema as it is now, and the SQL that drops it again: what
 * {@code cairn squash} puts in the one migration that replaces many. One per dialect, reading the
 * database's own catalogs (and its own {@code CREATE} text where it keeps one). What it cannot write
 * is not guessed: {@code squash} proves every script by running it on a scratch database and comparing
 * {@link SchemaReader}'s snapshots, and refuses what does not compare equal.
 */
public interface SchemaScript {

    /**
     * The schema that {@code connection} sees by default (as {@link SchemaReader#read} reads it), as
     * SQL.
     *
     * @param ignoredTables tables to leave out, with everything they own, in lower case (Cairn's
     *     tracking and lock tables)
     */
    Script write(Connection connection, Set<String> ignoredTables) throws SQLException;

    /**
     * A schema as SQL statements, each without its terminating {@code ;}, written so that Cairn's
     * statement splitter for the dialect cuts a file of them, joined by {@code ;} and a line break,
     * back into the same statements (PostgreSQL functions in dollar quotes, MySQL routines and triggers
     * as {@code BEGIN … END} bodies).
     *
     * @param up the statements that create every object on an empty database, in an order that runs
     *     (tables before the foreign keys, views and triggers that refer to them)
     * @param down the statements that drop every object {@code up} made, leaving the database as empty
     *     as it was
     */
    record Script(List<String> up, List<String> down) {

        /** Copies the lists. */
        public Script {
            up = List.copyOf(up);
            down = List.copyOf(down);
        }
    }
}
