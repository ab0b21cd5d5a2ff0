// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * MariaDB, standing also for MySQL (Cairn has one dialect for both): the server named by
 * {@code CAIRN_TEST_MARIADB_URL}, else 127.0.0.1:3306 as {@code root} with an empty password. There
 * is no embedded server: without one, outside CI, the MariaDB tests are skipped and the run ends with
 * a banner that says how to enable them.
 *
 * <p>A test database is a MariaDB database (what MySQL also calls a schema) in {@code utf8mb4}, with
 * the server's default collation for it.
 */
final class MariaDbBackend extends ServerBackend {
    /** The environment variable that names an admin JDBC URL for the test server. */
    static final String URL_VARIABLE = "CAIRN_TEST_MARIADB_URL";
    /** The server tried when the variable is not set: a local default install, root without a password. */
    static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";
    // Seconds. DROP DATABASE waits for every transaction that touched one of the database's tables,
    // by default for a day (MariaDB) or a year (MySQL); the sessions in the database are ended first,
    // and this bounds the wait for any other (a session that touched it from another database).
    private static final int DROP_LOCK_WAIT = 10;
    // MariaDB's and MySQL's ER_NO_SUCH_THREAD: the session ended by itself before KILL reached it.
    private static final int NO_SUCH_THREAD = 1094;

    MariaDbBackend(Engine engine) {
        this(engine, spec(DEFAULT_URL), System.getenv());
    }

    MariaDbBackend(Engine engine, ServerSpec spec, Map<String, String> env) {
        super(engine, spec, env);
    }

    /** Returns MariaDB's discovery spec, with the default URL given. */
    static ServerSpec spec(String defaultUrl) {
        Properties probe = new Properties();
        // Milliseconds, and it bounds the handshake too: without it a port that accepts connections but
        // never answers (another product's) stalls the probe for the driver's default 30 s.
        probe.setProperty("connectTimeout", "5000");
        return new ServerSpec(
                "MariaDB",
                URL_VARIABLE,
                defaultUrl,
                "jdbc:mariadb://HOST:PORT/?user=USER&password=PASSWORD",
                "start MariaDB or MySQL on 127.0.0.1:3306 with user root and an empty password"
                        + " (Debian: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd)",
                probe,
                Optional.empty());
    }

    @Override
    String createSql(String name) {
        // utf8mb4, not the server's character set, which may still be latin1 or the 3-byte utf8.
        return "CREATE DATABASE " + name + " CHARACTER SET utf8mb4";
    }

    @Override
    void beforeDrop(Connection admin, String name) throws SQLException {
        List<Long> sessions = new ArrayList<>();
        try (PreparedStatement find = admin.prepareStatement(
                "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()")) {
            find.setString(1, name);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    sessions.add(rs.getLong(1));
                }
            }
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("SET SESSION lock_wait_timeout = " + DROP_LOCK_WAIT);
            for (long id : sessions) {
                try {
                    statement.execute("KILL CONNECTION " + id);
                } catch (SQLException e) {
                    if (e.getErrorCode() != NO_SUCH_THREAD) {
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    String dropSql(String name) {
        return "DROP DATABASE IF EXISTS " + name;
    }

    @Override
    String tablesQuery() {
        // DATABASE(): the test database only; information_schema lists every database on the server.
        return "SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'";
    }
}
