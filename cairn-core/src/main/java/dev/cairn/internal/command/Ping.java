// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ServerInfo;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** {@code ping}: connect, ask the server for its product and version, disconnect. */
public final class Ping {

    private final Settings settings;

    /** The ping for these settings. */
    public Ping(Settings settings) {
        this.settings = settings;
    }

    /** What answered, and how fast. */
    public ServerInfo ping() {
        Stopwatch stopwatch = new Stopwatch();
        try (Session session = Session.forReading(settings)) {
            if (!session.exists()) {
                return new ServerInfo(
                        session.dialect().name(),
                        "",
                        settings.target(),
                        stopwatch.elapsed(),
                        "The database file does not exist yet; the first command that changes the database"
                                + " creates it.");
            }
            try {
                DatabaseMetaData metaData = session.connection().getMetaData();
                return new ServerInfo(
                        metaData.getDatabaseProductName(),
                        metaData.getDatabaseProductVersion(),
                        settings.target(),
                        stopwatch.elapsed(),
                        "");
            } catch (SQLException e) {
                throw session.failure("reporting its version", e);
            }
        }
    }
}
