// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.LockException;
import dev.cairn.internal.sql.TableName;
import dev.cairn.testing.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H2's {@link RowLock}, as {@code H2Dialect.lock} makes it, on an H2 file database with a connection
 * per runner: the lock table and its one row are created where missing (in the tracking table's
 * schema); a second runner waits, is told once, and gives up after {@code lock-timeout} naming the H2
 * session that holds the row; the lock survives the commits that the holder's migration DDL makes on
 * its own connection; closing lets the next runner in, also one already waiting; and a lock
 * connection that cannot be opened is a {@link LockException} that says why.
 */
class RowLockTest extends LockRunners {

    private static final Duration SHORT = Duration.ofMillis(300);

    /** How RowLock names the holder: H2's session id, user and start, from INFORMATION_SCHEMA.SESSIONS. */
    private static final String H2_SESSION =
            "held by H2 session \\d+ of SA, connected since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:.+";

    @BeforeEach
    void createDatabase() {
        createDatabase(Engine.H2);
    }

    private Lock lock() throws SQLException {
        return lock(connection(), TABLE);
    }

    @Test
    void createsTheLockTableAndItsOneRowWhereMissing() throws SQLException {
        assertThat(db.tables()).isEmpty();
        Lock first = lock();

        first.acquire(SHORT, told::add);
        first.close();
        lock().acquire(SHORT, told::add);

        assertThat(lock(connection(), TABLE)).isInstanceOf(RowLock.class);
        assertThat(db.tables()).containsExactly("cairn_migrations_lock");
        assertThat(db.query("SELECT id FROM cairn_migrations_lock")).containsExactly(Map.of("id", 1));
        assertThat(told).isEmpty();
    }

    @Test
    void theLockTableOfATableInASchemaIsInThatSchema() throws SQLException {
        lock(connection(), TableName.of("audit", "cairn_migrations")).acquire(SHORT, told::add);

        assertThat(db.query("SELECT TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME ="
                        + " 'CAIRN_MIGRATIONS_LOCK'"))
                .containsExactly(Map.of("table_schema", "AUDIT"));
    }

    @Test
    void aSecondRunnerGivesUpAfterTheTimeoutNamingTheH2SessionThatHoldsIt() throws SQLException {
        lock().acquire(SHORT, told::add);
        long started = System.nanoTime();

        LockException e = catchThrowableOfType(LockException.class, () -> lock().acquire(SHORT, told::add));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SHORT);
        assertThat(e.lock()).isEqualTo("cairn_migrations");
        assertThat(e.timeout()).contains(SHORT);
        assertThat(e.holder()).hasValueSatisfying(holder -> assertThat(holder).matches(H2_SESSION));
        assertThat(e)
                .hasMessageStartingWith(
                        "Another runner holds the migration lock on cairn_migrations (held by H2 session ");
        assertThat(told).containsExactly(e.holder().orElseThrow());
    }

    /** Why the row is locked on a connection of its own: each DDL statement of a migration commits. */
    @Test
    void theLockSurvivesTheCommitsOfTheHoldersMigrations() throws SQLException {
        Connection migrations = connection();
        lock(migrations, TABLE).acquire(SHORT, told::add);
        migrations.setAutoCommit(false);
        try (Statement statement = migrations.createStatement()) {
            statement.execute("CREATE TABLE users (id int)");
            statement.execute("INSERT INTO users VALUES (1)");
        }
        migrations.commit();

        LockException e = catchThrowableOfType(LockException.class, () -> lock().acquire(SHORT, told::add));

        assertThat(e).isNotNull();
        assertThat(e.holder()).isPresent();
    }

    @Test
    void afterTheHolderClosesTheNextRunnerTakesItWithoutWaiting() throws SQLException {
        Lock first = lock();
        first.acquire(SHORT, told::add);

        first.close();
        first.close();
        lock().acquire(SHORT, told::add);

        assertThat(told).isEmpty();
    }

    @Test
    void aRunnerThatIsWaitingTakesTheLockOnceTheHolderLetsGo() throws Exception {
        Lock holder = lock();
        holder.acquire(SHORT, told::add);
        Lock next = lock();
        Future<?> taken = waitingFor(next, Duration.ofSeconds(10));

        holder.close();

        taken.get(10, TimeUnit.SECONDS);
        assertThat(told).singleElement().asString().matches(H2_SESSION);
    }

    @Test
    void aLockConnectionThatCannotBeOpenedSaysWhy() {
        Lock lock = dialect.lock(null, TABLE, () -> {
            throw new SQLException("Connection is broken: \"session closed\"");
        });

        LockException e = catchThrowableOfType(LockException.class, () -> lock.acquire(SHORT, told::add));

        assertThat(e)
                .hasMessage("Could not take the migration lock on cairn_migrations: Connection is broken:"
                        + " \"session closed\"");
        assertThat(e.holder()).isEmpty();
        assertThat(e.timeout()).isEmpty();
        assertThat(told).isEmpty();
    }
}
