// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.throwing;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.Statement;

/** A Java migration that changes data, then throws: the change must not stay. */
public class V2__fails_half_way implements JavaMigration {
    @Override
    public void up(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO users (id, email) VALUES (1, 'half@example.com')");
        }
        throw new IllegalStateException("the mail service is down");
    }

    @Override
    public void down(Connection connection) {}
}
