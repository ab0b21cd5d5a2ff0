// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Finds the JDBC driver for a URL. The usual driver of each database Cairn knows is loaded by name:
 * asking {@link DriverManager} first would load and initialise every driver on the class path (four
 * in the cairn tool, one of which starts a logging framework) for a command that uses one. Any
 * other URL, or a class path without the usual driver, goes to {@link DriverManager} as before.
 */
final class Drivers {

    /** URL prefix to the class name of the driver that usually takes it. */
    private static final Map<String, String> USUAL = Map.of(
            "jdbc:postgresql:", "org.postgresql.Driver",
            "jdbc:sqlite:", "org.sqlite.JDBC",
            "jdbc:mariadb:", "org.mariadb.jdbc.Driver",
            "jdbc:mysql:", "com.mysql.cj.jdbc.Driver",
            "jdbc:h2:", "org.h2.Driver");

    private Drivers() {}

    /**
     * The driver for {@code url}.
     *
     * @throws SQLException if no driver takes it
     */
    static Driver forUrl(String url) throws SQLException {
        int subprotocolEnd = url.indexOf(':', "jdbc:".length());
        String className = subprotocolEnd < 0 ? null : USUAL.get(url.substring(0, subprotocolEnd + 1));
        if (className != null) {
            Driver driver = load(className);
            if (driver != null && driver.acceptsURL(url)) {
                return driver;
            }
        }
        return DriverManager.getDriver(url);
    }

    private static Driver load(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> type = Class.forName(className, true, loader != null ? loader : Drivers.class.getClassLoader());
            return type.asSubclass(Driver.class).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null; // not on the class path, or not usable from here: DriverManager may still know one
        }
    }
}
