// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.autocommitfails;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.Statement;

/** A migration outside the transaction that makes a table, then fails: the table stays. */
public class V2__creates_then_fails implements JavaMigration {
    @Override
    public void up(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE audit (id integer PRIMARY KEY)");
        }
        throw new IllegalStateException("the audit service is down");
    }

    @Override
    public void down(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE audit");
        }
    }

    @Override
    public boolean transactional() {
        return false;
    }
}
