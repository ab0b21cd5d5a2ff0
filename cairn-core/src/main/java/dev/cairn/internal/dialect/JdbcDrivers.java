// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds a JDBC driver for a URL among the registered ones, and else among the drivers that the thread's
 * context class loader lists ({@code META-INF/services/java.sql.Driver}).
 *
 * <p>The second look is for a driver that only the application's class path has: the Maven and Gradle
 * plugins' project class path, the command line's {@code --classpath}. {@link DriverManager} hands out
 * only drivers whose class the caller's class loader can see, and Cairn's class loader is the parent of
 * those, so it would say "no suitable driver" for a driver that is right there.
 */
public final class JdbcDrivers {

    private JdbcDrivers() {}

    /**
     * The driver that takes {@code url}.
     *
     * @throws SQLException if none does
     */
    public static Driver forUrl(String url) throws SQLException {
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException notRegistered) {
            Driver listed = listedByContext(url);
            if (listed == null) {
                throw notRegistered;
            }
            return listed;
        }
    }

    /** Whether some driver takes {@code url}. */
    public static boolean accepts(String url) {
        try {
            forUrl(url);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Driver listedByContext(String url) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == JdbcDrivers.class.getClassLoader()) {
            return null; // DriverManager has already looked there
        }
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, context).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    return null;
                }
                Driver driver = drivers.next();
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            } catch (ServiceConfigurationError | SQLException | LinkageError e) {
                // A listed class that cannot be loaded or asked: DriverManager skips such drivers too.
            }
        }
    }
}
