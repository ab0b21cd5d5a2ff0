// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.junit.TestDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * MariaDB and MySQL have no template databases, and a copy made table by table would have to rewrite
 * every view, trigger and routine that names the source database, and foreign keys that
 * {@code CREATE TABLE … LIKE} leaves out. So each copy is a new database, migrated: correct by
 * construction, and what the README's figures measure. The template itself is only the check, at the
 * first class, that the server answers and the migrations apply.
 */
final class MariaDbTemplate extends ServerTemplate {
    // MariaDB's and MySQL's ER_NO_SUCH_THREAD: the session ended by itself before KILL reached it.
    private static final int NO_SUCH_THREAD = 1094;

    MariaDbTemplate(Settings settings) {
        super(settings);
    }

    @Override
    String defaultUrl() {
        throw new TestDatabaseException("MariaDB was asked for with no server given: give its admin URL (such as"
                + " jdbc:mariadb://127.0.0.1:3306/?user=root) with " + settings.howToGiveUrl() + ".");
    }

    @Override
    Properties connectTimeouts() {
        Properties properties = new Properties();
        // Milliseconds; it bounds the handshake too, which a port that never answers would hold for 30 s.
        properties.setProperty("connectTimeout", "10000");
        return properties;
    }

    @Override
    void prepare() {
        // The first copy is made and dropped here, so that a bad server or migration fails the first class
        // with its cause, as for the other products.
        drop(copyTo(newName(TEMPLATE_PREFIX)));
    }

    @Override
    Address copyTo(String name) {
        Address address = create(name);
        try {
            migrate(address);
        } catch (RuntimeException e) {
            drop(name);
            throw e;
        }
        return address;
    }

    @Override
    String createSql(String name) {
        // utf8mb4, not the server's default character set, which may still be latin1.
        return "CREATE DATABASE " + name + " CHARACTER SET utf8mb4";
    }

    @Override
    void endSessions(Connection admin, String name) throws SQLException {
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
    public void close() {
        // Nothing outlives a copy.
    }
}
