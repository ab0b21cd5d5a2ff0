// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.MigrationListener;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link LockNotice} wraps the output's progress listener: every event it does not pass on is progress
 * the user never sees (verify's live verdicts were lost that way once).
 */
class LockNoticeTest {

    @Test
    void passesOnEveryEventOfTheListener() {
        for (Method event : MigrationListener.class.getDeclaredMethods()) {
            if (Modifier.isStatic(event.getModifiers())) {
                continue;
            }
            assertThat(Arrays.stream(LockNotice.class.getDeclaredMethods())
                            .anyMatch(method -> method.getName().equals(event.getName())
                                    && Arrays.equals(method.getParameterTypes(), event.getParameterTypes())))
                    .as("LockNotice overrides " + event.getName())
                    .isTrue();
        }
    }
}
