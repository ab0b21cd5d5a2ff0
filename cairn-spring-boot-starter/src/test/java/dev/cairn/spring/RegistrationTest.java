// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * What Boot reads from the starter's {@code META-INF}: the other tests name the auto-configuration
 * directly, so this one checks that an application finds it by itself. (The detector and the failure
 * analyzer in {@code spring.factories} are exercised by the ordering and start-up failure tests.)
 */
class RegistrationTest {

    @Test
    void bootFindsTheAutoConfigurationInTheImportsFile() {
        ImportCandidates candidates =
                ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader());

        assertThat(candidates.getCandidates()).contains(CairnAutoConfiguration.class.getName());
    }
}
