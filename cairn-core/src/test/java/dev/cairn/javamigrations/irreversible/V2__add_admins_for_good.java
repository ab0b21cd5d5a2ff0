// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.irreversible;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.Statement;

/** A Java migration without a down: irreversible. */
public class V2__add_admins_for_good implements JavaMigration {
    @Override
    public void up(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO users (id, email) VALUES (1, 'admin@example.com')");
        }
    }
}
