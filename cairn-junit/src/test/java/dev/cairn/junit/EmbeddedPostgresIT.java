// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scenario on the embedded PostgreSQL that the extension starts when PostgreSQL is asked for and no
 * server is given. A run that names a server in CAIRN_TEST_POSTGRES_URL asks for that server instead, so
 * there this is skipped, saying so.
 */
class EmbeddedPostgresIT extends ExtensionScenario {
    // The embedded server's admin URL, known once a fixture has seen a database on it.
    private static String admin;

    @BeforeAll
    static void noServerIsGiven() {
        assumeTrue(
                System.getenv("CAIRN_TEST_POSTGRES_URL") == null,
                "CAIRN_TEST_POSTGRES_URL names a server, which the extension then uses instead of an embedded one");
        System.clearProperty("cairn.test.postgres.url");
    }

    @Override
    List<Class<?>> twoClasses() {
        return List.of(Fixtures.PostgresFirst.class, Fixtures.PostgresSecond.class);
    }

    @Override
    Class<?> failsATest() {
        return Fixtures.PostgresFailsOnce.class;
    }

    @Override
    boolean exists(MigratedDatabase database) throws SQLException {
        return databases(database).contains(database.name());
    }

    @Override
    Set<String> templates() throws SQLException {
        return admin == null ? Set.of() : names("cairn\\_tpl\\_%");
    }

    private Set<String> databases(MigratedDatabase database) throws SQLException {
        if (admin == null) {
            admin = database.url().replace("/" + database.name(), "/postgres") + "?user=" + database.user();
        }
        return names(database.name());
    }

    private static Set<String> names(String pattern) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(admin);
                PreparedStatement statement =
                        connection.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            statement.setString(1, pattern);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Test
    void theDatabasesAreOnTheEmbeddedServerNotTheLocalOne() {
        Fixtures.SEEN.clear();
        Runs.jupiter(Fixtures.PostgresFirst.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(Fixtures.SEEN)
                .singleElement()
                .satisfies(seen -> assertThat(seen.database().url())
                        .startsWith("jdbc:postgresql://localhost:")
                        .doesNotContain(":5432/"));
    }
}
