// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.Optional;

/**
 * The migration lock could not be had: another runner (or, on SQLite, another writer) held it for
 * longer than {@code lock-timeout}, or taking it failed. Nothing was changed. The message names the
 * holder where the database can tell; so does {@link #holder()}.
 */
public final class LockException extends CairnException {

    private static final long serialVersionUID = 1L;

    private final String lock;
    private final String holder;
    private final Duration timeout;
    private final String situation;

    private LockException(String lock, String holder, Duration timeout, String situation, String message) {
        super(message, null);
        this.lock = lock;
        this.holder = holder;
        this.timeout = timeout;
        this.situation = situation;
    }

    /**
     * The lock could not be taken for a reason other than another runner holding it, such as an error
     * from the database.
     *
     * @param lock what the lock guards, such as the tracking table
     * @param message the whole message: what failed and what to do
     */
    public LockException(String lock, String message) {
        this(lock, null, null, null, message);
    }

    /**
     * Another runner held the lock on {@code lock} for the whole of {@code timeout}.
     *
     * @param holder who holds it, as far as the database can tell
     */
    public static LockException heldBy(String lock, String holder, Duration timeout) {
        String situation = "Another runner holds the migration lock on " + lock + " (" + holder + ")";
        return new LockException(lock, holder, timeout, situation, situation + gaveUp(timeout));
    }

    /**
     * Another writer, not a Cairn runner, kept the database {@code target} busy for the whole of
     * {@code timeout} (SQLite's write lock).
     */
    public static LockException writerBusy(String target, Duration timeout) {
        String situation = "Another writer is writing to " + target;
        return new LockException(target, "another writer", timeout, situation, situation + gaveUp(timeout));
    }

    /**
     * The same situation with another ending: for {@code unlock}, which does not wait and says what to
     * do about a live holder instead.
     *
     * @param advice sentences that follow the situation
     */
    public LockException withAdvice(String advice) {
        return new LockException(lock, holder, timeout, situation, situation() + ". " + advice);
    }

    /** The wait as {@code lock-timeout} is written: whole seconds, or milliseconds when it is not. */
    private static String gaveUp(Duration timeout) {
        long millis = timeout.toMillis();
        String waited = millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
        return "; gave up after " + waited + " (lock-timeout). Run again when it has finished, or"
                + " raise lock-timeout.";
    }

    /** What the lock guards: the tracking table, or the database for a writer that is not Cairn. */
    public String lock() {
        return lock;
    }

    /** Who holds the lock, as far as the database can tell; empty if taking it failed for another reason. */
    public Optional<String> holder() {
        return Optional.ofNullable(holder);
    }

    /** How long this runner waited; empty if taking the lock failed for another reason. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Who holds what, as one clause without the wait ({@code Another runner holds the migration lock on
     * cairn_migrations (held by …)}); the message if taking the lock failed for another reason.
     */
    public String situation() {
        return situation != null ? situation : getMessage();
    }
}
