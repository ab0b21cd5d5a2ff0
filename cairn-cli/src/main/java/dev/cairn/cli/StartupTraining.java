// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.EnvironmentConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * run loads, already parsed and checked, and later runs map them instead of loading them again. So
 * it does what real commands do, in-process and offline: the commands on an embedded SQLite and H2
 * database in a temporary directory, a connection attempt to servers that are not there, and the
 * loading of the server drivers' classes, whose connected paths cannot run without a server.
 *
 * <p>Not a command: the launcher runs it as {@code java -cp cairn.jar dev.cairn.cli.StartupTraining}
 * with the JVM option that writes the cache at exit. It prints nothing and changes nothing outside
 * its temporary directory.
 */
public final class StartupTraining {

    /** The server drivers' packages, in the jar; their classes are loaded without running them. */
    private static final List<String> SERVER_DRIVER_PACKAGES = List.of("org/postgresql/", "org/mariadb/jdbc/");

    private StartupTraining() {}

    /**
     * Runs the training.
     *
     * @param args none
     * @throws IOException if the temporary directory cannot be made or removed
     */
    public static void main(String[] args) throws IOException {
        Path directory = Files.createTempDirectory("cairn-training");
        try {
            runCommands(directory);
        } finally {
            delete(directory);
        }
        loadServerDrivers();
    }

    private static void runCommands(Path directory) throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        run(directory, quiet, "--help");
        run(directory, quiet, "init");
        run(directory, quiet, "make", "create_things");
        Path migrations = directory.resolve(EnvironmentConfig.DEFAULT_MIGRATIONS_DIRECTORY);
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.toList()) {
                Files.writeString(
                        file,
                        "-- migrate:up\nCREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT);\n"
                                + "INSERT INTO things (name) VALUES ('a');\n-- migrate:down\nDROP TABLE things;\n");
            }
        }
        for (String url : List.of("", "jdbc:h2:mem:training;DB_CLOSE_DELAY=-1")) {
            String[] target = url.isEmpty() ? new String[0] : new String[] {"--url", url};
            for (List<String> command : List.of(
                    List.of("status"),
                    List.of("migrate", "--dry-run"),
                    List.of("migrate"),
                    List.of("status"),
                    List.of("--json", "status"),
                    List.of("validate"),
                    List.of("schema"),
                    List.of("verify"),
                    List.of("rollback", "--all"),
                    List.of("up"),
                    List.of("--json", "down"),
                    List.of("status", "--help"),
                    List.of("unlock"))) {
                String[] line =
                        Stream.concat(Stream.of(target), command.stream()).toArray(String[]::new);
                run(directory, quiet, line);
            }
        }
        // The paths up to a refused connection; a port that no server listens on answers at once.
        run(directory, quiet, "--url", "jdbc:postgresql://127.0.0.1:1/training", "status");
        run(directory, quiet, "--url", "jdbc:mariadb://127.0.0.1:1/training", "status");
    }

    private static void run(Path directory, PrintStream quiet, String... args) {
        Main.run(directory, Map.of(), quiet, quiet, args);
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
