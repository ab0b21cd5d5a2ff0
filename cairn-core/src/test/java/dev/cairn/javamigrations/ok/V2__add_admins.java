// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.ok;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;

/** A Java migration between two SQL ones: rows the SQL before it made a table for, taken out again by its down. */
public class V2__add_admins implements JavaMigration {

    @Override
    public void up(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (id, email) VALUES (?, ?)")) {
            for (int id = 1; id <= 3; id++) {
                insert.setInt(1, id);
                insert.setString(2, "admin" + id + "@example.com");
                insert.executeUpdate();
            }
        }
    }

    @Override
    public void down(Connection connection) throws Exception {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users WHERE email LIKE 'admin%'")) {
            delete.executeUpdate();
        }
    }

    @Override
    public String description() {
        return "Three administrators, written by Java.";
    }
}
