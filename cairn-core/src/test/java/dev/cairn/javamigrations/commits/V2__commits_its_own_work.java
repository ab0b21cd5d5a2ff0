// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.commits;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.Statement;

/** A Java migration that commits the batch's transaction itself, which Cairn must refuse. */
public class V2__commits_its_own_work implements JavaMigration {
    @Override
    public void up(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO users (id, email) VALUES (1, 'early@example.com')");
        }
        connection.commit();
    }

    @Override
    public void down(Connection connection) {}
}
