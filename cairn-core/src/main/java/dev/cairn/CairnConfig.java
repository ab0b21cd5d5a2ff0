// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import dev.cairn.internal.config.ConfigFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded {@code cairn.yml}: the shared settings and every environment, read once. Environments are
 * resolved when asked for, so a {@code ${VAR}} that only another environment uses need not be set.
 *
 * <pre>{@code
 * HikariDataSource ds = CairnConfig.load(Path.of("cairn.yml")).environment("production").dataSource();
 * }</pre>
 */
public final class CairnConfig {

    /** The environment used when neither a name nor {@code CAIRN_ENV} is given. */
    public static final String DEFAULT_ENVIRONMENT = "development";

    private final ConfigFile file;

    private CairnConfig(ConfigFile file) {
        this.file = file;
    }

    /**
     * Reads {@code file}, and the {@code .env} file beside it if there is one. Variables come from the
     * process environment first, then from {@code .env}. The whole file's structure is checked here
     * (so a misspelt key in any environment is reported now); values are checked when their
     * environment is asked for.
     *
     * @throws ConfigurationException if the file is missing, is not UTF-8 or not valid YAML, has a
     *     duplicate or unknown key, has no environment or an empty one, or {@code .env} has a malformed
     *     line; the message names the file and line
     */
    public static CairnConfig load(Path file) {
        return new CairnConfig(ConfigFile.read(file, System.getenv()));
    }

    /**
     * Reads {@code file} as {@link #load(Path)} does, but takes variables from {@code variables}
     * instead of the process environment ({@code .env} still fills in what is missing).
     *
     * @throws ConfigurationException as {@link #load(Path)} does
     */
    public static CairnConfig load(Path file, Map<String, String> variables) {
        return new CairnConfig(ConfigFile.read(file, variables));
    }

    /** The file this was read from, as an absolute path. */
    public Path file() {
        return file.path();
    }

    /** The names of the environments, in the order the file lists them. */
    public List<String> environmentNames() {
        return file.environmentNames();
    }

    /**
     * The environment chosen as the command line chooses it: {@code name} if not null, else the
     * variable {@code CAIRN_ENV}, else {@code development}.
     *
     * @throws ConfigurationException if the environment is not in the file (listing those that are),
     *     a variable it uses is unset (naming it), or a setting is invalid (with its line)
     */
    public EnvironmentConfig environment(String name) {
        return file.environment(name);
    }

    /** The environment named by {@code CAIRN_ENV}, else {@code development}; see {@link #environment(String)}. */
    public EnvironmentConfig environment() {
        return file.environment(null);
    }
}
