// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring.scanned;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A Java migration in a scanned location that a test also registers as a bean, built with what only
 * the bean has: the scan must leave the class to the bean.
 */
public final class V20260101000005__scanned_and_bean implements JavaMigration {

    private final String madeBy;

    /** Creates the migration with what the application gives it. */
    public V20260101000005__scanned_and_bean(String madeBy) {
        this.madeBy = madeBy;
    }

    @Override
    public void up(Connection connection) throws Exception {
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE scanned_and_bean (made_by varchar(20))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scanned_and_bean VALUES (?)")) {
            insert.setString(1, madeBy);
            insert.executeUpdate();
        }
    }

    @Override
    public void down(Connection connection) throws Exception {
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE scanned_and_bean");
        }
    }
}
