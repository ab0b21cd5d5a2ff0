// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import org.opentest4j.TestAbortedException;

/**
 * An engine cannot be had on this machine (no server and no embedded fallback), outside CI. JUnit
 * reports the test as skipped; {@link TestRunSummary} collects these and prints the banner that says
 * which suites did not run, why, and how to enable them.
 */
public final class EngineUnavailableException extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    private final Engine engine;
    private final String reason;
    private final String howToEnable;

    /** Creates the exception for {@code engine}, with why it is missing and how to provide it. */
    public EngineUnavailableException(Engine engine, String reason, String howToEnable) {
        super(engine.displayName() + " tests skipped: " + reason + ". To run them: " + howToEnable + ".");
        this.engine = engine;
        this.reason = reason;
        this.howToEnable = howToEnable;
    }

    /** Returns the engine that is missing. */
    public Engine engine() {
        return engine;
    }

    /** Returns why the engine is missing. */
    public String reason() {
        return reason;
    }

    /** Returns what the user can do to run the skipped tests. */
    public String howToEnable() {
        return howToEnable;
    }
}
