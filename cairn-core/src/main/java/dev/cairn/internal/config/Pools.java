// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.EnvironmentConfig;

/** STUB: replaced by the configuration work. Builds the application's pooled data source. */
public final class Pools {

    private Pools() {}

    /** A HikariCP pool for {@code environment}. */
    public static HikariDataSource dataSource(EnvironmentConfig environment) {
        throw new UnsupportedOperationException("not yet");
    }
}
