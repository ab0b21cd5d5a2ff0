// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import dev.cairn.Cairn;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A test class's own database, with every migration applied and the tracking table saying so. The
 * extension makes it and drops it; a test uses its address, its connections or its {@link Cairn}.
 */
public final class MigratedDatabase {
    private final Engine engine;
    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final Cairn cairn;

    /**
     * Describes a database the extension made.
     *
     * @param engine the product
     * @param name the database's unique name, such as {@code cairn_test_k3v9x0q2m1ab}
     * @param url its JDBC URL, without the user and password
     * @param user the user to connect as; null when the database needs none (SQLite)
     * @param password the password; null when none is sent
     * @param cairn Cairn, configured for this database and the extension's locations
     */
    public MigratedDatabase(Engine engine, String name, String url, String user, String password, Cairn cairn) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        this.cairn = Objects.requireNonNull(cairn, "cairn");
    }

    /** The product. */
    public Engine engine() {
        return engine;
    }

    /** The database's unique name (on a server, the database; embedded, the file's or memory's name). */
    public String name() {
        return name;
    }

    /** The JDBC URL, without the user and password: give it with {@link #user()} and {@link #password()}. */
    public String url() {
        return url;
    }

    /** The user to connect as, or null when the database takes none (SQLite). */
    public String user() {
        return user;
    }

    /** The password to send, or null when none is sent. */
    public String password() {
        return password;
    }

    /** Cairn for this database: its status shows every migration applied; it can roll back or migrate again. */
    public Cairn cairn() {
        return cairn;
    }

    /**
     * Opens a new connection; the caller closes it. Connections still open when the class ends are
     * ended by the drop.
     */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /**
     * A data source that opens a new connection per {@code getConnection()} (no pool: a test's
     * connections are few, and a pool would hold the database open after the class).
     */
    public DataSource dataSource() {
        return new Connections();
    }

    /** The engine, the name and the URL, never the password. */
    @Override
    public String toString() {
        return engine.displayName() + " database " + name + " (" + url + ")";
    }

    /** {@link #connect()} as a {@link DataSource}. */
    private final class Connections implements DataSource {
        private PrintWriter logWriter;
        private int loginTimeout;

        @Override
        public Connection getConnection() throws SQLException {
            return connect();
        }

        @Override
        public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
            return DriverManager.getConnection(url, otherUser, otherPassword);
        }

        @Override
        public PrintWriter getLogWriter() {
            return logWriter;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            logWriter = out;
        }

        @Override
        public void setLoginTimeout(int seconds) {
            loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }

        @Override
        public String toString() {
            return MigratedDatabase.this.toString();
        }
    }
}
