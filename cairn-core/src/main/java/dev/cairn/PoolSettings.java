// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;

/**
 * The {@code pool:} setting of an environment, used when the application asks for a pooled
 * {@link javax.sql.DataSource} (migrations themselves use one connection).
 *
 * @param min the fewest idle connections kept open ({@code pool.min}, default 2)
 * @param max the most connections open at once ({@code pool.max}, default 10)
 * @param idleTimeout how long an idle connection above {@code min} is kept ({@code pool.idle-timeout},
 *     default 10 minutes)
 * @param maxLifetime the longest a connection is used before it is replaced ({@code pool.max-lifetime},
 *     default 30 minutes)
 */
public record PoolSettings(int min, int max, Duration idleTimeout, Duration maxLifetime) {

    /** The settings used when {@code pool:} is absent. */
    public static final PoolSettings DEFAULTS = new PoolSettings(2, 10, Duration.ofMinutes(10), Duration.ofMinutes(30));
}
