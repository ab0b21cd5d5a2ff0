// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import dev.cairn.EnvironmentConfig.Ssl;
import dev.cairn.internal.dialect.Client;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The properties to pass with a URL to the driver (or to a pool as data-source properties): the user
 * and password, and what the database's driver needs to honour {@code ssl} and {@code connect-timeout}
 * (see each dialect's {@code addDriverProperties}). Used by the application's pool and by the migration
 * engine, so that both connect the same way.
 *
 * <p>The returned {@link Properties} hold the password: never log or print them.
 */
public final class DriverProperties {

    private DriverProperties() {}

    /**
     * The driver properties for {@code url}: {@code user} and {@code password} when present, and the
     * driver's own for {@code ssl} and {@code connectTimeout} when Cairn knows the database. Parameters
     * written in the URL itself take precedence with most drivers.
     *
     * @return a new, mutable {@link Properties} that the caller owns
     */
    public static Properties of(
            String url, Optional<String> user, Optional<String> password, Optional<Ssl> ssl, Duration connectTimeout) {
        Properties properties = new Properties();
        user.ifPresent(value -> properties.setProperty("user", value));
        password.ifPresent(value -> properties.setProperty("password", value));
        Client.forUrl(url).ifPresent(client -> client.dialect().addDriverProperties(properties, ssl, connectTimeout));
        return properties;
    }
}
