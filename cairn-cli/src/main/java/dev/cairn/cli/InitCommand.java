// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn init}: writes {@code cairn.yml} (SQLite for {@code development}, commented examples
 * for servers) and the migrations and seeds directories beside it. Needs no configuration, and
 * refuses to overwrite one: an existing file means exit 2 with nothing changed. A {@code .gitignore}
 * beside it keeps the development database and {@code .env} (where secrets go) out of version
 * control: written if there is none, else extended with the lines it lacks, never rewritten.
 */
final class InitCommand implements Specs.Declared {

    /** The development database of {@link #TEMPLATE}, beside the configuration file. */
    static final String DEVELOPMENT_DATABASE = "dev.sqlite3";

    /** The file {@code init} writes; paths in it are relative to the file's directory. */
    static final String TEMPLATE = String.join(
            "\n",
            "# Cairn's configuration: which databases to migrate, and where the migrations are.",
            "# Relative paths are resolved against this file's directory.",
            "",
            "migrations:",
            "  directory: " + EnvironmentConfig.DEFAULT_MIGRATIONS_DIRECTORY,
            "  table: cairn_migrations          # the tracking table",
            "seeds:",
            "  directory: " + EnvironmentConfig.DEFAULT_SEEDS_DIRECTORY,
            "",
            "# Choose one with -e ENV or CAIRN_ENV; the default is development.",
            "# ${VAR} is read from the environment (or a .env file beside this one); ${VAR:-default} has a default.",
            "environments:",
            "  development:",
            "    url: jdbc:sqlite:" + DEVELOPMENT_DATABASE,
            "",
            "  # staging:",
            "  #   client: postgresql            # or give url: directly",
            "  #   host: ${DB_HOST}",
            "  #   port: ${DB_PORT:-5432}",
            "  #   database: ${DB_NAME}",
            "  #   user: ${DB_USER}",
            "  #   password: ${DB_PASSWORD}",
            "  #   ssl: require                  # disable | require | verify-full",
            "  #   connect-timeout: 10s",
            "  #   lock-timeout: 60s",
            "",
            "  # production:",
            "  #   url: jdbc:postgresql://${DB_HOST}:${DB_PORT:-5432}/${DB_NAME:-app}",
            "  #   user: ${DB_USER}",
            "  #   password: ${DB_PASSWORD}",
            "  #   ssl: verify-full",
            "  #   pool: { min: 2, max: 20 }",
            "");

    /**
     * What {@code .gitignore} should ignore, relative to its directory: the development database with
     * the files SQLite and Cairn keep beside it ({@code -journal}, {@code -wal}, the lock file), and
     * {@code .env}.
     */
    static final List<String> IGNORED = List.of("/" + DEVELOPMENT_DATABASE + "*", "/.env");

    private final Invocation invocation;

    InitCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(this, "init", "Write cairn.yml (SQLite for development) and the two directories.");
    }

    @Override
    public Integer call() {
        Path config = invocation.configFile();
        if (Files.exists(config)) {
            throw refusal(config);
        }
        Path base = config.getParent();
        List<Path> created = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        List<Path> updated = new ArrayList<>();
        try {
            Files.createDirectories(base);
            // CREATE_NEW: if another process wrote the file since the check, still never overwrite it.
            Files.writeString(config, TEMPLATE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            created.add(config);
            for (String directory : List.of(
                    EnvironmentConfig.DEFAULT_MIGRATIONS_DIRECTORY, EnvironmentConfig.DEFAULT_SEEDS_DIRECTORY)) {
                Path path = base.resolve(directory);
                if (Files.isDirectory(path)) {
                    kept.add(path);
                } else {
                    Files.createDirectories(path);
                    created.add(path);
                }
            }
            Path gitignore = base.resolve(".gitignore");
            List<Path> outcome = switch (ignore(gitignore)) {
                case CREATED -> created;
                case UPDATED -> updated;
                case KEPT -> kept;
            };
            outcome.add(gitignore);
        } catch (FileAlreadyExistsException e) {
            if (created.isEmpty()) {
                // Another process wrote the configuration file since the check.
                throw refusal(config);
            }
            throw cannotWrite(config, created, e);
        } catch (IOException e) {
            throw cannotWrite(config, created, e);
        }
        invocation.output().initialized(created, kept, updated);
        return 0;
    }

    private enum Outcome {
        CREATED,
        UPDATED,
        KEPT
    }

    /** Makes {@code gitignore} ignore {@link #IGNORED}: writes it, or adds the lines it lacks at its end. */
    private static Outcome ignore(Path gitignore) throws IOException {
        String heading = "# Cairn: the development database, and .env, where secrets go";
        if (!Files.exists(gitignore)) {
            Files.writeString(
                    gitignore,
                    heading + "\n" + String.join("\n", IGNORED) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
            return Outcome.CREATED;
        }
        String text = Files.readString(gitignore, StandardCharsets.UTF_8);
        List<String> lines = text.lines().map(String::strip).toList();
        List<String> missing =
                IGNORED.stream().filter(entry -> !ignoredAlready(lines, entry)).toList();
        if (missing.isEmpty()) {
            return Outcome.KEPT;
        }
        String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        Files.writeString(
                gitignore,
                separator + heading + "\n" + String.join("\n", missing) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return Outcome.UPDATED;
    }

    /** Whether one of {@code lines} ignores {@code entry} in one of the usual spellings. */
    private static boolean ignoredAlready(List<String> lines, String entry) {
        String bare = entry.substring(1).replace("*", "");
        List<String> spellings = List.of(bare, "/" + bare, bare + "*", "/" + bare + "*");
        boolean database = bare.equals(DEVELOPMENT_DATABASE);
        return lines.stream()
                .anyMatch(line -> spellings.contains(line)
                        || database && (line.equals("*.sqlite3") || line.equals("*.sqlite3*")));
    }

    private ConfigurationException cannotWrite(Path config, List<Path> created, IOException e) {
        String file = e instanceof FileSystemException fileSystem && fileSystem.getFile() != null
                ? fileSystem.getFile()
                : config.toString();
        String reason = e instanceof AccessDeniedException
                ? "permission denied"
                : e instanceof FileAlreadyExistsException
                        ? "a file of that name is in the way"
                        : e instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                                ? fileSystem.getReason()
                                : String.valueOf(e.getMessage());
        String done = created.isEmpty()
                ? "Nothing was written."
                : "Written already: "
                        + created.stream().map(invocation::display).collect(Collectors.joining(", ")) + ".";
        return new ConfigurationException("Could not write " + invocation.display(Path.of(file)) + ": " + reason + ". "
                + done + " Check that the directory can be written to, or give another file with -c FILE.");
    }

    private ConfigurationException refusal(Path config) {
        return new ConfigurationException(invocation.display(config) + " exists already; 'cairn init' changed "
                + "nothing. Edit that file, or give another one with -c FILE.");
    }
}
