// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.given;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;

/** A Java migration that declares a checksum, given here, as a class edited between releases would. */
public class V2__checksummed implements JavaMigration {
    private final String checksum;

    public V2__checksummed(String checksum) {
        this.checksum = checksum;
    }

    @Override
    public void up(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (id, email) VALUES (1, ?)")) {
            insert.setString(1, "release-" + checksum + "@example.com");
            insert.executeUpdate();
        }
    }

    @Override
    public void down(Connection connection) throws Exception {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users")) {
            delete.executeUpdate();
        }
    }

    @Override
    public String checksum() {
        return checksum;
    }
}
