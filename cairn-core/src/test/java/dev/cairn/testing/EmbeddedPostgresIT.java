// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL fallback, for real, even where a server is running (as in CI), so that
 * the path users without a server take cannot rot unseen.
 */
class EmbeddedPostgresIT {

    @Test
    void startsAndServesQueries() throws Exception {
        Discovery.Found found;
        try {
            found = PostgresBackend.startEmbedded();
        } catch (Exception e) {
            if (Discovery.isCi(System.getenv())) {
                throw e;
            }
            // Outside CI, as for every PostgreSQL test: skip, and say so in the end-of-run banner.
            throw new EngineUnavailableException(
                    Engine.POSTGRESQL,
                    "embedded PostgreSQL could not start: " + Discovery.messages(e),
                    "let embedded PostgreSQL start on this machine (see why); it tests only"
                            + " the fallback, so a running server does not stand in for it");
        }
        assertThat(found.description()).startsWith("embedded PostgreSQL 15.");
        assertThat(found.admin().url()).startsWith("jdbc:postgresql://localhost:");
        try (Connection c = found.admin().connect(new Properties());
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_user, 6 * 7")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("postgres");
            assertThat(rs.getInt(2)).isEqualTo(42);
        }
    }
}
