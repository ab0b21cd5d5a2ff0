// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads the schema of one database from its catalogs into a {@link SchemaSnapshot}. One
 * implementation per dialect; each fills paths and attributes by the conventions of
 * {@link Snapshots}, so that the same logical schema gives the same snapshot on a database and on
 * its scratch copy.
 */
public interface SchemaReader {

    /**
     * The schema that {@code connection} sees by default (PostgreSQL: the first schema of the
     * search path; MySQL: the current database; SQLite: {@code main}; H2: the current schema).
     *
     * @param ignoredTables tables to leave out, in lower case (Cairn's tracking and lock tables)
     */
    SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException;

    /**
     * Starts watching the schema of {@code connection}, a scratch database of verify's that nobody
     * else uses, for repeated whole reads (no tables ignored). By default every read is a whole one;
     * a reader whose database can log what DDL changed reads only that again.
     */
    default SchemaWatch watch(Connection connection) throws SQLException {
        return SchemaWatch.wholeReads(this, connection);
    }
}
