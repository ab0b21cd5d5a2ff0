// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.EnvironmentConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The training run behind the start-up cache that the {@code ./cairn} launcher keeps for each JDK
 * (a class-data sharing archive, or JDK 25's ahead-of-time cache): the JVM stores the classes this
 * run loads, already parsed and checked, with (on JDK 25) the call sites it linked and the profiles
 * of its methods, and later runs map them instead of loading them again. So it does what real
 * commands do, in-process and offline, in a temporary directory: the everyday commands on a project
 * of {@value #MIGRATIONS} migrations, on SQLite (the default) and on PostgreSQL ({@link
 * TrainingPostgres}, a stand-in), and a connection attempt to a MariaDB server that is not there.
 *
 * <p>For JDK 25's cache it leaves things out, as measured with a cold {@code status} of 1,000
 * migrations on PostgreSQL (bench/README.md): that cache loads every class it holds when the JVM
 * starts, about ten microseconds each, so a class that most commands never use (the H2 engine, the
 * rest of the drivers, {@code verify} and {@code schema}, help) costs every command more than it
 * saves the few that use it; and a project of a few migrations gave the JIT no profile of the loops
 * that a real project's thousand run, which made the same status 15 ms slower. A class-data sharing
 * archive (JDK 17 to 24) maps its classes only when they are used, so with {@value #EVERY_DATABASE}
 * (which the launcher gives there) the training also runs the commands on H2 and loads every class
 * of the server drivers.
 *
 * <p>Not a command: the launcher runs it as {@code java -cp cairn.jar dev.cairn.cli.StartupTraining}
 * with the JVM option that writes the cache at exit. It prints nothing and changes nothing outside
 * its temporary directory.
 */
public final class StartupTraining {

    /** How many migrations the training's project has. */
    static final int MIGRATIONS = 1000;

    /** The argument for an archive whose classes cost nothing until used: train on every database. */
    static final String EVERY_DATABASE = "--every-database";

    /** The argument, followed by a directory, that writes SQLite's native library there ({@link SqliteLibrary}). */
    static final String SQLITE_LIBRARY = "--sqlite-library";

    /** The server drivers' packages, in the jar; with {@link #EVERY_DATABASE} their classes are loaded. */
    private static final List<String> SERVER_DRIVER_PACKAGES = List.of("org/postgresql/", "org/mariadb/jdbc/");

    private StartupTraining() {}

    /**
     * Runs the training.
     *
     * @param args {@value #EVERY_DATABASE}, {@value #SQLITE_LIBRARY} {@code DIRECTORY}, both or neither
     * @throws IOException if the temporary directory cannot be made or removed, or the library not written
     */
    public static void main(String[] args) throws IOException {
        List<String> arguments = List.of(args);
        boolean everyDatabase = arguments.contains(EVERY_DATABASE);
        int library = arguments.indexOf(SQLITE_LIBRARY);
        if (library >= 0 && library + 1 < args.length) {
            SqliteLibrary.writeInto(Path.of(args[library + 1]));
        }
        Path directory = Files.createTempDirectory("cairn-training");
        try {
            train(directory, everyDatabase); // a command that failed trains less, but trains
        } finally {
            delete(directory);
        }
        if (everyDatabase) {
            loadServerDrivers();
        }
    }

    /**
     * Runs the training's commands in {@code directory}.
     *
     * @return the command lines among them that failed, which a test expects to be none
     */
    static List<String> train(Path directory, boolean everyDatabase) throws IOException {
        // The commands keep their checksums in a cache directory of their own, as the launcher's do, so
        // that the cache's paths are trained too (from a jar only: ChecksumCache).
        String cache = System.getProperty(Invocation.CACHE_PROPERTY);
        System.setProperty(Invocation.CACHE_PROPERTY, directory.resolve("cache").toString());
        try {
            return trainCommands(directory, everyDatabase);
        } finally {
            if (cache == null) {
                System.clearProperty(Invocation.CACHE_PROPERTY);
            } else {
                System.setProperty(Invocation.CACHE_PROPERTY, cache);
            }
        }
    }

    private static List<String> trainCommands(Path directory, boolean everyDatabase) throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        List<String> failed = new ArrayList<>();
        run(directory, quiet, failed, "init");
        run(directory, quiet, failed, "make", "create_things");
        Path migrations = directory.resolve(EnvironmentConfig.DEFAULT_MIGRATIONS_DIRECTORY);
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        for (int i = 1; i <= MIGRATIONS; i++) {
            Files.writeString(
                    migrations.resolve(String.format("2026010100%04d_create_things_%d.sql", i, i)),
                    "-- Things, part " + i + ".\n-- migrate:up\nCREATE TABLE things_" + i
                            + " (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
                            + "INSERT INTO things_" + i + " (id, name) VALUES (1, 'a');\n"
                            + "-- migrate:down\nDROP TABLE things_" + i + ";\n");
        }
        String lastOfFirstBatch = String.format("2026010100%04d", MIGRATIONS - 2);
        for (List<String> command : List.of(
                List.of("status"),
                List.of("migrate", "--dry-run"),
                List.of("migrate", "--to", lastOfFirstBatch),
                List.of("migrate"),
                List.of("status"),
                List.of("--json", "status"),
                List.of("validate"),
                List.of("rollback"),
                List.of("up"),
                List.of("--json", "down"),
                List.of("migrate"),
                List.of("unlock"))) {
            run(directory, quiet, failed, command.toArray(String[]::new));
        }
        trainPostgres(directory, quiet, failed);
        // The paths up to a refused connection (which fails, as it should); a port that no server
        // listens on answers at once.
        Main.run(directory, Map.of(), quiet, quiet, "--url", "jdbc:mariadb://127.0.0.1:1/training", "status");
        if (everyDatabase) {
            String[] h2 = {"--url", "jdbc:h2:mem:training;DB_CLOSE_DELAY=-1"};
            for (List<String> command : List.of(
                    List.of("migrate"),
                    List.of("status"),
                    List.of("--json", "status"),
                    List.of("schema"),
                    List.of("verify", "--pending"),
                    List.of("rollback"),
                    List.of("status", "--help"))) {
                run(
                        directory,
                        quiet,
                        failed,
                        Stream.concat(Stream.of(h2), command.stream()).toArray(String[]::new));
            }
        }
        return failed;
    }

    /**
     * The commands that only read, on PostgreSQL: on {@link TrainingPostgres}, which serves the
     * tracking table of the SQLite database above, so that every row matches a file.
     */
    private static void trainPostgres(Path directory, PrintStream quiet, List<String> failed) throws IOException {
        TrainingPostgres.Table history;
        try (Connection sqlite =
                DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(InitCommand.DEVELOPMENT_DATABASE))) {
            history = TrainingPostgres.Table.trackingTable(sqlite, "cairn_migrations");
        } catch (SQLException e) {
            failed.add("reading the SQLite tracking table: " + e.getMessage());
            return; // the training goes on without PostgreSQL's paths
        }
        try (TrainingPostgres postgres = TrainingPostgres.start(history)) {
            for (List<String> command :
                    List.of(List.of("status"), List.of("--json", "status"), List.of("validate"), List.of("status"))) {
                String[] line = Stream.concat(
                                Stream.of("--url", postgres.url(), "--user", "training"), command.stream())
                        .toArray(String[]::new);
                run(directory, quiet, failed, line);
            }
        }
    }

    private static void run(Path directory, PrintStream quiet, List<String> failed, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        if (Main.run(directory, Map.of(), quiet, new PrintStream(err, true, StandardCharsets.UTF_8), args) != 0) {
            failed.add(String.join(" ", args) + ": "
                    + err.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** Loads (without initialising) every class of the server drivers that this jar holds. */
    private static void loadServerDrivers() throws IOException {
        Path jar;
        try {
            jar = Path.of(StartupTraining.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | SecurityException e) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            return; // run from a classes directory, as in a test: nothing to load
        }
        ClassLoader loader = StartupTraining.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && SERVER_DRIVER_PACKAGES.stream().anyMatch(name::startsWith)) {
                    try {
                        Class.forName(
                                name.substring(0, name.length() - ".class".length())
                                        .replace('/', '.'),
                                false,
                                loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        // A class for an optional library the tool does not ship (OSGi, JNA): never used.
                    }
                }
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
