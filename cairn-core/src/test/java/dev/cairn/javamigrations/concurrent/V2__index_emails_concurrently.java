// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.concurrent;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.Statement;

/** A PostgreSQL index built without locking writes: only possible outside a transaction. */
public class V2__index_emails_concurrently implements JavaMigration {
    @Override
    public void up(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX CONCURRENTLY users_email ON users (email)");
        }
    }

    @Override
    public void down(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX CONCURRENTLY users_email");
        }
    }

    @Override
    public boolean transactional() {
        return false;
    }
}
