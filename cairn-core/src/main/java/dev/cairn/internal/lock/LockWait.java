// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import dev.cairn.LockException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one wait loop of every lock: try; if another runner holds the lock, say once who it is, then try
 * again until {@code lock-timeout} is over, and give up with a {@link LockException} that names the
 * holder and the timeout. A lock whose try can block on the server (MySQL's {@code GET_LOCK}, H2's
 * {@code LOCK_TIMEOUT}) is handed the time it may block; one that only polls is retried after a pause
 * that doubles from 20 ms to half a second.
 */
final class LockWait {

    /** The longest a blocking try is given at once, so that the holder is asked again now and then. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long MAX_PAUSE_MILLIS = 500;

    /** One try at the lock. */
    interface Attempt<E extends Exception> {
        /**
         * Tries to take the lock.
         *
         * @param block how long the try may wait for the holder: zero for the first try, which is
         *     never to wait, then up to {@link #MAX_BLOCK}
         * @return whether the lock is now held
         */
        boolean take(Duration block) throws E;
    }

    /** Who holds the lock, in words, such as {@code held by PostgreSQL backend pid 42, …}. */
    interface Holder<E extends Exception> {
        String describe() throws E;
    }

    private LockWait() {}

    /**
     * Takes the lock on {@code lock}, waiting up to {@code timeout}.
     *
     * @param blocking whether {@code attempt} itself waits for the time it is given
     * @param waiting told once, with the holder, when the first try finds the lock taken
     * @throws LockException if the lock is still held after {@code timeout}, or the wait is interrupted
     *     (the interrupt flag stays set)
     * @throws E if a try, or asking who holds the lock, fails
     */
    static <E extends Exception> void acquire(
            String lock,
            Duration timeout,
            boolean blocking,
            Attempt<E> attempt,
            Holder<E> holder,
            Consumer<String> waiting)
            throws E {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        Duration block = Duration.ZERO;
        boolean told = false;
        while (!attempt.take(block)) {
            String who = holder.describe();
            if (!told) {
                waiting.accept(who);
                told = true;
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw LockException.heldBy(lock, who, timeout);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(lock); // a blocking try may have been woken by it, without a word
            }
            if (blocking) {
                block = left.compareTo(MAX_BLOCK) < 0 ? left : MAX_BLOCK;
            } else {
                try {
                    Thread.sleep(Math.max(1, Math.min(pause, left.toMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw interrupted(lock);
                }
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    /** The lock on {@code lock} could not be taken because the database failed. */
    static LockException failed(String lock, SQLException e) {
        return new LockException(lock, "Could not take the migration lock on " + lock + ": " + e.getMessage());
    }

    private static LockException interrupted(String lock) {
        return new LockException(lock, "Interrupted while waiting for the migration lock on " + lock + ".");
    }
}
