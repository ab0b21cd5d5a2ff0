// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.ddlthenfails;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.Statement;

/** A transactional Java migration that runs DDL and changes data, then fails. */
public class V2__creates_then_fails implements JavaMigration {
    @Override
    public void up(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE audit (id integer PRIMARY KEY)");
            statement.executeUpdate("INSERT INTO users (id, email) VALUES (1, 'half@example.com')");
        }
        throw new IllegalStateException("the audit service is down");
    }

    @Override
    public void down(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE audit");
        }
    }
}
