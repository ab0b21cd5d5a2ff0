// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.LockException;
import dev.cairn.MigrationListener;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.lock.LockHolder;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code unlock}: says whether the migration lock is free, or what holds it and how to end it. Cairn's
 * locks end with the session or process that holds them, so there is never a dead lock to clear: this
 * only looks, by taking the lock without waiting and letting it go at once. What holds a lock may
 * outlive its runner, though: a server runs a killed runner's statement to its end before it ends the
 * session, and the lock with it; so the message says what is alive (the session, its statement, for
 * how long) and the commands that end it.
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
     * @throws LockException if something holds it, naming the holder, what it runs and how to end it
     */
    public String check() {
        Dialect dialect;
        Optional<LockHolder> holder;
        try (Session reading = Session.forReading(settings)) {
            if (!reading.exists()) {
                return "Nothing to unlock: the database " + settings.target() + " does not exist yet.";
            }
            dialect = reading.dialect();
            holder = reading.lockHolder();
        }
        try (Session session = Session.forChange(settings.withLockTimeout(Duration.ZERO), MigrationListener.NONE)) {
            return "The migration lock on " + session.history().table() + " is free: nothing was left behind."
                    + " Cairn's locks end with the runner that holds them, even one that was killed.";
        } catch (LockException e) {
            if (e.holder().isEmpty()) {
                throw e; // not held by anyone: taking it failed, and the message says why
            }
            throw e.withAdvice(advice(holder, dialect));
        }
    }

    /** What is alive and how to end it, as far as the lock could tell when it was asked. */
    static String advice(Optional<LockHolder> holder, Dialect dialect) {
        if (holder.isEmpty()) {
            return "It belongs to a runner that is still alive: locks end with their runner, so none is ever left"
                    + " behind. Wait for it to finish, or stop it (" + dialect.stopLockHolder() + ").";
        }
        LockHolder alive = holder.get();
        if (alive.statement().isEmpty()) {
            return "It is still alive: locks end with their runner, so none is ever left behind. Wait for it to"
                    + " finish, or " + alive.howToEnd() + ".";
        }
        return "What is alive is its server session, running "
                + alive.statement().get()
                + alive.runningFor().map(time -> " for " + seconds(time)).orElse("")
                + ". Its runner may be alive, or may have been stopped: a server finishes a statement before it"
                + " notices that the client is gone, and only then ends the session and the lock with it. Wait"
                + " for it, or end it now: " + alive.howToEnd() + ".";
    }

    private static String seconds(Duration time) {
        // MySQL and MariaDB count in whole seconds.
        return time.toSeconds() > 0 ? time.toSeconds() + " s" : "less than a second";
    }
}
