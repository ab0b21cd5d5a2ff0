// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The "did you mean" suggestions for unknown keys. */
class KeysTest {

    @ParameterizedTest
    @CsvSource({
        "pasword, password",
        "PASSWORD, password",
        "username, user",
        "db, database",
        "dbname, database",
        "driver, client",
        "jdbcUrl, url",
        "sslmode, ssl",
        "connect_timeout, connect-timeout",
        "connectTimeout, connect-timeout",
        "timeout, connect-timeout",
        "lock-timout, lock-timeout",
        "hots, host",
        "prot, port",
        "migration, migrations"
    })
    void suggestsForAnEnvironment(String unknown, String expected) {
        assertThat(Keys.ENVIRONMENT.suggest(unknown)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"flavour", "x", "environments", "maximum-connections"})
    void noSuggestionWhenNothingIsClose(String unknown) {
        assertThat(Keys.ENVIRONMENT.suggest(unknown)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"maximum, max", "minimum, min", "idle_timeout, idle-timeout", "maxLifetime, max-lifetime"})
    void suggestsForThePool(String unknown, String expected) {
        assertThat(Keys.POOL.suggest(unknown)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"environment, environments", "env, environments", "seed, seeds"})
    void suggestsForTheTopLevel(String unknown, String expected) {
        assertThat(Keys.TOP.suggest(unknown)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"kitten, sitting, 3", "'', abc, 3", "same, same, 0", "flaw, lawn, 2", "prot, port, 1", "ca, abc, 3"})
    void distance(String a, String b, int expected) {
        assertThat(Keys.distance(a, b)).isEqualTo(expected);
    }
}
