// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.LockException;
import dev.cairn.internal.sql.TableName;
import dev.cairn.testing.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session locks of the two servers, as their dialects make them: PostgreSQL's advisory lock
 * ({@link AdvisoryLock}) and MySQL's and MariaDB's named lock ({@link NamedLock}), each on a
 * connection per runner. A second runner gives up after {@code lock-timeout} naming the holder's
 * server session (its backend pid or connection id); the lock outlives the commits of the holder's
 * own transactions and DDL; closing lets the next runner in, also one already waiting; the lock
 * belongs to the tracking table, so another table's runner is not kept out, while the same table
 * named with or without its schema (database) is one lock.
 */
class ServerLockIT extends LockRunners {

    /**
     * A wait that gives up at once: MySQL's GET_LOCK waits in whole seconds, so less than a second
     * would be a second anyway.
     */
    private static Duration shortWait(Engine engine) {
        return engine == Engine.MARIADB ? Duration.ofSeconds(1) : Duration.ofMillis(300);
    }

    /** The server's name for the session of {@code connection}. */
    private static long session(Engine engine, Connection connection) throws SQLException {
        String sql = engine == Engine.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void aSecondRunnerGivesUpNamingTheHoldersSession(Engine engine) throws SQLException {
        createDatabase(engine);
        Connection holder = connection();
        lock(holder, TABLE).acquire(shortWait(engine), told::add);
        Lock second = lock(connection(), TABLE);

        LockException e = catchThrowableOfType(LockException.class, () -> second.acquire(shortWait(engine), told::add));

        String expected = engine == Engine.POSTGRESQL
                ? "held by PostgreSQL backend pid " + session(engine, holder) + ", "
                : "held by connection " + session(engine, holder) + " of user ";
        assertThat(e.lock()).isEqualTo("cairn_migrations");
        assertThat(e.timeout()).contains(shortWait(engine));
        assertThat(e.holder()).hasValueSatisfying(who -> assertThat(who).startsWith(expected));
        assertThat(told).containsExactly(e.holder().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void anyoneCanAskWhoHoldsTheLockWithoutTakingIt(Engine engine) throws Exception {
        createDatabase(engine);
        Lock asking = lock(connection(), TABLE);
        assertThat(asking.holder()).as("free").isEmpty();
        Connection holder = connection();
        lock(holder, TABLE).acquire(shortWait(engine), told::add);
        long session = session(engine, holder);
        String sleep = engine == Engine.POSTGRESQL ? "SELECT pg_sleep(5)" : "DO SLEEP(5)";
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<?> sleeping = executor.submit(() -> {
            try (Statement statement = holder.createStatement()) {
                statement.execute(sleep);
            }
            return null;
        });
        try {
            Thread.sleep(1500);

            LockHolder seen = asking.holder().orElseThrow();

            assertThat(seen.description())
                    .startsWith(
                            engine == Engine.POSTGRESQL
                                    ? "held by PostgreSQL backend pid " + session + ", user "
                                    : "held by connection " + session + " of user ");
            assertThat(seen.statement()).contains(sleep);
            assertThat(seen.runningFor())
                    .hasValueSatisfying(time -> assertThat(time).isPositive());
            assertThat(seen.howToEnd())
                    .isEqualTo(
                            engine == Engine.POSTGRESQL
                                    ? "SELECT pg_cancel_backend(" + session + ") stops its statement; SELECT"
                                            + " pg_terminate_backend(" + session
                                            + ") ends the session, and with it the lock"
                                    : "KILL QUERY " + session + " stops its statement; KILL " + session
                                            + " ends the session, and with it the lock");
            // Asking took nothing: the holder still has it, and the asker's session holds no lock.
            assertThat(asking.holder()).isPresent();
        } finally {
            sleeping.get(20, TimeUnit.SECONDS);
            executor.shutdown();
        }
        assertThat(told).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void theLockOutlivesTheHoldersCommitsAndDdl(Engine engine) throws SQLException {
        createDatabase(engine);
        Connection holder = connection();
        lock(holder, TABLE).acquire(shortWait(engine), told::add);
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.execute("CREATE TABLE users (id int)");
            statement.execute("INSERT INTO users VALUES (1)");
        }
        holder.commit();
        holder.setAutoCommit(true);

        LockException e = catchThrowableOfType(
                LockException.class, () -> lock(connection(), TABLE).acquire(shortWait(engine), told::add));

        assertThat(e).isNotNull();
        assertThat(e.holder()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void aRunnerThatIsWaitingTakesTheLockOnceTheHolderLetsGo(Engine engine) throws Exception {
        createDatabase(engine);
        Lock holder = lock(connection(), TABLE);
        holder.acquire(shortWait(engine), told::add);
        Lock next = lock(connection(), TABLE);
        Future<?> taken = waitingFor(next, Duration.ofSeconds(20));

        holder.close();
        holder.close();

        taken.get(20, TimeUnit.SECONDS);
        assertThat(told).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void theLockBelongsToTheTrackingTable(Engine engine) throws SQLException {
        createDatabase(engine);
        Connection holder = connection();
        lock(holder, TABLE).acquire(shortWait(engine), told::add);

        lock(connection(), TableName.of(null, "other_migrations")).acquire(shortWait(engine), told::add);
        assertThat(told).isEmpty();

        String schema = engine == Engine.POSTGRESQL ? holder.getSchema() : holder.getCatalog();
        LockException e = catchThrowableOfType(
                LockException.class,
                () -> lock(connection(), TableName.of(schema, "cairn_migrations"))
                        .acquire(shortWait(engine), told::add));
        assertThat(e)
                .as("%s.cairn_migrations is the same table, so the same lock", schema)
                .isNotNull();
        assertThat(e.lock()).isEqualTo(schema + ".cairn_migrations");
    }
}
