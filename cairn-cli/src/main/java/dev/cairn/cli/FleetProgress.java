// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * On a terminal, one line that a fleet's run writes over in place as its targets end: how many of
 * how many are done, how many failed so far, and the rate, so that a run over thousands of targets
 * never looks hung. At most five times a second; erased before the run's own output is printed.
 */
final class FleetProgress {

    private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Erases from the cursor to the end of the line. */
    private static final String CLEAR_TO_END = "\u001b[K";

    private final PrintStream err;
    private final String noun;
    private final int total;
    private final long started = System.nanoTime();
    private int done;
    private int failed;
    private long shown;
    private boolean showing;

    FleetProgress(PrintStream err, String noun, int total) {
        this.err = err;
        this.noun = noun;
        this.total = total;
    }

    /** One target ended. */
    synchronized void ended(boolean ok) {
        done++;
        if (!ok) {
            failed++;
        }
        long now = System.nanoTime();
        if (now - shown >= EVERY_NANOS || done == total) {
            shown = now;
            showing = true;
            err.print("\r" + line(done, failed, total, noun, now - started) + CLEAR_TO_END);
            err.flush();
        }
    }

    /** Prints {@code notice} as a line of its own, over the progress line, which the next target's end redraws. */
    synchronized void say(String notice) {
        clear();
        err.println(notice);
        err.flush();
    }

    /** Erases the line, if one was shown. */
    synchronized void clear() {
        if (showing) {
            err.print("\r" + CLEAR_TO_END);
            err.flush();
            showing = false;
        }
    }

    /** The line: {@code 340 of 1000 schemas done, 2 failed, 85/s}. */
    static String line(int done, int failed, int total, String noun, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        String rate = seconds <= 0 ? "" : String.format(java.util.Locale.ROOT, ", %.0f/s", done / seconds);
        return done + " of " + total + " " + noun + (total == 1 ? "" : "s") + " done"
                + (failed == 0 ? "" : ", " + failed + " failed") + rate;
    }
}
