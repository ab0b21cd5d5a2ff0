// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How one {@link Engine} makes and drops test databases. One instance per engine per JVM (see
 * {@link Engine#backend()}), so whatever it discovers or starts is shared by every test in the JVM.
 *
 * <p>Invariant: every database this backend made and has not yet dropped is in {@link #open()}, so
 * that the end-of-run summary can drop the ones a test forgot to close and name them.
 */
abstract class Backend {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    // Names go into SQL unquoted, so they must stay plain lower-case identifiers.
    private static final Pattern NAME = Pattern.compile("cairn_t_[a-z0-9]{12}");

    private final Engine engine;
    private final Set<TestDatabase> open = ConcurrentHashMap.newKeySet();

    Backend(Engine engine) {
        this.engine = engine;
    }

    final Engine engine() {
        return engine;
    }

    /**
     * Makes a new, empty database with a fresh name.
     *
     * @throws EngineUnavailableException (a JUnit abort) if this engine cannot be had on this machine
     * @throws MissingServerException if a server is required (CI, or configured) but cannot be reached
     */
    final TestDatabase create() {
        TestDatabase db = newDatabase(newName());
        open.add(db);
        return db;
    }

    /** Drops the database; dropping one that is already gone is not an error. */
    final void drop(TestDatabase db) throws Exception {
        dropDatabase(db);
        open.remove(db);
    }

    /** Returns the databases made and not yet dropped. */
    final List<TestDatabase> open() {
        return List.copyOf(open);
    }

    /** Makes the database called {@code name}, which matches {@code cairn_t_[a-z0-9]{12}}. */
    abstract TestDatabase newDatabase(String name);

    /** Removes the database and everything it left on disk. */
    abstract void dropDatabase(TestDatabase db) throws Exception;

    /** Returns a query whose single column lists the names of the user's tables in the database. */
    abstract String tablesQuery();

    /** Returns one line for the end of the run saying what served this engine, if that is news. */
    abstract Optional<String> servedBy();

    /**
     * Returns a fresh database name: {@link TestDatabase#NAME_PREFIX} and 12 random characters, so
     * concurrent runs on one server never collide and leaked databases are recognisable.
     */
    static String newName() {
        StringBuilder name = new StringBuilder(TestDatabase.NAME_PREFIX);
        for (int i = 0; i < 12; i++) {
            name.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        String result = name.toString();
        if (!NAME.matcher(result).matches()) {
            throw new IllegalStateException("bad test database name " + result);
        }
        return result;
    }
}
