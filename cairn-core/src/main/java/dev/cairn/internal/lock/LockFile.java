// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import dev.cairn.LockException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * SQLite's lock: an operating-system lock on a small file beside the database
 * ({@code dev.sqlite3.cairn_migrations.lock}), taken before the runner's first transaction and
 * held until the command ends, so that it also covers the moments between transactions (around a
 * {@code transaction:false} section), when SQLite's own write lock is free. The operating system
 * releases it when the process ends, however it ends, so a killed runner never leaves it behind;
 * the file stays, holding the last holder's pid, host and start time for a waiter to name.
 *
 * <p>An operating-system lock belongs to the whole process, so runners in one JVM (threads sharing
 * a file) also take an in-process lock per file first.
 */
public final class LockFile implements Lock {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final String what;
    private ReentrantLock inProcess;
    private FileChannel channel;
    private FileLock held;

    /**
     * Creates the lock; nothing is taken until {@link #acquire}.
     *
     * @param file the lock file
     * @param what the tracking table, for messages
     */
    public LockFile(Path file, String what) {
        this.file = file.toAbsolutePath().normalize();
        this.what = what;
    }

    @Override
    public void acquire(Duration timeout, Consumer<String> waiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        try {
            inProcess = IN_PROCESS.computeIfAbsent(file, path -> new ReentrantLock());
            if (!inProcess.tryLock()) {
                waiting.accept("held by another runner in this process");
                told = true;
                if (!inProcess.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    inProcess = null;
                    throw timedOut("another runner in this process", timeout);
                }
            }
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long pause = 20;
            while ((held = tryLock()) == null) {
                String holder = holder();
                if (!told) {
                    waiting.accept(holder);
                    told = true;
                }
                if (System.nanoTime() >= deadline) {
                    throw timedOut(holder, timeout);
                }
                Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                pause = Math.min(pause * 2, 250);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            close();
            throw new LockException("Could not take the migration lock file " + file + ": " + e.getMessage()
                    + ". Cairn needs to create and lock it beside the database file.");
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new LockException("Interrupted while waiting for the migration lock on " + what + ".");
        } catch (LockException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            if (held != null) {
                held.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // The operating system releases the lock with the file's last descriptor anyway.
        } finally {
            held = null;
            channel = null;
            if (inProcess != null && inProcess.isHeldByCurrentThread()) {
                inProcess.unlock();
            }
            inProcess = null;
        }
    }

    private FileLock tryLock() throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another channel of this JVM holds it
        }
    }

    private LockException timedOut(String holder, Duration timeout) {
        return new LockException("Another runner holds the migration lock on " + what + " (" + holder
                + "); gave up after " + timeout.toSeconds() + "s (lock-timeout). Run again when it has finished,"
                + " or raise lock-timeout.");
    }

    /** Who holds the lock, as the holder wrote it into the file. */
    private String holder() {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "held by another process" : "held by " + text;
        } catch (IOException e) {
            return "held by another process";
        }
    }

    private static String me() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "an unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
    }
}
