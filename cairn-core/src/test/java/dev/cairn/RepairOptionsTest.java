// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepairOptionsTest {

    @Test
    void theDefaultChoosesEveryMigrationAndConfirmsNothing() {
        assertThat(RepairOptions.all()).isEqualTo(new RepairOptions(List.of(), false, false, false));
        assertThat(RepairOptions.all()
                        .only("1_a", "2")
                        .confirmingFinishedByHand()
                        .asDryRun())
                .isEqualTo(new RepairOptions(List.of("1_a", "2"), true, false, true));
        assertThat(RepairOptions.forgetting("1_a").asDryRun())
                .isEqualTo(new RepairOptions(List.of("1_a"), false, true, true));
    }

    @Test
    void forgettingNeedsNamesAndIsNotFinishingByHand() {
        assertThatThrownBy(RepairOptions::forgetting)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Name the migrations to forget (repair --forget NAME...): forgetting is never done to"
                        + " every migration at once.");
        assertThatThrownBy(() -> RepairOptions.forgetting("1_a").confirmingFinishedByHand())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("give --finished-by-hand or --forget");
    }
}
