// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PgBouncer in front of a PostgreSQL test database, started for a test and stopped after it,
 * with one pooled database name per pool mode the test asks for. Its server connections are handed
 * round-robin ({@code server_round_robin = 1}), so that once {@link #warm} has opened two of them,
 * consecutive transactions of one client land on different server sessions, as they do on a busy
 * production pooler.
 *
 * <p>PgBouncer refuses to run as root; as root it runs as {@code postgres}. Without PgBouncer
 * installed, the test is skipped with the banner's note (how to install it), or fails under CI.
 */
public final class PgBouncer implements AutoCloseable {

    /** Where Debian's package puts it. */
    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/.*");

    private final Path directory;
    private final Process process;
    private final int port;
    private final TestDatabase database;

    private PgBouncer(Path directory, Process process, int port, TestDatabase database) {
        this.directory = directory;
        this.process = process;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts PgBouncer in front of {@code database}, serving it under each alias of {@code poolModes}
     * with that pool mode ({@code session}, {@code transaction}) and {@code poolSize} server connections.
     */
    public static PgBouncer start(TestDatabase database, Map<String, String> poolModes, int poolSize)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            String how = "install PgBouncer (Debian: apt-get install pgbouncer; .ci/run does)";
            if (Discovery.isCi(System.getenv())) {
                throw new MissingServerException("PgBouncer is not installed at " + BINARY + ": " + how + ".");
            }
            throw new EngineUnavailableException(Engine.POSTGRESQL, "PgBouncer is not installed at " + BINARY, how);
        }
        Matcher server = SERVER.matcher(database.url());
        if (!server.matches()) {
            throw new IllegalStateException("not a PostgreSQL server URL: " + database.url());
        }
        Path directory = Files.createTempDirectory("cairn-pgbouncer");
        // PgBouncer, running as postgres, writes its log and pid file here.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = freePort();
        StringBuilder ini = new StringBuilder("[databases]\n");
        String password =
                database.password() == null || database.password().isEmpty() ? "" : " password=" + database.password();
        poolModes.forEach((alias, mode) -> ini.append(alias)
                .append(" = host=")
                .append(server.group(1))
                .append(" port=")
                .append(server.group(2))
                .append(" dbname=")
                .append(database.name())
                .append(" user=")
                .append(database.user())
                .append(password)
                .append(" pool_mode=")
                .append(mode)
                .append(" pool_size=")
                .append(poolSize)
                .append('\n'));
        ini.append("[pgbouncer]\n")
                .append("listen_addr = 127.0.0.1\n")
                .append("listen_port = ")
                .append(port)
                .append('\n')
                .append("unix_socket_dir =\n")
                .append("auth_type = any\n")
                .append("server_round_robin = 1\n")
                // pgjdbc sends it at start-up; PgBouncer refuses a start-up parameter it does not know.
                .append("ignore_startup_parameters = extra_float_digits\n")
                .append("logfile = ")
                .append(directory.resolve("pgbouncer.log"))
                .append('\n');
        Path config = directory.resolve("pgbouncer.ini");
        Files.writeString(config, ini);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(BINARY.toString(), config.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("console.log").toFile())
                .start();
        PgBouncer bouncer = new PgBouncer(directory, process, port, database);
        bouncer.awaitListening();
        return bouncer;
    }

    /**
     * Starts PgBouncer with two aliases, {@code session} and {@code transaction}, each named after its
     * mode, of up to four server connections each: a fleet's default {@code parallel}, which holds its
     * connections for the whole run.
     */
    public static PgBouncer start(TestDatabase database) throws IOException, InterruptedException {
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put("session", "session");
        modes.put("transaction", "transaction");
        return start(database, modes, 4);
    }

    /** The JDBC URL of the pooled database {@code alias}. */
    public String url(String alias) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + alias;
    }

    /**
     * Makes the pool of {@code alias} open {@code sessions} server connections, by holding as many
     * transactions open at once; they stay in the pool afterwards.
     */
    public void warm(String alias, int sessions) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                // No named statements: they would stay on the server session for the next client to collide with.
                Connection connection = DriverManager.getConnection(
                        url(alias) + "?prepareThreshold=0", database.user(), database.password());
                held.add(connection);
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
            }
        } finally {
            for (Connection connection : held) {
                // Ended before the client goes: PgBouncer closes a server session left in a transaction.
                connection.rollback();
                connection.close();
            }
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer stopped at start: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("PgBouncer did not listen on port " + port + " within 10 s: " + log());
    }

    private String log() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("console.log", "pgbouncer.log")) {
            Path file = directory.resolve(name);
            if (Files.exists(file)) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Stops PgBouncer (and runuser, which started it) at once and removes its directory: SIGTERM would
     * have it wait two seconds for its clients, and nothing of a test's pooler needs to outlive it.
     */
    @Override
    public void close() throws IOException {
        // Under runuser, PgBouncer is its child: killed first, runuser reaps it and ends by itself, and no
        // zombie is left behind. Without runuser, the process is PgBouncer.
        List<ProcessHandle> children = process.children().toList();
        if (children.isEmpty()) {
            process.destroyForcibly();
        } else {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
