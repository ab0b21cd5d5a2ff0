// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.sql.TableName;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the tests of a database's lock share: a test database, runners on it (each a connection and the
 * lock its dialect makes for it), a thread for a second runner that waits, and what the waiting runners
 * were told. Everything a test opens is closed after it, newest first.
 */
abstract class LockRunners {

    static final TableName TABLE = TableName.of(null, "cairn_migrations");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    final List<String> told = Collections.synchronizedList(new ArrayList<>());
    final ExecutorService otherThread = Executors.newSingleThreadExecutor();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    TestDatabase db;
    Dialect dialect;

    /** Makes the test's database of {@code engine}. */
    void createDatabase(Engine engine) {
        db = databases.create(engine);
        dialect = Dialect.forUrl(db.url());
    }

    @AfterEach
    void closeEverything() throws Exception {
        otherThread.shutdownNow();
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    /** A runner's connection, on which its migrations would run. */
    Connection connection() throws SQLException {
        Connection connection = db.connect();
        toClose.add(connection);
        return connection;
    }

    /** The lock of a runner whose migrations run on {@code connection}. */
    Lock lock(Connection connection, TableName table) {
        Lock lock = dialect.lock(connection, table, db::connect);
        toClose.add(lock);
        return lock;
    }
}
