// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** Reads a PostgreSQL schema; see {@link Snapshots} for what it records. */
public final class PostgresSchemaReader implements SchemaReader {

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        throw new UnsupportedOperationException("not written yet");
    }
}
