// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code cairn init}: writes {@code cairn.yml} (SQLite for {@code development}, commented examples
 * for servers) and the migrations and seeds directories beside it. Needs no configuration, and
 * refuses to overwrite one: an existing file means exit 2 with nothing changed.
 */
@Command(name = "init", description = "Write cairn.yml (SQLite for development) and the two directories.")
final class InitCommand implements Callable<Integer> {

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
            "    url: jdbc:sqlite:dev.sqlite3",
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

    private final Invocation invocation;

    InitCommand(Invocation invocation) {
        this.invocation = invocation;
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
        } catch (FileAlreadyExistsException e) {
            throw refusal(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + invocation.display(config) + ": " + e.getMessage(), e);
        }
        invocation.output().initialized(created, kept);
        return 0;
    }

    private ConfigurationException refusal(Path config) {
        return new ConfigurationException(invocation.display(config) + " exists already; 'cairn init' changed "
                + "nothing. Edit that file, or give another one with -c FILE.");
    }
}
