// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.JavaBuild;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver that only an application's class loader has (a plugin's project class path, the command
 * line's --classpath), which DriverManager does not hand to Cairn, is found through the thread's
 * context class loader.
 */
class JdbcDriversTest {

    private static final String URL = "jdbc:cairn-test-appdb:drivers";

    /** A driver of "the application": it takes its own scheme and opens an in-memory H2 database. */
    private static final String APP_DRIVER = """
            package app;

            import java.sql.Connection;
            import java.sql.Driver;
            import java.sql.DriverManager;
            import java.sql.DriverPropertyInfo;
            import java.sql.SQLException;
            import java.sql.SQLFeatureNotSupportedException;
            import java.util.Properties;
            import java.util.logging.Logger;

            public final class AppDriver implements Driver {
                private static final String PREFIX = "jdbc:cairn-test-appdb:";

                @Override
                public Connection connect(String url, Properties info) throws SQLException {
                    return acceptsURL(url)
                            ? DriverManager.getConnection("jdbc:h2:mem:" + url.substring(PREFIX.length()), info)
                            : null;
                }

                @Override
                public boolean acceptsURL(String url) {
                    return url.startsWith(PREFIX);
                }

                @Override
                public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
                    return new DriverPropertyInfo[0];
                }

                @Override
                public int getMajorVersion() {
                    return 1;
                }

                @Override
                public int getMinorVersion() {
                    return 0;
                }

                @Override
                public boolean jdbcCompliant() {
                    return false;
                }

                @Override
                public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                    throw new SQLFeatureNotSupportedException();
                }
            }
            """;

    @TempDir
    Path classes;

    @Test
    void findsADriverThatOnlyTheContextClassLoaderLists() throws Exception {
        try (URLClassLoader application = application()) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(application);
            try {
                Driver driver = JdbcDrivers.forUrl(URL);

                assertThat(driver.getClass().getClassLoader()).isSameAs(application);
                assertThat(JdbcDrivers.accepts(URL)).isTrue();
                try (Connection connection = driver.connect(URL, new Properties());
                        Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT 41 + 1")) {
                    assertThat(result.next()).isTrue();
                    assertThat(result.getInt(1)).isEqualTo(42);
                }
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    @Test
    void withoutItTheUrlIsRefusedAsBefore() throws IOException {
        try (URLClassLoader application = application()) {
            assertThat(application).isNotNull();
            assertThatThrownBy(() -> JdbcDrivers.forUrl(URL)).isInstanceOf(SQLException.class);
            assertThat(JdbcDrivers.accepts(URL)).isFalse();
        }
    }

    /** The application's class loader: the driver's class and its META-INF/services entry. */
    private URLClassLoader application() throws IOException {
        JavaBuild.compile(classes, Map.of("app.AppDriver", APP_DRIVER));
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("java.sql.Driver"), "app.AppDriver\n");
        return new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }
}
