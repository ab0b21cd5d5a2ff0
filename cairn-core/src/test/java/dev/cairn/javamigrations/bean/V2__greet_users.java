// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.bean;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.function.Supplier;

/**
 * A Java migration built by the application with a service (as a Spring bean is), in a package that a
 * classpath: location also scans: the scan must leave it to the instance given.
 */
public class V2__greet_users implements JavaMigration {

    private final Supplier<String> greeting;

    public V2__greet_users(Supplier<String> greeting) {
        this.greeting = greeting;
    }

    @Override
    public void up(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (id, email) VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setString(2, greeting.get());
            insert.executeUpdate();
        }
    }

    @Override
    public void down(Connection connection) throws Exception {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users WHERE id = 1")) {
            delete.executeUpdate();
        }
    }
}
