// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.given;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;

/** Needs the application's service, so it is given to the builder as an instance. */
public class V2__welcome_users implements JavaMigration {
    private final EmailAddresses addresses;

    public V2__welcome_users(EmailAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public void up(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (id, email) VALUES (?, ?)")) {
            for (int id = 1; id <= 2; id++) {
                insert.setInt(1, id);
                insert.setString(2, addresses.of(id));
                insert.executeUpdate();
            }
        }
    }

    @Override
    public void down(Connection connection) throws Exception {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users")) {
            delete.executeUpdate();
        }
    }

    @Override
    public String description() {
        return "Welcome rows for the first users, addresses from the application.";
    }
}
