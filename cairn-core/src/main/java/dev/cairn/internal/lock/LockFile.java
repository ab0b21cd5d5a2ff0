// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import dev.cairn.LockException;
import dev.cairn.internal.sql.TableName;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final ConcurrentHashMap<Path, FileChannel> PROBES = new ConcurrentHashMap<>();

    /**
     * SQLITE_READONLY, which a plain read on a read-only connection gets only when SQLite must write
     * first: for a hot journal it is SQLITE_READONLY_ROLLBACK
     * (https://www.sqlite.org/rescode.html#readonly_rollback); sqlite-jdbc reports the primary code.
     */
    private static final int READ_ONLY = 8;

    /** A read that every SQLite file answers, and that makes SQLite look for a hot journal first. */
    private static final String PROBE = "SELECT count(*) FROM sqlite_master";

    private static final String IN_THIS_PROCESS = "held by another runner in this process";

    /** The holder's pid and host, as {@link #me()} writes them. */
    private static final Pattern HOLDER_PID = Pattern.compile("^held by pid (\\d+) on (.+?), since ");

    private final Path file;
    private final String what;
    private ReentrantLock inProcess;
    private FileChannel channel;
    private FileLock held;

    /**
     * The lock of {@code table}'s database on {@code connection}: a lock file beside the database
     * file ({@code dev.sqlite3.cairn_migrations.lock}), or, for a database in memory, which no other
     * process can reach, the {@link TransactionLock}.
     */
    public static Lock besideDatabase(Connection connection, TableName table) {
        String file = databaseFile(connection, table.schema().orElse("main"));
        if (file == null || file.isEmpty()) {
            return new TransactionLock();
        }
        return new LockFile(Path.of(file + "." + table.table() + ".lock"), table.toString());
    }

    /** The file of the attached database {@code schema}; empty for one in memory; null if unknown. */
    private static String databaseFile(Connection connection, String schema) {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT file FROM pragma_database_list WHERE name = ?")) {
            query.setString(1, schema);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Undoes the write that a runner killed inside a transaction left in SQLite's hot journal (SIGKILL,
     * or Ctrl-C before it could roll back), so that {@code reading}, a read-only connection, can read.
     * SQLite refuses every read of a read-only connection while there is one, and rolls it back on the
     * first read of a connection that may write
     * (https://www.sqlite.org/atomiccommit.html#_hot_rollback_journals); so a cheap read on {@code
     * reading} tells, and if it is refused for that reason, a connection from {@code writer} reads once
     * and closes. What it undoes never committed: the database is as it was before that transaction.
     *
     * @return whether a hot journal was rolled back
     * @throws SQLException if there is one and it could not be rolled back (the user may not write)
     */
    public static boolean undoHotJournal(Connection reading, ConnectionOpener writer) throws SQLException {
        try (Statement probe = reading.createStatement()) {
            // The probe does not wait behind a writer that is committing (busy, not hot): the command's
            // own read then says that it waits, and for how long.
            int busyTimeout;
            try (ResultSet result = probe.executeQuery("PRAGMA busy_timeout")) {
                busyTimeout = result.next() ? result.getInt(1) : 0;
            }
            probe.execute("PRAGMA busy_timeout = 0");
            try {
                probe.executeQuery(PROBE).close();
                return false;
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xFF) != READ_ONLY) {
                    return false; // the command's own read reports it, with its own context
                }
            } finally {
                probe.execute("PRAGMA busy_timeout = " + busyTimeout);
            }
        }
        try (Connection undo = writer.open();
                Statement probe = undo.createStatement()) {
            probe.executeQuery(PROBE).close();
        }
        return true;
    }

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
        try {
            ReentrantLock inThisProcess = IN_PROCESS.computeIfAbsent(file, path -> new ReentrantLock());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            LockWait.acquire(
                    what,
                    timeout,
                    false,
                    block -> {
                        if (inProcess == null && inThisProcess.tryLock()) {
                            inProcess = inThisProcess;
                        }
                        return inProcess != null && (held = tryLock()) != null;
                    },
                    () -> inProcess == null ? IN_THIS_PROCESS : describeHolder(),
                    waiting);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            close();
            throw new LockException(
                    what,
                    "Could not take the migration lock file " + file + ": " + e.getMessage()
                            + ". Cairn needs to create and lock it beside the database file.");
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

    /**
     * Asks the operating system for a shared lock on the file, which only the holder's exclusive lock
     * refuses, and lets go at once; the file is opened for reading only, and not created.
     */
    @Override
    public Optional<LockHolder> holder() {
        ReentrantLock inThisProcess = IN_PROCESS.get(file);
        if (inThisProcess != null && inThisProcess.isLocked()) {
            return Optional.of(new LockHolder(IN_THIS_PROCESS, Optional.empty(), Optional.empty(), "wait for it"));
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            FileLock shared = probe(file).tryLock(0, Long.MAX_VALUE, true);
            if (shared != null) {
                shared.release();
                return Optional.empty();
            }
        } catch (OverlappingFileLockException e) {
            // Another channel of this JVM holds it: fall through to the file's words.
        } catch (IOException e) {
            return Optional.empty(); // cannot tell: the lock file cannot be read
        }
        String who = describeHolder();
        Matcher pid = HOLDER_PID.matcher(who);
        return Optional.of(new LockHolder(
                who,
                Optional.empty(),
                Optional.empty(),
                pid.find()
                        ? "end that process (kill " + pid.group(1) + " on " + pid.group(2) + ")"
                        : "end that process"));
    }

    /**
     * The channel that asks about {@code file}, opened once and never closed: on Linux, closing any channel
     * of a file releases every lock this JVM holds on it, also those taken through other channels.
     */
    private static FileChannel probe(Path file) throws IOException {
        FileChannel channel = PROBES.get(file);
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            FileChannel raced = PROBES.putIfAbsent(file, channel);
            if (raced != null && raced.isOpen()) {
                channel.close(); // nothing is locked through it yet
                channel = raced;
            } else if (raced != null) {
                PROBES.put(file, channel);
            }
        }
        return channel;
    }

    /** Who holds the lock, as the holder wrote it into the file. */
    private String describeHolder() {
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
