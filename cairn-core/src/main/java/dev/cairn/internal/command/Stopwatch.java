// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import java.time.Duration;

/** How long a command took, from when it started: what every result reports as its duration. */
final class Stopwatch {

    private final long started = System.nanoTime();

    /** The time since this stopwatch was made. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
