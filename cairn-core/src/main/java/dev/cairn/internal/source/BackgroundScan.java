// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Reads the migrations (directories, class path) on a thread of its own while the command connects: reading and
 * checksumming the files and opening a connection take about as long as each other, and neither needs
 * the other. Errors come out as they would without the overlap: a bad file is reported before a
 * connection that failed, because the files were always read first.
 */
public final class BackgroundScan {

    private final FutureTask<MigrationDirectory.Scan> task;
    private final boolean everyFile;

    private BackgroundScan(FutureTask<MigrationDirectory.Scan> task, boolean everyFile) {
        this.task = task;
        this.everyFile = everyFile;
    }

    /** Starts reading the migrations of {@code sources}; a bad file fails {@link #migrations()}. */
    public static BackgroundScan start(MigrationSources sources) {
        return start(sources, false);
    }

    /**
     * Starts reading the migrations of {@code sources} for a command that reports every bad file instead of failing on
     * the first ({@code status}): {@link #migrations()} holds the usable ones, {@link #scan()} also the
     * bad files (see {@link MigrationDirectory#scanAll}).
     */
    public static BackgroundScan startAll(MigrationSources sources) {
        return start(sources, true);
    }

    private static BackgroundScan start(MigrationSources sources, boolean everyFile) {
        FutureTask<MigrationDirectory.Scan> task = new FutureTask<>(sources::scanAll);
        Thread thread = new Thread(task, "cairn-scan");
        thread.setDaemon(true); // an exiting JVM need not wait for files nobody will look at
        thread.start();
        return new BackgroundScan(task, everyFile);
    }

    /**
     * Runs {@code connect} meanwhile. If it fails, a failure of the scan wins, as it would if the scan
     * had come first.
     */
    public <S> S whileConnecting(Supplier<S> connect) {
        try {
            return connect.get();
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
}
