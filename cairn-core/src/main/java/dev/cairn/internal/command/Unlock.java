// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.LockException;
import dev.cairn.MigrationListener;
import dev.cairn.internal.dialect.Dialect;
import java.time.Duration;

/**
 * {@code unlock}: says whether the migration lock is free, or which live runner holds it. Cairn's locks
 * end with the session or process that holds them, so there is never a dead lock to clear: this only
 * looks, by taking the lock without waiting and letting it go at once.
 */
public final class Unlock {

    private final Settings settings;

    /** The check for these settings. */
    public Unlock(Settings settings) {
        this.settings = settings;
    }

    /**
     * A sentence saying that the lock is free.
     *
     * @throws LockException if a live runner holds it, naming the holder and how to stop it
     */
    public String check() {
        Dialect dialect;
        try (Session reading = Session.forReading(settings)) {
            if (!reading.exists()) {
                return "Nothing to unlock: the database " + settings.target() + " does not exist yet.";
            }
            dialect = reading.dialect();
        }
        try (Session session = Session.forChange(settings.withLockTimeout(Duration.ZERO), MigrationListener.NONE)) {
            return "The migration lock on " + session.history().table() + " is free: nothing was left behind."
                    + " Cairn's locks end with the runner that holds them, even one that was killed.";
        } catch (LockException e) {
            if (e.holder().isEmpty()) {
                throw e; // not held by anyone: taking it failed, and the message says why
            }
            throw e.withAdvice("It belongs to a runner that is still alive: locks end with their runner, so none"
                    + " is ever left behind. Wait for it to finish, or stop it (" + dialect.stopLockHolder() + ").");
        }
    }
}
