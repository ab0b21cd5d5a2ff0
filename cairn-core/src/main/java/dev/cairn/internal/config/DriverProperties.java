// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.EnvironmentConfig;
import java.util.Properties;

/** STUB: replaced by the configuration work. The driver properties for an environment. */
public final class DriverProperties {

    private DriverProperties() {}

    /** User, password and per-driver settings for {@code environment}. */
    public static Properties of(EnvironmentConfig environment) {
        Properties properties = new Properties();
        environment.user().ifPresent(user -> properties.setProperty("user", user));
        environment.password().ifPresent(password -> properties.setProperty("password", password));
        return properties;
    }
}
