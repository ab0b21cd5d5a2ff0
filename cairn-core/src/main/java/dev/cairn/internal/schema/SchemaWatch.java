// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads of one connection's schema, again and again: {@code verify} reads its scratch database twice
 * per migration. Where the database can say what changed since the last read, only that is read
 * again; the snapshot is always the whole schema, equal to what {@link SchemaReader#read} gives.
 */
public interface SchemaWatch {

    /** The schema now. */
    SchemaSnapshot read() throws SQLException;

    /**
     * A transaction was rolled back on the connection: what it changed, and what it logged of those
     * changes, are gone, so the next read is a whole one.
     */
    void rolledBack();

    /** A watch that reads the whole schema every time, for databases that cannot say what changed. */
    static SchemaWatch wholeReads(SchemaReader reader, Connection connection) {
        return new SchemaWatch() {
            @Override
            public SchemaSnapshot read() throws SQLException {
                return reader.read(connection, Set.of());
            }

            @Override
            public void rolledBack() {
                // Every read is whole already.
            }
        };
    }
}
