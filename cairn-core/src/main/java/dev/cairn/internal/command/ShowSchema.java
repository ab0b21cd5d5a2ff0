// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.SchemaSnapshot;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/** {@code schema}: the target's schema from its catalogs, without Cairn's own tables. */
public final class ShowSchema {

    private final Settings settings;

    /** The schema command for these settings. */
    public ShowSchema(Settings settings) {
        this.settings = settings;
    }

    /** The schema; reads only. An embedded database that does not exist yet has an empty one. */
    public SchemaSnapshot read() {
        try (Session session = Session.forReading(settings)) {
            if (!session.exists()) {
                return new SchemaSnapshot(new TreeMap<>());
            }
            String table = settings.table().table().toLowerCase(Locale.ROOT);
            try {
                // The lock table is H2's RowLock's, which lives beside the tracking table.
                return session.dialect().schemaReader().read(session.connection(), Set.of(table, table + "_lock"));
            } catch (SQLException e) {
                throw session.failure("reading the schema", e);
            }
        }
    }
}
