// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.LockException;
import dev.cairn.internal.sql.TableName;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's {@link LockFile} on a temporary file: the holder writes its pid, host and start into the
 * file; a second runner in the same JVM (another thread) waits, is told once, and gives up after
 * {@code lock-timeout} naming "another runner in this process"; a holder in another process is named
 * as it wrote itself into the file, which the waiter leaves alone; {@code close()} lets the next runner
 * in, also one already waiting; a lock file that cannot be created is a {@link LockException} that
 * says where. {@link LockFile#besideDatabase} puts the file beside the database file (the attached one
 * for a schema) and falls back to the {@link TransactionLock} for a database in memory.
 */
class LockFileTest extends SecondRunner {

    private static final String LOCK = "cairn_migrations";
    private static final Duration SHORT = Duration.ofMillis(200);

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    private LockFile lockFile() {
        return closedAfter(new LockFile(dir.resolve("app.sqlite3.cairn_migrations.lock"), LOCK));
    }

    /** Runs {@code task} on the other thread, as a second runner in this JVM would, and waits for it. */
    private <T> T onOtherThread(Callable<T> task) throws Exception {
        return otherThread.submit(task).get(10, TimeUnit.SECONDS);
    }

    /** Takes {@code lock} on the other thread; the lock exception it ends with, or null if it took it. */
    private LockException acquireOnOtherThread(Lock lock, Duration timeout) throws Exception {
        return onOtherThread(() -> catchThrowableOfType(LockException.class, () -> lock.acquire(timeout, told::add)));
    }

