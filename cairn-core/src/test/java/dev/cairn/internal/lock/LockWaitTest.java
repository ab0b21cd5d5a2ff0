// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.LockException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link LockWait}, the one wait loop of every lock, with tries and holders made up in the test: a
 * free lock is taken on the first try, which is never asked to wait; a taken lock is waited for,
 * with {@code waiting} told exactly once, with the holder; after {@code lock-timeout} the loop gives
 * up with a {@link LockException} whose fields name the lock, the last holder seen and the timeout,
 * and whose message says what to do; a blocking try is handed zero first, then at most
 * {@link LockWait#MAX_BLOCK} and never more than is left; an interrupt ends the wait at once with the
 * interrupt flag kept; and a failing try or holder query is not mistaken for a held lock.
 */
class LockWaitTest {

    private static final String LOCK = "cairn_migrations";

    /** A made-up try: false {@code busyTries} times, then true; it never waits itself. */
    private static final class Tries {
        final List<Duration> blocks = Collections.synchronizedList(new ArrayList<>());
        private final int busyTries;

        Tries(int busyTries) {
            this.busyTries = busyTries;
        }

        boolean take(Duration block) {
            blocks.add(block);
            return blocks.size() > busyTries;
        }
    }

    private final List<String> told = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aFreeLockIsTakenOnTheFirstTryWithoutWaitingOrAskingWhoHoldsIt() {
        Tries tries = new Tries(0);
        AtomicBoolean asked = new AtomicBoolean();

        LockWait.acquire(
                LOCK,
                Duration.ofSeconds(1),
                true,
                tries::take,
                () -> {
                    asked.set(true);
                    return "nobody";
                },
                told::add);

        assertThat(tries.blocks).containsExactly(Duration.ZERO);
        assertThat(asked).isFalse();
        assertThat(told).isEmpty();
    }

    @Test
    void aTakenLockIsWaitedForTellingWaitingOnceWithTheHolder() {
        Tries tries = new Tries(3);

        LockWait.acquire(LOCK, Duration.ofSeconds(10), false, tries::take, () -> "held by pid 42", told::add);

        assertThat(told).containsExactly("held by pid 42");
        assertThat(tries.blocks).hasSize(4).containsOnly(Duration.ZERO); // a polling try is never asked to wait
    }

    @Test
    void givesUpAfterTheTimeoutWithTheHolderTheTimeoutAndWhatToDo() {
        Duration timeout = Duration.ofSeconds(1);
        long started = System.nanoTime();

        LockException e = catchThrowableOfType(
                LockException.class,
                () -> LockWait.acquire(LOCK, timeout, false, block -> false, () -> "held by pid 42", told::add));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(timeout);
        assertThat(e.lock()).isEqualTo(LOCK);
        assertThat(e.holder()).contains("held by pid 42");
        assertThat(e.timeout()).contains(timeout);
        assertThat(e.situation())
                .isEqualTo("Another runner holds the migration lock on cairn_migrations (held by pid 42)");
        assertThat(e)
                .hasMessage("Another runner holds the migration lock on cairn_migrations (held by pid 42); gave up"
                        + " after 1s (lock-timeout). Run again when it has finished, or raise lock-timeout.");
        assertThat(told).containsExactly("held by pid 42"); // once, however many tries
    }

    @Test
    void theHolderNamedOnGivingUpIsTheLastOneSeen() {
        AtomicInteger asked = new AtomicInteger();

        LockException e = catchThrowableOfType(
                LockException.class,
                () -> LockWait.acquire(
                        LOCK,
                        Duration.ofMillis(200),
                        false,
                        block -> false,
                        () -> "held by runner " + asked.incrementAndGet(),
                        told::add));

        assertThat(told).containsExactly("held by runner 1");
        assertThat(asked.get()).isGreaterThan(1);
        assertThat(e.holder()).contains("held by runner " + asked.get());
    }

    @Test
    void aBlockingTryIsHandedZeroFirstThenAtMostMaxBlock() {
        Tries tries = new Tries(3);

        LockWait.acquire(LOCK, Duration.ofHours(1), true, tries::take, () -> "held by pid 42", told::add);

        assertThat(tries.blocks)
                .containsExactly(Duration.ZERO, LockWait.MAX_BLOCK, LockWait.MAX_BLOCK, LockWait.MAX_BLOCK);
        assertThat(told).containsExactly("held by pid 42");
    }

    /** The try stands in for {@code GET_LOCK}, which waits on the server for the time it is handed. */
    @Test
    void aBlockingTryIsNeverHandedMoreThanIsLeft() {
        Duration timeout = Duration.ofMillis(300);
        List<Duration> blocks = Collections.synchronizedList(new ArrayList<>());

        LockException e = catchThrowableOfType(
                LockException.class,
                () -> LockWait.acquire(
                        LOCK,
                        timeout,
                        true,
                        block -> {
                            blocks.add(block);
                            Thread.sleep(block.toMillis());
                            return false;
                        },
                        () -> "held by pid 42",
                        told::add));

        assertThat(blocks).first().isEqualTo(Duration.ZERO);
        assertThat(blocks.subList(1, blocks.size()))
                .isNotEmpty()
                .allSatisfy(block -> assertThat(block).isPositive().isLessThanOrEqualTo(timeout));
        assertThat(e.timeout()).contains(timeout);
    }

    @Test
    void anInterruptEndsTheWaitAtOnceAndKeepsTheInterruptFlag() throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread runner = new Thread(() -> {
            try {
                LockWait.acquire(LOCK, Duration.ofMinutes(10), false, block -> false, () -> "held by pid 42", who -> {
                    waiting.countDown();
                });
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        runner.start();
        waiting.await();

        runner.interrupt();
        runner.join();

        assertThat(thrown.get())
                .isInstanceOfSatisfying(LockException.class, e -> {
                    assertThat(e.lock()).isEqualTo(LOCK);
                    assertThat(e.holder()).isEmpty();
                    assertThat(e.timeout()).isEmpty();
                })
                .hasMessage("Interrupted while waiting for the migration lock on cairn_migrations.");
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void aFailingTryOrHolderQueryIsThrownAsItIs() {
        SQLException broken = new SQLException("connection reset");

        assertThatThrownBy(() -> LockWait.acquire(
                        LOCK,
                        Duration.ofSeconds(1),
                        true,
                        block -> {
                            throw broken;
                        },
                        () -> "held by pid 42",
                        told::add))
                .isSameAs(broken);
        assertThatThrownBy(() -> LockWait.acquire(
                        LOCK,
                        Duration.ofSeconds(1),
                        true,
                        block -> false,
                        () -> {
                            throw broken;
                        },
                        told::add))
                .isSameAs(broken);
        assertThat(told).isEmpty();
    }

    /** lock-timeout may be written in milliseconds ({@code 500ms}); the message says it as it was written. */
    @Test
    void aSubSecondTimeoutIsReportedAsItWasWritten() {
        LockException e = catchThrowableOfType(
                LockException.class,
                () -> LockWait.acquire(
                        LOCK, Duration.ofMillis(500), false, block -> false, () -> "held by pid 42", told::add));

        assertThat(e).hasMessageContaining("gave up after 500ms (lock-timeout)");
    }

    /**
     * A blocking try (MySQL's {@code GET_LOCK}, H2's {@code LOCK_TIMEOUT}) never sleeps in the loop, yet an
     * interrupted runner stops waiting and says so, rather than waiting out lock-timeout and blaming
     * another runner.
     */
    @Test
    void anInterruptAlsoEndsABlockingWait() {
        Thread.currentThread().interrupt();
        try {
            LockException e = catchThrowableOfType(
                    LockException.class,
                    () -> LockWait.acquire(
                            LOCK, Duration.ofMillis(300), true, block -> false, () -> "held by pid 42", told::add));

            assertThat(e).hasMessage("Interrupted while waiting for the migration lock on cairn_migrations.");
        } finally {
            Thread.interrupted();
        }
    }
}
