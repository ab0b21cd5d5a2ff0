// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.CancelledException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a long run when the JVM shuts down (Ctrl-C, SIGTERM): a shutdown hook marks the run cancelled,
 * runs what was registered to stop the work (cut the connection), and gives the run a few seconds to
 * notice, clean up after itself and say so, before the JVM goes on exiting. The run turns the errors
 * that follow into a {@link CancelledException} through {@link #throwIfCancelled}.
 */
final class Cancellation implements AutoCloseable {

    /** How long the shutdown waits for the run to clean up and report, before it exits anyway. */
    private static final long GRACE_SECONDS = 10;

    private final String command;
    private final String aftermath;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean cancelled;
    private volatile String doing = "starting";

    /**
     * Watches for a shutdown until {@link #close}.
     *
     * @param command names the run in the message
     * @param aftermath says, in the message, the state an interrupt leaves
     */
    Cancellation(String command, String aftermath) {
        this.command = command;
        this.aftermath = aftermath;
        this.hook = new Thread(this::cancel, "cairn-" + command + "-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Runs {@code action} when the run is cancelled, to stop what it is doing. */
    void onCancel(Runnable action) {
        onCancel.add(action);
    }

    /** Says what the run is doing now, for the message if it is cancelled. */
    void doing(String what) {
        doing = what;
    }

    /**
     * Throws a {@link CancelledException} if the run was cancelled: what failed then failed because
     * the work was cut short, not because of the migration.
     */
    void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException(command + " was interrupted while " + doing + ". " + aftermath);
        }
    }

    /** The run is over (it finished, failed or gave up after a cancel); stops watching. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running, and now it can let the JVM go on.
        }
    }

    private void cancel() {
        cancelled = true;
        onCancel.forEach(Runnable::run);
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
