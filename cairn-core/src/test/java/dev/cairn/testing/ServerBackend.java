// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A backend whose test databases live on a server: found once per JVM by {@link Discovery}, then
 * {@code CREATE DATABASE} per test database through the server's admin address. A subclass gives
 * the {@link ServerSpec} and the SQL that differs per product, and ends the sessions that would keep
 * a drop waiting where the product's own drop cannot.
 *
 * <p>The discovery outcome, including a failure, is remembered: every later test fails or skips
 * the same way without probing again, and an embedded server is started at most once.
 */
abstract class ServerBackend extends Backend {
    private final ServerSpec spec;
    private final Map<String, String> env;
    private Discovery.Outcome outcome; // guarded by this
    private String failure; // guarded by this; a MissingServerException's message, once discovery threw

    ServerBackend(Engine engine, ServerSpec spec, Map<String, String> env) {
        super(engine);
        this.spec = spec;
        this.env = Map.copyOf(env);
    }

    /** Returns the SQL that makes the empty database {@code name}. */
    abstract String createSql(String name);

    /**
     * Returns the SQL that drops the database {@code name} if it exists; after {@link #beforeDrop},
     * also with sessions still open.
     */
    abstract String dropSql(String name);

    /**
     * Ends, on the admin connection, what would make {@link #dropSql} fail or wait for sessions a test
     * left open; by default nothing, for a product whose drop can end them itself.
     */
    void beforeDrop(Connection admin, String name) throws SQLException {}

    /**
     * Returns the server to use, discovering it on the first call.
     *
     * @throws MissingServerException when the server is required but cannot be reached
     * @throws EngineUnavailableException when it is not required and cannot be had
     */
    final synchronized Discovery.Found server() {
        if (outcome == null && failure == null) {
            try {
                outcome = Discovery.discover(spec, env);
            } catch (MissingServerException e) {
                failure = e.getMessage();
            }
        }
        if (failure != null) {
            // A new exception per test, so each failure's stack trace points at its own test.
            throw new MissingServerException(failure);
        }
        if (outcome instanceof Discovery.Unavailable unavailable) {
            throw new EngineUnavailableException(engine(), unavailable.reason(), unavailable.howToEnable());
        }
        return (Discovery.Found) outcome;
    }

    @Override
    final TestDatabase newDatabase(String name) {
        Discovery.Found server = server();
        try (Connection admin = server.admin().connect(new Properties());
                Statement statement = admin.createStatement()) {
            statement.execute(createSql(name));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create " + engine().displayName() + " database " + name + " on " + server.admin() + ": "
                            + e.getMessage(),
                    e);
        }
        ServerAddress address = server.admin().withDatabase(name);
        return new TestDatabase(this, name, address.url(), address.user(), address.password());
    }

    @Override
    final void dropDatabase(TestDatabase db) throws SQLException {
        try (Connection admin = server().admin().connect(new Properties());
                Statement statement = admin.createStatement()) {
            beforeDrop(admin, db.name());
            statement.execute(dropSql(db.name()));
        }
    }

    @Override
    final synchronized Optional<String> servedBy() {
        if (outcome instanceof Discovery.Found found) {
            return Optional.of(engine().displayName() + " tests ran on " + found.description());
        }
        // Skips and failures have their own, louder, output.
        return Optional.empty();
    }
}
