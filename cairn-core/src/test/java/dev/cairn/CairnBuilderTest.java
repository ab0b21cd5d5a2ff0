// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the builder refuses as it is given, naming its own method rather than a key or a flag. */
class CairnBuilderTest {

    @Test
    void aLockTimeoutBeyondADayOrNotAboveZeroIsRefusedNamingTheMethod() {
        assertThatThrownBy(() -> Cairn.configure().lockTimeout(Duration.ofDays(2)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("lockTimeout must be at most 24h (a longer wait is almost certainly a typo, and drivers"
                        + " cannot take it), not PT48H.");
        assertThatThrownBy(() -> Cairn.configure().lockTimeout(Duration.ZERO))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("lockTimeout must be more than 0, not PT0S.");
        assertThat(Cairn.configure()
                        .url("jdbc:h2:mem:builder")
                        .lockTimeout(Duration.ofHours(24))
                        .load()
                        .target())
                .isEqualTo("jdbc:h2:mem:builder");
    }
}
