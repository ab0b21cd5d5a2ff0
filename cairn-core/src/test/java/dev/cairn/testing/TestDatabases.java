// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that hands out fresh test databases and drops each one when its test ends,
 * whether the test passed or failed, so that a test never closes a database itself:
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
 * <p>A database made during a test (in the test method or a {@code @BeforeEach} method) is dropped
 * after that test, once its {@code @AfterEach} methods have run. One made outside a test (in a
 * {@code @BeforeAll} method, with the extension in a {@code static} field or under
 * {@code @TestInstance(PER_CLASS)}) is shared by the class's tests and dropped after the last of them.
 * The databases are dropped in the reverse order of their making, each with {@link TestDatabase#close()}.
 *
 * <p>The tests of one class must run one at a time (JUnit's default): a database is the current
 * test's, not a thread's.
 */
public final class TestDatabases implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    // Newest first, so that a database made from another is dropped before it.
    private final Deque<TestDatabase> ofTheTest = new ArrayDeque<>();
    private final Deque<TestDatabase> ofTheClass = new ArrayDeque<>();
    private boolean inATest;

    /** Creates the extension; register it with {@code @RegisterExtension}. */
    public TestDatabases() {}

    /**
     * Makes a new, empty database of {@code engine} (as {@link TestDatabase#create(Engine)} does) that
     * this extension drops when the test (or, if made outside a test, the class) ends.
     *
     * @throws EngineUnavailableException (JUnit reports the test as skipped) when the engine cannot
     *     be had on this machine and this is not CI
     * @throws MissingServerException when the engine's server is required but cannot be reached
     */
    public TestDatabase create(Engine engine) {
        TestDatabase db = TestDatabase.create(engine);
        synchronized (this) {
            (inATest ? ofTheTest : ofTheClass).push(db);
        }
        return db;
    }

    /** Marks the start of a test, so that the databases made from here on are the test's. */
    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        inATest = true;
    }

    /**
     * Drops every database made during the test that just ended.
     *
     * @throws IllegalStateException from {@link TestDatabase#close()} if a database could not be
     *     dropped, after trying all of them; JUnit adds it to the test's own failure, if any
     */
    @Override
    public void afterEach(ExtensionContext context) {
        List<TestDatabase> made;
        synchronized (this) {
            inATest = false;
            made = takeAll(ofTheTest);
        }
        drop(made);
    }

    /**
     * Drops every database made outside the class's tests.
     *
     * @throws IllegalStateException from {@link TestDatabase#close()} if a database could not be
     *     dropped, after trying all of them
     */
    @Override
    public void afterAll(ExtensionContext context) {
        List<TestDatabase> made;
        synchronized (this) {
            made = takeAll(ofTheClass);
        }
        drop(made);
    }

    private static List<TestDatabase> takeAll(Deque<TestDatabase> databases) {
        List<TestDatabase> all = new ArrayList<>(databases);
        databases.clear();
        return all;
    }

    /** Closes every database, even after one fails; the first failure is thrown with the others attached. */
    private static void drop(List<TestDatabase> databases) {
        IllegalStateException failure = null;
        for (TestDatabase db : databases) {
            try {
                db.close();
            } catch (IllegalStateException e) {
                // A database that could not be dropped stays open, so the end-of-run sweep tries again.
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
