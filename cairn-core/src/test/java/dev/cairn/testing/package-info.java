// SPDX-License-Identifier: Apache-2.0

/**
 * Real databases for Cairn's integration tests, shared with cairn-cli through cairn-core's test-jar.
 *
 * <p>A test class registers the {@link dev.cairn.testing.TestDatabases} extension and asks it for a
 * fresh database of an {@link dev.cairn.testing.Engine}; the extension drops every database a test
 * made when the test ends, passed or failed. Parameterise over the engines to run one scenario on each:
 *
 * <pre>{@code
 * @RegisterExtension
 * final TestDatabases databases = new TestDatabases();
 *
 * @ParameterizedTest
 * @EnumSource(Engine.class)
 * void appliesAMigration(Engine engine) {
 *     TestDatabase db = databases.create(engine);
 *     // hand db.url(), db.user(), db.password() to the code under test, then look:
 *     assertThat(db.tables()).contains("cairn_migrations");
 * }
 * }</pre>
 *
 * <p>Where the databases differ in data only (their SQL, what it reads as), one abstract scenario
 * holds the tests and a small {@code *IT} subclass per database supplies the engine and the data, as
 * {@code dev.cairn.internal.schema.SchemaSnapshotScenario} does. Outside a JUnit test, or to drop a
 * database before the test ends, {@link dev.cairn.testing.TestDatabase#create(Engine)} in
 * try-with-resources does what the extension does.
 *
 * <p>Where the databases come from:
 * <ul>
 *   <li>SQLite: a file in a fresh temporary directory; always available.
 *   <li>PostgreSQL: {@code CAIRN_TEST_POSTGRES_URL} (an admin JDBC URL such as
 *       {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), else 127.0.0.1:5432 as
 *       {@code postgres}, else an embedded PostgreSQL 15 started once per JVM. With {@code CI=true}
 *       there is no embedded fallback: a missing server fails every PostgreSQL test.
 *   <li>MariaDB, which stands for MySQL too: {@code CAIRN_TEST_MARIADB_URL} (an admin JDBC URL that
 *       names no database, such as {@code jdbc:mariadb://127.0.0.1:3306/?user=root&password=secret};
 *       a MySQL server is reached through the same {@code jdbc:mariadb:} driver), else 127.0.0.1:3306
 *       as {@code root} with an empty password. There is no embedded MariaDB: without a server its
 *       tests are skipped, and with {@code CI=true} they fail. Test databases are
 *       {@code jdbc:mariadb://HOST:PORT/cairn_t_…}, in {@code utf8mb4}.
 *   <li>H2: a file database, {@code jdbc:h2:file:/tmp/cairn_t_…/cairn_t_…}, in a fresh temporary
 *       directory, user {@code sa} without a password; always available. It is a file, not an
 *       in-memory database, so that a child process (the CLI tests run the {@code cairn} jar) can open
 *       it once the test has closed its own connections.
 * </ul>
 *
 * <p>Names of tables and columns are answered in lower case on every engine (H2 stores unquoted names
 * in upper case), so one assertion such as {@code contains("users")} holds on all four.
 *
 * <p>Both variables take {@code user} and {@code password} as parameters (or as {@code USER:PASSWORD@}
 * before the host), percent-encoded where they hold {@code &}, {@code @}, {@code /} or {@code %}; the
 * tests hand them to the code under test separately, never inside a URL, so no password is printed.
 *
 * <p>Outside CI, when an engine cannot be had at all, its tests are skipped and
 * {@link dev.cairn.testing.TestRunSummary} ends the run with a banner naming the suites that did not
 * run, why, and how to enable them. Test classes must be named {@code *IT} to run in failsafe.
 *
 * <p>{@link dev.cairn.testing.JavaBuild} makes what an application's build would: Java migrations
 * compiled at test time against cairn-core, and plain or Spring Boot jars of them.
 * {@link dev.cairn.testing.OtherTools} makes what other migration tools would: the history tables that
 * Flyway, Liquibase and Knex really write, for the tests of {@code cairn import}.
 */
package dev.cairn.testing;
