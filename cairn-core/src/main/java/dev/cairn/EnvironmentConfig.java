// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One environment of {@code cairn.yml}, with every {@code ${VAR}} replaced, relative paths made
 * absolute against the file's directory, the {@code client/host/port/database} form turned into a JDBC
 * URL, and every setting the file leaves out set to its default (the {@code DEFAULT_} constants here,
 * the one place where Cairn's defaults are written). Its {@link #toString()} never shows the password.
 * {@link CairnConfig#dataSource(String)} builds the application's pool from one.
 *
 * @param name the environment's name, such as {@code development}
 * @param url the JDBC URL
 * @param user the user, if one is set outside the URL
 * @param password the password, if one is set outside the URL
 * @param ssl the {@code ssl:} setting, if any
 * @param connectTimeout how long to wait for a connection ({@code connect-timeout})
 * @param lockTimeout how long to wait for another runner's lock ({@code lock-timeout})
 * @param pool the pool settings for the application's data source ({@code pool:})
 * @param migrationsDirectory where the migration files are ({@code migrations.directory}), and where
 *     {@code cairn make} writes: with {@code migrations.locations}, its first {@code filesystem:} one
 * @param migrationLocations {@code migrations.locations}, each as {@code filesystem:} with an absolute
 *     path or {@code classpath:} with a package path such as {@code db/migrations}; empty if not given,
 *     when {@code migrationsDirectory} is the one location
 * @param table the tracking table's name ({@code migrations.table})
 * @param schema the tracking table's schema ({@code migrations.schema}), if set
 * @param seedsDirectory where the seed files are ({@code seeds.directory})
 * @param schemaFile where {@code migrations.schema-file} says to write the schema after each change, if set
 * @param targets the fleet's targets ({@code targets:}), if the environment names any
 * @param parallel how many targets a fleet works on at once ({@code parallel:})
 * @param placeholders the values of {@code migrations.placeholders}, which migrations write as
 *     {@code ${name}}
 * @param lint what {@code lint.rules} says of the linter's rules
 * @param lockTimeoutDdl the longest a migration statement waits for a table lock before it gives up and is
 *     tried again ({@code lock-timeout-ddl}; PostgreSQL's {@code lock_timeout}, MySQL's and MariaDB's
 *     {@code lock_wait_timeout}), if set
 */
public record EnvironmentConfig(
        String name,
        String url,
        Optional<String> user,
        Optional<String> password,
        Optional<Ssl> ssl,
        Duration connectTimeout,
        Duration lockTimeout,
        Pool pool,
        Path migrationsDirectory,
        List<String> migrationLocations,
        String table,
        Optional<String> schema,
        Path seedsDirectory,
        Optional<Path> schemaFile,
        Optional<Targets> targets,
        int parallel,
        Map<String, String> placeholders,
        Lint lint,
        Optional<Duration> lockTimeoutDdl) {

    /** Copies the placeholders. */
    public EnvironmentConfig {
        placeholders = Map.copyOf(placeholders);
    }

    /**
     * The {@code lint.rules} setting: which rules are off, and the level each other rule it names runs at.
     *
     * @param off the rules written {@code off}
     * @param levels the rules written {@code error} or {@code warning}
     */
    public record Lint(java.util.Set<String> off, Map<String, LintRule.Level> levels) {

        /** Every rule at its own level. */
        public static final Lint DEFAULTS = new Lint(java.util.Set.of(), Map.of());

        /** Copies the set and the map. */
        public Lint {
            off = java.util.Set.copyOf(off);
            levels = Map.copyOf(levels);
        }
    }

    /** The default {@code migrations.directory}, relative to {@code cairn.yml}'s directory. */
    public static final String DEFAULT_MIGRATIONS_DIRECTORY = "database/migrations";

    /** The default {@code seeds.directory}, relative to {@code cairn.yml}'s directory. */
    public static final String DEFAULT_SEEDS_DIRECTORY = "database/seeds";

    /** The default {@code migrations.table}: the tracking table's name. */
    public static final String DEFAULT_TABLE = "cairn_migrations";

    /** The default {@code connect-timeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default {@code lock-timeout}. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    /** The default {@code parallel:}: how many targets of a fleet are worked on at once. */
    public static final int DEFAULT_PARALLEL = 4;

    /** The default {@code pool:}. */
    public static final Pool DEFAULT_POOL = new Pool(2, 10, Duration.ofMinutes(10), Duration.ofMinutes(30));

    /** Shows every setting but the password, and the URL without any password in it. */
    @Override
    public String toString() {
        return "EnvironmentConfig[name=" + name
                + ", url=" + Redaction.url(url)
                + ", user=" + user.orElse("")
                + ", password=" + (password.isPresent() ? Redaction.MASK : "")
                + ", ssl=" + ssl.map(Ssl::label).orElse("")
                + ", connectTimeout=" + connectTimeout
                + ", lockTimeout=" + lockTimeout
                + ", pool=" + pool
                + ", migrationsDirectory=" + migrationsDirectory
                + ", migrationLocations=" + migrationLocations
                + ", table=" + table
                + ", schema=" + schema.orElse("")
                + ", seedsDirectory=" + seedsDirectory
                + ", schemaFile=" + schemaFile.map(Path::toString).orElse("")
                + ", targets=" + targets.map(Targets::toString).orElse("")
                + ", parallel=" + parallel
                + ", placeholders=" + placeholders
                + ", lint=" + lint
                + ", lockTimeoutDdl=" + lockTimeoutDdl.map(Duration::toString).orElse("")
                + "]";
    }

    /** The {@code ssl:} setting: TLS to a PostgreSQL, MySQL or MariaDB server. */
    public enum Ssl {
        /** Never use TLS. */
        DISABLE("disable"),
        /** Use TLS, without checking the server's certificate. */
        REQUIRE("require"),
        /** Use TLS, check the certificate's chain and that it names the host. */
        VERIFY_FULL("verify-full");

        private final String label;

        Ssl(String label) {
            this.label = label;
        }

        /** The value as written in {@code cairn.yml}. */
        public String label() {
            return label;
        }
    }

    /**
     * The {@code pool:} setting, used when the application asks for a pooled
     * {@link javax.sql.DataSource} (migrations themselves use one connection).
     *
     * @param min the fewest idle connections kept open ({@code pool.min})
     * @param max the most connections open at once ({@code pool.max})
     * @param idleTimeout how long an idle connection above {@code min} is kept ({@code pool.idle-timeout})
     * @param maxLifetime the longest a connection is used before it is replaced ({@code pool.max-lifetime})
     */
    public record Pool(int min, int max, Duration idleTimeout, Duration maxLifetime) {}
}
