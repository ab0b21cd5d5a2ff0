// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A database product that Cairn's integration tests run against. Each engine knows, through its
 * backend, where its test databases come from (an embedded file, a local server, an embedded server)
 * and how to make and drop one.
 *
 * <p>Adding an engine is one constant here and one small backend class: a {@link ServerBackend}
 * subclass (a {@link ServerSpec} plus three SQL strings) for a server database, or a
 * {@link Backend} subclass for an embedded one.
 */
public enum Engine {
    /** SQLite, embedded: each test database is a file in a fresh temporary directory. */
    SQLITE("SQLite", SqliteBackend::new),
    /** PostgreSQL: a local or configured server, else an embedded one (see {@link PostgresBackend}). */
    POSTGRESQL("PostgreSQL", PostgresBackend::new),
    /**
     * MariaDB, and MySQL with it (one dialect in Cairn): a local or configured server, with no embedded
     * fallback (see {@link MariaDbBackend}).
     */
    MARIADB("MariaDB", MariaDbBackend::new),
    /** H2, embedded: each test database is a file database in a fresh temporary directory. */
    H2("H2", H2Backend::new);

    private final String displayName;
    private final Function<Engine, Backend> backendFactory;
    // Created on first use, so that a run that only needs SQLite never probes for a server.
    private Backend backend;

    Engine(String displayName, Function<Engine, Backend> backendFactory) {
        this.displayName = displayName;
        this.backendFactory = backendFactory;
    }

    /** Returns the product's name as users write it, e.g. {@code PostgreSQL}. */
    public String displayName() {
        return displayName;
    }

    /** Returns {@link #displayName()}, so that parameterised tests are named "[2] PostgreSQL". */
    @Override
    public String toString() {
        return displayName;
    }

    /** Returns this engine's backend, creating it once per JVM. */
    synchronized Backend backend() {
        if (backend == null) {
            backend = backendFactory.apply(this);
        }
        return backend;
    }

    /** Returns the backends that have been asked for in this JVM, in declaration order. */
    static List<Backend> backendsInUse() {
        List<Backend> used = new ArrayList<>();
        for (Engine engine : values()) {
            synchronized (engine) {
                if (engine.backend != null) {
                    used.add(engine.backend);
                }
            }
        }
        return used;
    }
}
