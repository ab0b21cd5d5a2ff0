// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations as cairn.yml writes them. */
class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "10s, PT10S",
        "2m, PT2M",
        "1h, PT1H",
        "45, PT45S",
        "0, PT0S",
        "' 3s ', PT3S",
        "999999999h, PT999999999H"
    })
    void parses(String text, Duration expected) {
        assertThat(Durations.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "1.5s", "-1s", "10S", "10 s", "1d", "1m30s", "1000000000", "PT10S"})
    void refuses(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @Test
    void formatsInTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void aSettingThatIsNoDurationOrZeroIsRefusedNamingTheSettingAndTheForms() {
        assertThat(Durations.parse("--lock-timeout", "90s", ConfigurationException::new))
                .isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Durations.parse("--lock-timeout", "soon", ConfigurationException::new))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("--lock-timeout must be a duration such as 500ms, 10s, 2m or 1h (a bare number means"
                        + " seconds), not 'soon'.");
        assertThatThrownBy(() -> Durations.parse("--lock-timeout", "0ms", ConfigurationException::new))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("--lock-timeout must be more than 0. Give a duration such as 500ms, 10s, 2m or 1h (a"
                        + " bare number means seconds).");
        assertThat(Durations.parse("--lock-timeout", "24h", ConfigurationException::new))
                .isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> Durations.parse("--lock-timeout", "1441m", ConfigurationException::new))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("--lock-timeout must be at most 24h (a longer wait is almost certainly a typo, and"
                        + " drivers cannot take it), not 1441m.");
    }
}
