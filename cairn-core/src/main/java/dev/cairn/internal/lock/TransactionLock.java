// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lock for databases whose write transaction is itself exclusive (SQLite with
 * {@code BEGIN IMMEDIATE}): the session starts its transaction before reading the tracking table,
 * and waiting for another writer is the driver's busy timeout, which is set to {@code lock-timeout}.
 * So there is nothing more to take here.
 */
public final class TransactionLock implements Lock {

    @Override
    public void acquire(Duration timeout, Consumer<String> waiting) {
        // Taken by the session's BEGIN IMMEDIATE; see the class comment.
    }

    /** SQLite's write lock does not say who holds it; and a database in memory has no other runner. */
    @Override
    public Optional<LockHolder> holder() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // Released by the session's COMMIT or ROLLBACK.
    }
}
