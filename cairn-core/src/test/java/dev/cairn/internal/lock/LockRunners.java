// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.sql.TableName;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the tests of a database's lock share besides {@link SecondRunner}: a test database, and runners
 * on it, each a connection and the lock its dialect makes for it.
 */
abstract class LockRunners extends SecondRunner {

    static final TableName TABLE = TableName.of(null, "cairn_migrations");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    TestDatabase db;
    Dialect dialect;

    /** Makes the test's database of {@code engine}. */
    void createDatabase(Engine engine) {
        db = databases.create(engine);
        dialect = Dialect.forUrl(db.url());
    }

    /** A runner's connection, on which its migrations would run. */
    Connection connection() throws SQLException {
        return closedAfter(db.connect());
    }

    /** The lock of a runner whose migrations run on {@code connection}. */
    Lock lock(Connection connection, TableName table) {
        return closedAfter(dialect.lock(connection, table, db::connect));
    }
}
