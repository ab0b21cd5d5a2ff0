// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.EnvironmentConfig;
import java.util.Properties;

/**
 * The properties to pass with an environment's URL to {@code DriverManager.getConnection(url, props)}
 * (or to a pool as data-source properties): the user and password, and what the driver needs to
 * honour the environment's {@code ssl} and {@code connect-timeout}. Used by the application's pool
 * and by the migration engine, so that both connect the same way.
 *
 * <p>The returned {@link Properties} hold the password: never log or print them.
 */
public final class DriverProperties {

    private DriverProperties() {}

    /**
     * The driver properties for {@code environment}.
     *
     * <ul>
     *   <li>always: {@code user} and {@code password}, when present;
     *   <li>PostgreSQL ({@code jdbc:postgresql:}): {@code sslmode} from {@code ssl}, {@code connectTimeout}
     *       and {@code loginTimeout} in whole seconds (rounded up) from {@code connect-timeout}, and
     *       {@code ApplicationName=cairn};
     *   <li>SQLite, and URLs of other databases: nothing more.
     * </ul>
     * Parameters written in the URL itself take precedence with most drivers.
     *
     * @return a new, mutable {@link Properties} that the caller owns
     */
    public static Properties of(EnvironmentConfig environment) {
        Properties properties = new Properties();
        environment.user().ifPresent(user -> properties.setProperty("user", user));
        environment.password().ifPresent(password -> properties.setProperty("password", password));
        Client.forUrl(environment.url()).ifPresent(client -> client.addDriverProperties(environment, properties));
        return properties;
    }
}
