// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;

/**
 * What every lock test shares: a thread for a second runner in this JVM, what the waiting runners
 * were told, and what a test opened, closed after it newest first.
 */
abstract class SecondRunner {

    final List<String> told = Collections.synchronizedList(new ArrayList<>());
    final ExecutorService otherThread = Executors.newSingleThreadExecutor();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Closes {@code closeable} after the test; returns it. */
    <T extends AutoCloseable> T closedAfter(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @AfterEach
    void closeEverything() throws Exception {
        otherThread.shutdownNow();
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    /**
     * Starts taking {@code next} on the other thread and returns once it waits, that is once it was told
     * who holds the lock; the future ends when it has the lock.
     */
    Future<?> waitingFor(Lock next, Duration timeout) throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        Future<?> taken = otherThread.submit(() -> {
            next.acquire(timeout, who -> {
                told.add(who);
                waiting.countDown();
            });
            return null;
        });
        waiting.await();
        return taken;
    }
}
