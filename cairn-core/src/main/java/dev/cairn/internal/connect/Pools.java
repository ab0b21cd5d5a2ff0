// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.EnvironmentConfig;
import dev.cairn.Redaction;
import dev.cairn.internal.dialect.Client;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the application's pooled data source from an environment of {@code cairn.yml}. */
public final class Pools {

    private static final Logger LOG = LoggerFactory.getLogger(Pools.class);

    /** HikariCP's smallest keepalive time. */
    private static final long KEEPALIVE_FLOOR_MILLIS = 30_000;

    private Pools() {}

    /**
     * A HikariCP pool for {@code environment}, named {@code cairn-<environment>}, with the URL, the
     * {@link DriverProperties}, the pool sizes and timeouts of {@code pool:}, and {@code connect-timeout}
     * as the time to wait for a connection. It opens its first connection before returning, so that a
     * wrong setting fails here and not at the application's first query. The caller owns the pool and
     * closes it.
     *
     * @throws ConfigurationException if no JDBC driver on the class path accepts the URL
     * @throws ConnectionException if the first connection cannot be opened
     */
    public static HikariDataSource dataSource(EnvironmentConfig environment) {
        String redactedUrl = Redaction.url(environment.url());
        String url = Drivers.driverUrl(environment.url());
        try {
            Drivers.forUrl(url);
        } catch (SQLException e) {
            String artifact = Client.forUrl(environment.url())
                    .map(Client::driverArtifact)
                    .map(coordinates -> " (" + coordinates + ")")
                    .orElse("");
            throw new ConfigurationException(
                    withoutPassword(
                            environment,
                            "No JDBC driver on the class path accepts "
                                    + redactedUrl + " (environment " + environment.name()
                                    + "). Add the database's JDBC driver"
                                    + artifact + " to the application's dependencies."),
                    e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("cairn-" + environment.name());
        config.setJdbcUrl(url);
        config.setDataSourceProperties(DriverProperties.of(
                environment.url(),
                environment.user(),
                environment.password(),
                environment.ssl(),
                environment.connectTimeout()));
        config.setMinimumIdle(environment.pool().min());
        config.setMaximumPoolSize(environment.pool().max());
        if (environment.pool().min() < environment.pool().max()) {
            // A fixed-size pool never retires idle connections; HikariCP warns if it is told a timeout.
            config.setIdleTimeout(environment.pool().idleTimeout().toMillis());
        }
        long maxLifetime = environment.pool().maxLifetime().toMillis();
        config.setMaxLifetime(maxLifetime);
        if (config.getKeepaliveTime() >= maxLifetime) {
            // HikariCP's keepalive must be shorter than the lifetime (and at least 30s), else it warns and
            // turns it off; do that quietly for short lifetimes.
            long half = maxLifetime / 2;
            config.setKeepaliveTime(half >= KEEPALIVE_FLOOR_MILLIS ? half : 0);
        }
        config.setConnectionTimeout(environment.connectTimeout().toMillis());
        LOG.debug("Opening pool cairn-{} for {}", environment.name(), redactedUrl);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = Redaction.url(String.valueOf(cause.getMessage())).replaceAll("[.\\s]+$", "");
            throw ConnectionFailures.pooling(
                    redactedUrl,
                    "environment " + environment.name() + user(environment.user()),
                    reason,
                    cause,
                    environment.password().map(List::of).orElse(List.of()));
        }
    }

    /** {@code message} with the environment's password removed wherever it appears (a driver may echo it). */
    private static String withoutPassword(EnvironmentConfig environment, String message) {
        return Redaction.text(message, environment.password().map(List::of).orElse(List.of()));
    }

    private static String user(Optional<String> user) {
        return user.map(name -> ", user " + name).orElse("");
    }
}
