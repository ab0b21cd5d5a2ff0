// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal;

import dev.cairn.CairnConfig;
import dev.cairn.EnvironmentConfig;
import dev.cairn.MigrationListener;
import dev.cairn.PoolSettings;
import dev.cairn.internal.config.DriverProperties;
import dev.cairn.internal.history.TableName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Everything a {@code Cairn} runs with, resolved once from the builder, {@code cairn.yml} and the
 * overrides, in that order of precedence.
 *
 * @param environment the environment's name, {@code custom} without a file
 * @param target where migrations run, without any password
 * @param migrationsDirectory the migrations directory, absolute
 * @param seedsDirectory where the seed files are
 * @param schemaFile where to write the schema after each change, if anywhere
 * @param table the tracking table
 * @param lockTimeout how long to wait for another runner's lock
 * @param listener who hears about progress
 * @param connector how to connect
 */
public record Settings(
        String environment,
        String target,
        Path migrationsDirectory,
        Path seedsDirectory,
        Optional<Path> schemaFile,
        TableName table,
        Duration lockTimeout,
        MigrationListener listener,
        Connector connector) {

    /** These settings with another lock timeout. */
    Settings withLockTimeout(Duration timeout) {
        return new Settings(
                environment,
                target,
                migrationsDirectory,
                seedsDirectory,
                schemaFile,
                table,
                timeout,
                listener,
                connector);
    }

    /** The environment name used when Cairn is configured without {@code cairn.yml}. */
    static final String CUSTOM = "custom";

    /** What the builder collected; every field may be null. */
    public static final class Draft {
        public Path configFile;
        public String environment;
        public Map<String, String> variables;
        public String url;
        public String user;
        public String password;
        public DataSource dataSource;
        public Path directory;
        public Path seedsDirectory;
        public Path schemaFile;
        public String table;
        public String schema;
        public Duration lockTimeout;
        public MigrationListener listener;
    }

    /**
     * Resolves a draft: reads {@code cairn.yml} (the one given, else {@code ./cairn.yml} unless a URL
     * or data source makes it unnecessary), applies the overrides, and checks the table name.
     */
    public static Settings resolve(Draft draft) {
        Map<String, String> variables = draft.variables != null ? draft.variables : System.getenv();
        Path configFile = draft.configFile;
        if (configFile == null && draft.url == null && draft.dataSource == null) {
            configFile = Path.of("cairn.yml");
        }
        EnvironmentConfig environment = configFile == null
                ? null
                : CairnConfig.load(configFile.toAbsolutePath(), variables).environment(draft.environment);
        if (environment == null && draft.dataSource == null) {
            environment = withoutFile(draft);
        }
        if (environment != null) {
            if (draft.url != null) {
                environment = environment.withUrl(draft.url);
            }
            if (draft.user != null) {
                environment = environment.withUser(draft.user);
            }
            if (draft.password != null) {
                environment = environment.withPassword(draft.password);
            }
        }
        Path directory = draft.directory != null
                ? draft.directory
                : environment != null ? environment.migrationsDirectory() : Path.of("database", "migrations");
        Path seeds = draft.seedsDirectory != null
                ? draft.seedsDirectory
                : environment != null ? environment.seedsDirectory() : Path.of("database", "seeds");
        Optional<Path> schemaFile = draft.schemaFile != null
                ? Optional.of(draft.schemaFile.toAbsolutePath().normalize())
                : environment != null ? environment.schemaFile() : Optional.empty();
        String table = draft.table != null
                ? draft.table
                : environment != null ? environment.table() : EnvironmentConfig.DEFAULT_TABLE;
        String schema = draft.schema != null
                ? draft.schema
                : environment != null ? environment.schema().orElse(null) : null;
        Duration lockTimeout = draft.lockTimeout != null
                ? draft.lockTimeout
                : environment != null ? environment.lockTimeout() : EnvironmentConfig.DEFAULT_LOCK_TIMEOUT;
        MigrationListener listener = draft.listener != null ? draft.listener : MigrationListener.NONE;
        String name = environment != null ? environment.name() : draft.environment != null ? draft.environment : CUSTOM;

        Connector connector;
        if (draft.dataSource != null) {
            connector = Connector.of(draft.dataSource);
        } else {
            List<String> secrets = new ArrayList<>();
            environment.password().ifPresent(secrets::add);
            connector = Connector.of(environment.url(), DriverProperties.of(environment), lockTimeout, secrets);
        }
        return new Settings(
                name,
                connector.target(),
                directory.toAbsolutePath().normalize(),
                seeds.toAbsolutePath().normalize(),
                schemaFile,
                TableName.of(schema, table),
                lockTimeout,
                listener,
                connector);
    }

    /** An environment made from the builder alone, with the defaults a file would give. */
    private static EnvironmentConfig withoutFile(Draft draft) {
        return new EnvironmentConfig(
                draft.environment != null ? draft.environment : CUSTOM,
                draft.url,
                Optional.ofNullable(draft.user),
                Optional.ofNullable(draft.password),
                Optional.empty(),
                EnvironmentConfig.DEFAULT_CONNECT_TIMEOUT,
                EnvironmentConfig.DEFAULT_LOCK_TIMEOUT,
                PoolSettings.DEFAULTS,
                Path.of("database", "migrations").toAbsolutePath(),
                EnvironmentConfig.DEFAULT_TABLE,
                Optional.empty(),
                Path.of("database", "seeds").toAbsolutePath(),
                Optional.empty());
    }
}
