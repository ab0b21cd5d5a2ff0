// SPDX-License-Identifier: Apache-2.0
package db.migrations;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;

/** Seeds two users, with the e-mail addresses made in code (what SQL alone would not do). */
public class V20260101000200__seed_users implements JavaMigration {

    @Override
    public void up(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (id, email) VALUES (?, ?)")) {
            String[] names = {"Ada", "Grace"};
            for (int i = 0; i < names.length; i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, names[i].toLowerCase(Locale.ROOT) + "@example.com");
                insert.executeUpdate();
            }
        }
    }

    @Override
    public void down(Connection connection) throws Exception {
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM users");
        }
    }
}
