// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.internal.connect.ConnectionFailures;
import dev.cairn.internal.connect.Connector;
import dev.cairn.internal.connect.WrappingConnector;
import dev.cairn.internal.schema.TargetCatalog;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The connections of a fleet's schema target: the environment's, with the target's schema made the
 * default for unqualified names on each as it opens (PostgreSQL's search path, H2's schema, MySQL's
 * database). A scratch database ({@link #forUrl}) gets no such schema.
 */
final class TargetSchemaConnector extends WrappingConnector {

    private final String schema;

    TargetSchemaConnector(Connector connections, String schema) {
        super(connections);
        this.schema = schema;
    }

    /** The schema this connector makes the default. */
    String schema() {
        return schema;
    }

    @Override
    public String target() {
        return connections.target() + " (schema " + schema + ")";
    }

    @Override
    public Opened open(boolean readOnly, Duration lockTimeout) {
        Opened opened = connections.open(readOnly, lockTimeout);
        if (opened.connection() == null) {
            return opened;
        }
        try {
            TargetCatalog.use(opened.connection(), opened.dialect().useSchema(schema));
            return opened;
        } catch (SQLException | RuntimeException e) {
            try {
                opened.connection().close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof SQLException failure) {
                throw ConnectionFailures.working(
                        target(),
                        "making " + schema + " the default schema",
                        opened.dialect(),
                        failure,
                        "Check that the schema exists and that this user may use it.");
            }
            throw (RuntimeException) e;
        }
    }
}
