// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.internal.config.Pools;
import dev.cairn.internal.config.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One environment of {@code cairn.yml}, with every {@code ${VAR}} replaced, relative paths made
 * absolute against the file's directory, and the {@code client/host/port/database} form turned into
 * a JDBC URL. Its {@link #toString()} never shows the password.
 *
 * @param name the environment's name, such as {@code development}
 * @param url the JDBC URL
 * @param user the user, if one is set outside the URL
 * @param password the password, if one is set outside the URL
 * @param ssl the {@code ssl:} setting, if any
 * @param connectTimeout how long to wait for a connection ({@code connect-timeout}, default 10s)
 * @param lockTimeout how long to wait for another runner's lock ({@code lock-timeout}, default 60s)
 * @param pool the pool settings for the application's data source
 * @param migrationsDirectory where the migration files are ({@code migrations.directory})
 * @param table the tracking table's name ({@code migrations.table}, default {@code cairn_migrations})
 * @param schema the tracking table's schema ({@code migrations.schema}), if set
 * @param seedsDirectory where the seed files are ({@code seeds.directory})
 * @param schemaFile where {@code migrations.schema-file} says to write the schema after each change, if set
 */
public record EnvironmentConfig(
        String name,
        String url,
        Optional<String> user,
        Optional<String> password,
        Optional<SslMode> ssl,
        Duration connectTimeout,
        Duration lockTimeout,
        PoolSettings pool,
        Path migrationsDirectory,
        String table,
        Optional<String> schema,
        Path seedsDirectory,
        Optional<Path> schemaFile) {

    /** The default tracking table's name. */
    public static final String DEFAULT_TABLE = "cairn_migrations";

    /** The default {@code connect-timeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default {@code lock-timeout}. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    /**
     * A pooled data source for the application, built from this environment (URL, user, password,
     * ssl, pool sizes and timeouts). The caller owns it and closes it.
     *
     * @throws ConfigurationException if no JDBC driver on the class path accepts the URL
     */
    public HikariDataSource dataSource() {
        return Pools.dataSource(this);
    }

    /** A copy with another JDBC URL, as {@code --url} gives. */
    public EnvironmentConfig withUrl(String newUrl) {
        return new EnvironmentConfig(
                name,
                newUrl,
                user,
                password,
                ssl,
                connectTimeout,
                lockTimeout,
                pool,
                migrationsDirectory,
                table,
                schema,
                seedsDirectory,
                schemaFile);
    }

    /** A copy with another user, as {@code --user} gives. */
    public EnvironmentConfig withUser(String newUser) {
        return new EnvironmentConfig(
                name,
                url,
                Optional.ofNullable(newUser),
                password,
                ssl,
                connectTimeout,
                lockTimeout,
                pool,
                migrationsDirectory,
                table,
                schema,
                seedsDirectory,
                schemaFile);
    }

    /** A copy with another password, as {@code --password} gives. */
    public EnvironmentConfig withPassword(String newPassword) {
        return new EnvironmentConfig(
                name,
                url,
                user,
                Optional.ofNullable(newPassword),
                ssl,
                connectTimeout,
                lockTimeout,
                pool,
                migrationsDirectory,
                table,
                schema,
                seedsDirectory,
                schemaFile);
    }

    /** The URL with any password in it replaced by {@code ****}. */
    public String redactedUrl() {
        return Redaction.url(url);
    }

    /** Shows every setting but the password. */
    @Override
    public String toString() {
        return "EnvironmentConfig[name=" + name
                + ", url=" + redactedUrl()
                + ", user=" + user.orElse("")
                + ", password=" + (password.isPresent() ? "****" : "")
                + ", ssl=" + ssl.map(SslMode::label).orElse("")
                + ", connectTimeout=" + connectTimeout
                + ", lockTimeout=" + lockTimeout
                + ", pool=" + pool
                + ", migrationsDirectory=" + migrationsDirectory
                + ", table=" + table
                + ", schema=" + schema.orElse("")
                + ", seedsDirectory=" + seedsDirectory
                + "]";
    }
}
