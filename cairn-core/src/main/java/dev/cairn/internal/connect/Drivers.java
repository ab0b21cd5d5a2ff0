// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import dev.cairn.internal.dialect.Client;
import dev.cairn.internal.dialect.JdbcDrivers;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Finds the JDBC driver for a URL. The usual driver of each database Cairn knows ({@link Client})
 * is loaded by name: asking {@link DriverManager} first would load and initialise every driver on the
 * class path (four in the cairn tool, one of which starts a logging framework) for a command that
 * uses one. Any other URL, or a class path without the usual driver, goes to {@link DriverManager}
 * (and then to the context class loader's drivers: {@link JdbcDrivers}).
 */
final class Drivers {

    private Drivers() {}

    /** The URL to hand the driver for {@code url}, as its database's dialect says. */
    static String driverUrl(String url) {
        return Client.forUrl(url).map(client -> client.dialect().driverUrl(url)).orElse(url);
    }

    /**
     * The driver for {@code url} (already a {@link #driverUrl}).
     *
     * @throws SQLException if no driver takes it
     */
    static Driver forUrl(String url) throws SQLException {
        Driver usual =
                Client.forUrl(url).map(client -> load(client.driverClass())).orElse(null);
        if (usual != null && usual.acceptsURL(url)) {
            return usual;
        }
        return JdbcDrivers.forUrl(url);
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
