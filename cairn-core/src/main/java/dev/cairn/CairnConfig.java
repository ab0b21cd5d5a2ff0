// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.internal.config.ConfigFile;
import dev.cairn.internal.config.Durations;
import dev.cairn.internal.connect.Pools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A loaded {@code cairn.yml}: the shared settings and every environment, read once. Environments are
 * resolved when asked for, so a {@code ${VAR}} that only another environment uses need not be set. The
 * same file configures the application's connection pool:
 *
 * <pre>{@code
 * HikariDataSource ds = CairnConfig.load(Path.of("cairn.yml")).dataSource("production");
 * }</pre>
 */
public final class CairnConfig {

    /** The configuration file read when none is named: {@code cairn.yml} in the working directory. */
    public static final String DEFAULT_FILE = "cairn.yml";

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
        return load(file, System.getenv());
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

    /**
     * Reads a duration as {@code cairn.yml} writes it ({@code 500ms}, {@code 10s}, {@code 2m},
     * {@code 1h}; a bare number means seconds), for a setting given elsewhere, such as the command
     * line's {@code --lock-timeout}.
     *
     * @param setting the setting's name, for the message
     * @throws ConfigurationException if {@code text} is not written as a duration, or is 0
     */
    public static Duration duration(String setting, String text) {
        return Durations.parse(setting, text, ConfigurationException::new);
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
     * variable {@code CAIRN_ENV}, else {@link #DEFAULT_ENVIRONMENT}.
     *
     * @throws ConfigurationException if the environment is not in the file (listing those that are),
     *     a variable it uses is unset (naming it), or a setting is invalid (with its line)
     */
    public EnvironmentConfig environment(String name) {
        return file.environment(name, DEFAULT_ENVIRONMENT);
    }

    /** The environment named by {@code CAIRN_ENV}, else the default; see {@link #environment(String)}. */
    public EnvironmentConfig environment() {
        return environment(null);
    }

    /**
     * A pooled data source for the application, built from environment {@code name} (chosen as
     * {@link #environment(String)} chooses it): its URL, user, password, {@code ssl}, {@code pool:} sizes
     * and timeouts, and {@code connect-timeout} as the time to wait for a connection. It opens its first
     * connection before returning, so that a wrong setting fails here and not at the application's first
     * query. The caller owns it and closes it.
     *
     * <p>The pool is HikariCP's, which Cairn does not bring: the application depends on
     * {@code com.zaxxer:HikariCP} (Spring Boot's JDBC starter has it).
     *
     * @throws ConfigurationException if HikariCP is not on the class path, the environment cannot be
     *     resolved, or no JDBC driver on the class path accepts its URL
     * @throws ConnectionException if the first connection cannot be opened
     */
    public HikariDataSource dataSource(String name) {
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, CairnConfig.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException("CairnConfig.dataSource() builds a HikariCP pool, and HikariCP is not on"
                    + " the class path. Add the dependency com.zaxxer:HikariCP to the application (Cairn does not"
                    + " bring it), or build a DataSource of your own from environment(...).");
        }
        return Pools.dataSource(environment(name));
    }

    /** A pooled data source for the environment named by {@code CAIRN_ENV}, else {@link #DEFAULT_ENVIRONMENT}. */
    public HikariDataSource dataSource() {
        return dataSource(null);
    }
}
