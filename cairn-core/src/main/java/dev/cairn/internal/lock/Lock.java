// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The migration lock: while a runner holds it, no other runner changes the same tracking table.
 * Taken before the tracking table is read, released (or dropped with the connection) at the end.
 */
public interface Lock extends AutoCloseable {

    /**
     * Takes the lock, waiting up to {@code timeout} for another runner to let go.
     *
     * @param timeout how long to wait
     * @param waiting told once, with a description of the holder, if the lock is taken when first asked
     * @throws dev.cairn.LockException if the lock is still held after {@code timeout}
     */
    void acquire(Duration timeout, Consumer<String> waiting);

    /**
     * Who holds the lock now, asked without taking it, waiting or writing anything, for read-only
     * commands ({@code status}, {@code validate}) and {@code unlock}.
     *
     * @return the holder; empty if the lock is free, or this kind of lock cannot tell without taking it
     * @throws SQLException if the database fails to answer
     */
    Optional<LockHolder> holder() throws SQLException;

    /**
     * Checks, as the first statement of the transaction that does the work, that the lock still guards
     * it: through a pooler that hands each transaction to another server session, a session-level lock
     * may not (see {@link AdvisoryLock}). Locks that cannot be split from their work check nothing.
     *
     * @param defaultSchema the default schema for unqualified names that the connection was given, if any
     * @throws dev.cairn.LockException if the work would run unguarded; nothing was changed
     * @throws SQLException if the database fails to answer
     */
    default void confirm(Optional<String> defaultSchema) throws SQLException {}

    /** Releases the lock if held. Never throws: a lock that cannot be released dies with the session. */
    @Override
    void close();
}
