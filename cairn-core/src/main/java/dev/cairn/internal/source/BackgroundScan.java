// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.internal.sql.SplitRules;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reads the migrations (directories, class path) on a thread of its own while the command connects and
 * reads the tracking table: reading and checksumming the files and opening a connection take about as
 * long as each other, and neither needs the other. Errors come out as they would without the overlap:
 * a bad file is reported before a connection that failed, because the files were always read first.
 */
public final class BackgroundScan {

    private final FutureTask<MigrationDirectory.Scan> task;
    private final boolean everyFile;
    private final Checksums checksums;

    private BackgroundScan(FutureTask<MigrationDirectory.Scan> task, boolean everyFile, Checksums checksums) {
        this.task = task;
        this.everyFile = everyFile;
        this.checksums = checksums;
    }

    /**
     * Starts reading the migrations of {@code sources}; a bad file fails {@link #migrations()}. With
     * {@code rules} (the database's, when its URL tells them before it connects), the scan also works
     * out each migration's checksums, which the command will compare: those that {@code cache} holds
     * are taken from it, and it is saved once all are known.
     */
    public static BackgroundScan start(MigrationSources sources, Optional<SplitRules> rules, ChecksumCache cache) {
        return start(sources, rules, cache, false);
    }

    /**
     * Starts reading the migrations of {@code sources} for a command that reports every bad file instead of failing on
     * the first ({@code status}): {@link #migrations()} holds the usable ones, {@link #scan()} also the
     * bad files (see {@link MigrationDirectory#scanAll}).
     */
    public static BackgroundScan startAll(MigrationSources sources, Optional<SplitRules> rules, ChecksumCache cache) {
        return start(sources, rules, cache, true);
    }

    private static BackgroundScan start(
            MigrationSources sources, Optional<SplitRules> rules, ChecksumCache cache, boolean everyFile) {
        Checksums checksums = rules.map(known -> new Checksums(known, cache)).orElse(null);
        FutureTask<MigrationDirectory.Scan> task = new FutureTask<>(() -> {
            MigrationDirectory.Scan scan;
            try {
                scan = sources.scanAll();
            } catch (RuntimeException | Error e) {
                if (checksums != null) {
                    checksums.read(List.of()); // nothing to work out: the waiting thread goes on to the failure
                }
                throw e;
            }
            if (checksums != null) {
                checksums.read(scan.migrations());
                checksums.workOut();
            }
            return scan;
        });
        Thread thread = new Thread(task, "cairn-scan");
        thread.setDaemon(true); // an exiting JVM need not wait for files nobody will look at
        thread.start();
        return new BackgroundScan(task, everyFile, checksums);
    }

    /**
     * Runs {@code work} (connecting, reading the tracking table) meanwhile. If it fails, a failure of
     * the scan wins, as it would if the scan had come first.
     */
    public <S> S meanwhile(Supplier<S> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            MigrationDirectory.Scan scan = scan();
            if (!scan.errors().isEmpty()) {
                throw scan.errors().get(0).error(); // also for startAll: without a connection, a bad file is news
            }
            throw e;
        }
    }

    /**
     * The migrations, once read; throws what the scan threw, and, unless started with
     * {@link #startAll}, the first bad file's error.
     */
    public List<Migration> migrations() {
        MigrationDirectory.Scan scan = scan();
        if (!everyFile && !scan.errors().isEmpty()) {
            throw scan.errors().get(0).error();
        }
        return scan.migrations();
    }

    /** The usable migrations and every bad file, once read; throws what the scan threw (no directory). */
    public MigrationDirectory.Scan scan() {
        boolean interrupted = false;
        try {
            if (checksums != null) {
                interrupted = checksums.help();
            }
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // The scan is short and has no way to be cancelled half-way: wait for it, keep the flag.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Reading the migrations failed", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The checksums that the scan works out once the files are read, handed out a migration at a
     * time to the scan's thread and to the thread that waits for the scan, which has nothing else to
     * do by then: on two cores, the wait is half as long.
     */
    private static final class Checksums {
        private final SplitRules rules;
        private final ChecksumCache cache;
        private final CountDownLatch read = new CountDownLatch(1);
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private List<Migration> migrations = List.of();

        Checksums(SplitRules rules, ChecksumCache cache) {
            this.rules = rules;
            this.cache = cache;
        }

        /** The migrations read (the first call counts); the waiting thread may help from now on. */
        synchronized void read(List<Migration> read) {
            if (this.read.getCount() > 0) {
                migrations = read;
                this.read.countDown();
            }
        }

        /**
         * Works out the checksums that no thread has taken yet; the thread that works out the last one
         * saves the cache, before the scan's result is handed out (so no process ends half-way through).
         */
        void workOut() {
            List<Migration> all;
            synchronized (this) {
                all = migrations;
            }
            for (int i = next.getAndIncrement(); i < all.size(); i = next.getAndIncrement()) {
                all.get(i).checksums(rules, cache);
                if (done.incrementAndGet() == all.size()) {
                    cache.save();
                }
            }
        }

        /** Waits until the files are read and helps work out the checksums; whether it was interrupted. */
        boolean help() {
            boolean interrupted = false;
            while (true) {
                try {
                    read.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // as for the scan: short, and it cannot be cancelled half-way
                }
            }
            workOut();
            return interrupted;
        }
    }
}
