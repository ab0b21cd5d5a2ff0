// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.CancelledException;
import dev.cairn.internal.run.Canceller;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ends a run that changes a database when the JVM shuts down (Ctrl-C, SIGTERM, an application
 * stopped during its start-up migration): a shutdown hook cancels the statement running on the
 * server ({@link Canceller}), wakes a wait for the lock, and holds the JVM's exit until the run has
 * rolled back, recorded what stays and said so, or a grace period is over. The run turns what fails
 * after that into a {@link CancelledException}: what was cancelled, and the state it left.
 */
final class Cancellation implements AutoCloseable {

    /**
     * How long the shutdown waits for the run to clean up and report, before the JVM exits anyway. A
     * cancelled statement stops at once; a rollback of much work can take a while, and a second
     * Ctrl-C on the command line ends the process without waiting.
     */
    private static final long GRACE_SECONDS = 30;

    /** How often a cancel is sent again while a statement still runs (one may reach the server too early). */
    private static final long RESEND_MILLIS = 1000;

    private final String command;
    private final Canceller canceller = new Canceller();
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean cancelled;
    private volatile String doing = "starting";
    private volatile String aftermath;
    private volatile Thread waiting;

    /**
     * Watches for a shutdown until {@link #close}.
     *
     * @param command names the run in the message, such as {@code migrate}
     * @param aftermath says, in the message, the state an interrupt leaves until {@link #doing} says otherwise
     */
    Cancellation(String command, String aftermath) {
        this.command = command;
        this.aftermath = aftermath;
        this.hook = new Thread(this::cancel, "cairn-" + command + "-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command being run, such as {@code verify}. */
    String command() {
        return command;
    }

    /** Stops the statements of the runners given it. */
    Canceller canceller() {
        return canceller;
    }

    /** Runs {@code action} when the run is cancelled, to stop what it is doing. */
    void onCancel(Runnable action) {
        onCancel.add(action);
    }

    /** Says what the run is doing now, for the message if it is cancelled. */
    void doing(String what) {
        doing = what;
    }

    /** Says what the run is doing now, and the state an interrupt would leave. */
    void doing(String what, String stateIfInterrupted) {
        doing = what;
        aftermath = stateIfInterrupted;
    }

    /**
     * Runs {@code wait} (a wait for the lock), which an interrupt ends by interrupting this thread: the
     * lock's wait loop gives up when its thread is interrupted.
     */
    <T> T interruptibly(Supplier<T> wait) {
        waiting = Thread.currentThread();
        try {
            if (cancelled) {
                Thread.currentThread().interrupt();
            }
            return wait.get();
        } finally {
            waiting = null;
            Thread.interrupted(); // an interrupt meant for the wait must not reach the work after it
        }
    }

    /** Whether the run was cancelled. */
    boolean cancelled() {
        return cancelled;
    }

    /**
     * Throws a {@link CancelledException} if the run was cancelled: what failed then failed because
     * the work was cut short, not because of the migration.
     */
    void throwIfCancelled() {
        if (cancelled) {
            throw interrupted();
        }
    }

    /** The exception that says the run was cancelled while it did what it said it did last. */
    CancelledException interrupted() {
        return new CancelledException(command + " was interrupted while " + doing + ". " + aftermath);
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
        canceller.cancel();
        Thread waiter = waiting;
        if (waiter != null) {
            waiter.interrupt();
        }
        onCancel.forEach(Runnable::run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        try {
            while (!finished.await(RESEND_MILLIS, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                canceller.cancelRunning();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
