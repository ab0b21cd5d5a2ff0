// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cairn.junit.internal.VerifyEngine;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs fixture classes through the real engines, as a build would, and reads what they reported. */
final class Runs {
    private Runs() {}

    /** Runs the classes in one Jupiter run: one root store, so one template per settings. */
    static EngineExecutionResults jupiter(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .execute();
    }

    /** Runs a {@link VerifyMigrations} class through the {@code cairn-verify} engine, found as a build finds it. */
    static EngineExecutionResults verify(Class<?> type) {
        return EngineTestKit.engine(VerifyEngine.ID)
                .selectors(selectClass(type))
                .execute();
    }

    /** The messages of the failures among these events, each with its causes' messages. */
    static List<String> failures(List<Event> events) {
        return events.stream()
                .filter(event -> event.getType() == EventType.FINISHED)
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
                .filter(result -> result.getStatus() == TestExecutionResult.Status.FAILED)
                .map(result -> messages(result.getThrowable().orElseThrow()))
                .toList();
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        return text.toString();
    }
}
