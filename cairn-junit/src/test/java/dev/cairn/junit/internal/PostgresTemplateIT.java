// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.junit.Engine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL copies a database only while nobody else is connected to it: the template is closed to
 * connections once migrated, so a session that tries to connect (a pool, a developer's psql) cannot
 * stop the copies.
 */
class PostgresTemplateIT {
    private static final String ADMIN = System.getenv()
            .getOrDefault("CAIRN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    @Test
    void theTemplateRefusesConnectionsAndStillCopies() throws SQLException {
        Settings settings = Settings.resolve(
                Engine.POSTGRESQL,
                List.of("classpath:db/migrations"),
                ADMIN,
                "",
                getClass().getClassLoader(),
                Map.of());
        Set<String> before = templates();
        try (Template template = Template.build(settings)) {
            Set<String> made = templates();
            made.removeAll(before);
            String name = made.iterator().next();
            ServerUrl server = ServerUrl.parse(ADMIN, "test");

            assertThatThrownBy(() -> DriverManager.getConnection(server.url(name), server.user(), server.password())
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("is not currently accepting connections");
            try (Copy copy = template.copy();
                    Connection connection = copy.database().connect();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM plans")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
        assertThat(templates()).isEqualTo(before);
    }

    private static Set<String> templates() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection admin = DriverManager.getConnection(ADMIN);
                Statement statement = admin.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE 'cairn\\_tpl\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
