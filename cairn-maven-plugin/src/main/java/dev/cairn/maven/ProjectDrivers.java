// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import org.apache.maven.plugin.logging.Log;

/**
 * Makes the JDBC drivers of the project's class path visible to {@link DriverManager} for Cairn while a
 * goal runs. Cairn loads the usual driver of a database through the context class loader, which finds
 * them; but where it asks {@code DriverManager} (to map a {@code jdbc:mysql:} URL to MariaDB's driver,
 * or for a driver it does not know by name), {@code DriverManager} hands out only drivers whose class the
 * caller's class loader sees, and Cairn's is the plugin's, the parent of the project's. Each such driver
 * is therefore registered behind a {@link Shim}, a class of the plugin, for the goal's duration.
 */
final class ProjectDrivers implements AutoCloseable {

    private final List<Driver> registered;
    private final Log log;

    private ProjectDrivers(List<Driver> registered, Log log) {
        this.registered = registered;
        this.log = log;
    }

    /** Registers a shim for each driver that {@code project} declares and its parent does not see. */
    static ProjectDrivers register(ClassLoader project, Log log) {
        List<Driver> registered = new ArrayList<>();
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, project).iterator();
        while (true) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError e) {
                // A jar that names a driver it cannot load: DriverManager would skip it too.
                log.debug("Skipping a JDBC driver of the project: " + e.getMessage());
                continue;
            }
            if (driver.getClass().getClassLoader() != project) {
                continue; // the plugin's own class loader sees it: nothing to do
            }
            try {
                Driver shim = new Shim(driver);
                DriverManager.registerDriver(shim);
                registered.add(shim);
                log.debug("JDBC driver of the project: " + driver.getClass().getName());
            } catch (SQLException e) {
                log.debug("Could not register " + driver.getClass().getName() + ": " + e.getMessage());
            }
        }
        return new ProjectDrivers(List.copyOf(registered), log);
    }

    /** How many drivers were registered. */
    int size() {
        return registered.size();
    }

    /** Deregisters the shims, so that the project's class loader can be let go after the goal. */
    @Override
    public void close() {
        for (Driver shim : registered) {
            try {
                DriverManager.deregisterDriver(shim);
            } catch (SQLException e) {
                log.debug("Could not deregister a JDBC driver of the project: " + e.getMessage());
            }
        }
    }

    /** A driver of the plugin's class loader that hands every call to a driver of the project's. */
    static final class Shim implements Driver {

        private final Driver driver;

        Shim(Driver driver) {
            this.driver = driver;
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return driver.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return driver.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return driver.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return driver.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return driver.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return driver.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }

        @Override
        public String toString() {
            return driver.toString();
        }
    }
}
