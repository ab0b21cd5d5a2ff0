// SPDX-License-Identifier: Apache-2.0

/**
 * Real databases for Cairn's integration tests, shared with cairn-cli through cairn-core's test-jar.
 *
 * <p>A test asks for a fresh database of an {@link dev.cairn.testing.Engine} and drops it by closing
 * it; parameterise over the engines to run one scenario on each:
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(Engine.class)
 * void appliesAMigration(Engine engine) {
 *     try (TestDatabase db = TestDatabase.create(engine)) {
 *         // hand db.url(), db.user(), db.password() to the code under test, then look:
 *         assertThat(db.tables()).contains("cairn_migrations");
 *     }
 * }
 * }</pre>
 *
 * <p>Where the databases come from:
 * <ul>
 *   <li>SQLite: a file in a fresh temporary directory; always available.
 *   <li>PostgreSQL: {@code CAIRN_TEST_POSTGRES_URL} (an admin JDBC URL such as
 *       {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), else 127.0.0.1:5432 as
 *       {@code postgres}, else an embedded PostgreSQL 15 started once per JVM. With {@code CI=true}
 *       there is no embedded fallback: a missing server fails every PostgreSQL test.
 * </ul>
 *
 * <p>Outside CI, when an engine cannot be had at all, its tests are skipped and
 * {@link dev.cairn.testing.TestRunSummary} ends the run with a banner naming the suites that did not
 * run, why, and how to enable them. Test classes must be named {@code *IT} to run in failsafe.
 */
package dev.cairn.testing;
