// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.junit.TestDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * PostgreSQL: the template is a database migrated once, and each copy is
 * {@code CREATE DATABASE copy TEMPLATE template}, a file-level copy made by the server. PostgreSQL
 * refuses that while any other session is connected to the template ("source database is being
 * accessed by other users", SQLSTATE 55006, PostgreSQL manual, "Template Databases"). So once migrated
 * the template is closed to connections ({@code ALLOW_CONNECTIONS false}), which nobody's pool can get
 * around, and any session still there is ended. An autovacuum worker may still be in it for a moment:
 * the copy waits for it and tries again.
 */
final class PostgresTemplate extends ServerTemplate {
    private static final String OBJECT_IN_USE = "55006";
    private static final int ATTEMPTS = 10;
    private static final long RETRY_MILLIS = 200;
    private String template;

    PostgresTemplate(Settings settings) {
        super(settings);
    }

    @Override
    String defaultUrl() {
        return EmbeddedPostgresServer.adminUrl(settings);
    }

    @Override
    Properties connectTimeouts() {
        Properties properties = new Properties();
        // Seconds; pgjdbc's defaults let a black-holed host stall the run for minutes.
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "10");
        return properties;
    }

    @Override
    void prepare() {
        String name = newName(TEMPLATE_PREFIX);
        // template0: nothing a developer added to template1 leaks into the tests.
        Address address = create(name);
        template = name;
        migrate(address);
        execute("close to connections", name, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        try (Connection admin = admin()) {
            endSessions(admin, name);
        } catch (SQLException e) {
            throw new TestDatabaseException(failed("end the sessions of", name, e), e);
        }
    }

    @Override
    String createSql(String name) {
        return "CREATE DATABASE " + name + " TEMPLATE template0";
    }

    @Override
    Address copyTo(String name) {
        for (int attempt = 1; ; attempt++) {
            try (Connection admin = admin();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
                return server().address(name);
            } catch (SQLException e) {
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw new TestDatabaseException(failed("copy the template into", name, e), e);
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestDatabaseException("Interrupted while copying the template into " + name, e);
            }
        }
    }

    @Override
    void endSessions(Connection admin, String name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("SELECT pg_terminate_backend(pid)"
                + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, name);
            statement.execute();
        }
    }

    @Override
    String dropSql(String name) {
        // WITH (FORCE), PostgreSQL 13 and later: also ends sessions that connect meanwhile.
        return "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
    }

    @Override
    public void close() {
        if (template != null) {
            drop(template);
        }
    }
}
