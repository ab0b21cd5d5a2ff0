// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * On a terminal, the progress line of a migration that runs for a while says which statement runs and
 * for how long (statement 3 of 12, 14 s; for a Java migration, running code, 14 s), written over in
 * place twice a second, so that a long migration never looks hung. Quick migrations (under two
 * seconds) show nothing of it. Everything this line shows is written under one lock, so that the
 * ticker never writes into a line being finished.
 */
final class LiveProgress {

    /** How long a migration runs before its line shows the statement. */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);

    private static final long TICK_MILLIS = 500;

    /** The total of a Java migration: its section is code, not statements. */
    static final int CODE = 0;

    /** Erases from the cursor to the end of the line. */
    private static final String CLEAR_TO_END = "\u001b[K";

    private final PrintStream out;
    private final Object lock = new Object();
    private Thread ticker;
    private String leader;
    private int total;
    private long started;
    /** What the ticker last wrote after the leader; null while it has written nothing. */
    private String shownText;

    private volatile int number;

    LiveProgress(PrintStream out) {
        this.out = out;
    }

    /**
     * A migration's line, {@code leader} so far, is open; it has {@code total} statements, or is a Java
     * migration's code ({@link #CODE}).
     */
    void starting(String leader, int total) {
        synchronized (lock) {
            this.leader = leader;
            this.total = total;
            this.number = 0;
            this.started = System.nanoTime();
            this.shownText = null;
            if (ticker == null) {
                ticker = new Thread(this::tick, "cairn-progress");
                ticker.setDaemon(true);
                ticker.start();
            }
        }
    }

    /** Statement {@code number} (1-based) of the open migration is about to run. */
    void statement(int number) {
        this.number = number;
    }

    /**
     * The open line ends: what the ticker wrote over the leader is erased, then {@code end} writes the
     * rest of the line (the time, or FAILED), under the same lock.
     */
    void finish(Runnable end) {
        synchronized (lock) {
            if (shownText != null) {
                out.print("\r" + leader + CLEAR_TO_END);
            }
            leader = null;
            shownText = null;
            end.run();
        }
    }

    private void tick() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                long running = System.nanoTime() - started;
                if (leader != null && running >= QUIET_NANOS && number > 0) {
                    String text = (total == CODE ? "running code, " : "statement " + number + " of " + total + ", ")
                            + TimeUnit.NANOSECONDS.toSeconds(running) + " s";
                    if (!text.equals(shownText)) {
                        out.print("\r" + leader + text + CLEAR_TO_END);
                        out.flush();
                        shownText = text;
                    }
                }
            }
        }
    }
}