    /**
     * A lock on {@code file} as another process would hold it, having written {@code text} into it; a
     * channel of this JVM stands in for the process (the JVM reports the overlap with its own lock as
     * the operating system reports another process's lock). Closing the channel releases it.
     */
    private static FileChannel lockedByAnotherProcess(Path file, String text) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.lock();
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        return channel;
    }

    @Test
    void theHolderWritesItsPidHostAndStartIntoTheFile() throws IOException {
        lockFile().acquire(SHORT, told::add);

        String text = Files.readString(dir.resolve("app.sqlite3.cairn_migrations.lock"));
        assertThat(text)
                .matches("pid " + ProcessHandle.current().pid()
                        + " on .+, since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n");
        assertThat(told).isEmpty();
    }

    @Test
    void aSecondRunnerInThisProcessWaitsAndGivesUpNamingIt() throws Exception {
        lockFile().acquire(SHORT, told::add);

        LockException e = acquireOnOtherThread(lockFile(), SHORT);

        assertThat(e).isNotNull();
        assertThat(e.lock()).isEqualTo(LOCK);
        assertThat(e.holder()).contains("held by another runner in this process");
        assertThat(e.timeout()).contains(SHORT);
        assertThat(e)
                .hasMessageStartingWith("Another runner holds the migration lock on cairn_migrations (held by another"
                        + " runner in this process); gave up after");
        assertThat(told).containsExactly("held by another runner in this process");
    }

    @Test
    void closeLetsTheNextRunnerInAndMayBeCalledAgain() throws Exception {
        LockFile first = lockFile();
        first.acquire(SHORT, told::add);
        first.close();
        first.close();

        assertThat(acquireOnOtherThread(lockFile(), SHORT)).isNull();
        assertThat(told).isEmpty();
        lockFile().close(); // never taken: nothing to release
    }

    @Test
    void aRunnerThatIsWaitingTakesTheLockOnceTheHolderLetsGo() throws Exception {
        LockFile holder = lockFile();
        holder.acquire(SHORT, told::add);
        LockFile next = lockFile();
        Future<?> taken = waitingFor(next, Duration.ofSeconds(10));

        holder.close();

        taken.get(10, TimeUnit.SECONDS);
        assertThat(told).containsExactly("held by another runner in this process");
        assertThat(Files.readString(dir.resolve("app.sqlite3.cairn_migrations.lock")))
                .startsWith("pid " + ProcessHandle.current().pid() + " on ");
    }

    @Test
    void aHolderInAnotherProcessIsNamedAsItWroteItselfAndItsFileIsLeftAlone() throws Exception {
        Path file = dir.resolve("app.sqlite3.cairn_migrations.lock");
        String holder = "pid 4242 on build-host, since 2024-05-01T12:00:00Z\n";
        FileChannel other = lockedByAnotherProcess(file, holder);
        try {
            LockException e =
                    catchThrowableOfType(LockException.class, () -> lockFile().acquire(SHORT, told::add));

            assertThat(e.holder()).contains("held by pid 4242 on build-host, since 2024-05-01T12:00:00Z");
            assertThat(told).containsExactly("held by pid 4242 on build-host, since 2024-05-01T12:00:00Z");
            assertThat(Files.readString(file)).isEqualTo(holder);
        } finally {
            other.close(); // releases its lock
        }
        // The runner that gave up let go of this process's own lock on the file too.
        assertThat(acquireOnOtherThread(lockFile(), SHORT)).isNull();
    }

    @Test
    void aHolderThatWroteNothingIsAnotherProcess() throws Exception {
        FileChannel other = lockedByAnotherProcess(dir.resolve("app.sqlite3.cairn_migrations.lock"), "");
        try {
            LockException e =
                    catchThrowableOfType(LockException.class, () -> lockFile().acquire(SHORT, told::add));

            assertThat(e.holder()).contains("held by another process");
        } finally {
            other.close();
        }
    }

    @Test
    void aLockFileThatCannotBeCreatedSaysWhereAndWhy() {
        Path file = dir.resolve("no-such-directory").resolve("app.sqlite3.cairn_migrations.lock");
        LockFile lock = new LockFile(file, LOCK);

        LockException e = catchThrowableOfType(LockException.class, () -> lock.acquire(SHORT, told::add));

        assertThat(e.lock()).isEqualTo(LOCK);
        assertThat(e.holder()).isEmpty();
        assertThat(e)
                .hasMessageStartingWith("Could not take the migration lock file " + file + ": ")
                .hasMessageEndingWith(". Cairn needs to create and lock it beside the database file.");
    }

    @Test
    void besideDatabasePutsTheLockFileBesideTheDatabaseFile() throws SQLException, IOException {
        TestDatabase db = databases.create(Engine.SQLITE);
        Path databaseFile = Path.of(db.url().substring("jdbc:sqlite:".length()));
        Connection connection = closedAfter(db.connect());

        Lock lock = closedAfter(LockFile.besideDatabase(connection, TableName.of(null, "cairn_migrations")));
        lock.acquire(SHORT, told::add);

        assertThat(lock).isInstanceOf(LockFile.class);
        Path lockFile = Path.of(databaseFile + ".cairn_migrations.lock");
        assertThat(Files.readString(lockFile))
                .startsWith("pid " + ProcessHandle.current().pid() + " on ");
    }

    @Test
    void besideDatabaseUsesTheAttachedDatabasesFileForASchema() throws SQLException, IOException {
        Connection connection = closedAfter(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.sqlite3")));
        Path audit = dir.resolve("audit.sqlite3");
        try (Statement statement = connection.createStatement()) {
            statement.execute("ATTACH DATABASE '" + audit + "' AS audit");
        }

        Lock lock = closedAfter(LockFile.besideDatabase(connection, TableName.of("audit", "history")));
        lock.acquire(SHORT, told::add);

        assertThat(dir.resolve("audit.sqlite3.history.lock")).exists();
        assertThat(dir.resolve("app.sqlite3.history.lock")).doesNotExist();
    }

    /** No other process can reach a database in memory: its own write transaction is lock enough. */
    @Test
    void besideDatabaseFallsBackToTheTransactionLockForADatabaseInMemory() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Lock lock = LockFile.besideDatabase(connection, TableName.of(null, "cairn_migrations"));

            assertThat(lock).isInstanceOf(TransactionLock.class);
            lock.acquire(SHORT, told::add);
            lock.close();
        }
        assertThat(told).isEmpty();
    }
}
