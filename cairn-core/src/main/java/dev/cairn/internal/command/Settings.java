// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig;
import dev.cairn.EnvironmentConfig.Ssl;
import dev.cairn.JavaMigration;
import dev.cairn.MigrationListener;
import dev.cairn.Targets;
import dev.cairn.internal.connect.Connector;
import dev.cairn.internal.connect.Credentials;
import dev.cairn.internal.connect.DriverProperties;
import dev.cairn.internal.dialect.Client;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.source.BackgroundScan;
import dev.cairn.internal.source.ChecksumCache;
import dev.cairn.internal.source.Location;
import dev.cairn.internal.source.MigrationSources;
import dev.cairn.internal.sql.Placeholders;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.TableName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Everything a command runs with, resolved once: each setting is the builder's override if there is
 * one, else the environment's value from {@code cairn.yml}, else its default ({@link EnvironmentConfig}'s
 * {@code DEFAULT_} constants, made absolute against the working directory). Nothing downstream decides
 * a setting again; this record is its one holder.
 *
 * @param environment the environment's name, {@value #CUSTOM} without a file
 * @param migrationsDirectory where {@code cairn make} writes migrations: the migrations directory, or
 *     the first {@code filesystem:} location; absolute
 * @param migrations where the migrations come from
 * @param seedsDirectory where the seed files are, absolute
 * @param schemaFile where to write the schema after each change, if anywhere
 * @param table the tracking table
 * @param lockTimeout how long to wait for another runner's lock
 * @param listener who hears about progress
 * @param connector how to connect
 * @param targets the fleet's targets, if the environment names any; empty for one database (a target's own)
 * @param parallel how many targets a fleet works on at once
 * @param placeholders the values of the placeholders the migrations may use ({@code ${target}} on a
 *     fleet's target)
 * @param lint what {@code lint.rules} says of the linter's rules
 * @param lockTimeoutDdl the longest a migration statement waits for a table lock before it is tried again
 * @param checksumCache the directory where checksums worked out are kept for the next run, if any
 */
public record Settings(
        String environment,
        Path migrationsDirectory,
        MigrationSources migrations,
        Path seedsDirectory,
        Optional<Path> schemaFile,
        TableName table,
        Duration lockTimeout,
        MigrationListener listener,
        Connector connector,
        Optional<Targets> targets,
        int parallel,
        Placeholders placeholders,
        EnvironmentConfig.Lint lint,
        Optional<Duration> lockTimeoutDdl,
        Optional<Path> checksumCache) {

    /** The environment name used when Cairn is configured without {@code cairn.yml}. */
    public static final String CUSTOM = "custom";

    /** Where migrations run, for messages: the URL without its password, or the data source's name. */
    public String target() {
        return connector.target();
    }

    /**
     * The statement-splitting rules of the database the URL names, known before connecting; empty for a
     * data source, whose database only a connection tells.
     */
    public Optional<SplitRules> knownSplitRules() {
        return knownDialect().map(Dialect::splitRules);
    }

    /**
     * Starts reading the migrations in the background (see {@link BackgroundScan#start}); a bad file
     * fails {@link BackgroundScan#migrations()}.
     */
    public BackgroundScan startScan() {
        Optional<SplitRules> rules = knownSplitRules();
        return BackgroundScan.start(migrations, rules, checksumCache(rules));
    }

    /** Starts reading the migrations in the background for a command that reports every bad file. */
    public BackgroundScan startScanAll() {
        Optional<SplitRules> rules = knownSplitRules();
        return BackgroundScan.startAll(migrations, rules, checksumCache(rules));
    }

    private ChecksumCache checksumCache(Optional<SplitRules> rules) {
        return checksumCache.isPresent() && rules.isPresent()
                ? ChecksumCache.open(checksumCache.get(), migrations, rules.get())
                : ChecksumCache.NONE;
    }

    /** The dialect of the database the URL names, known before connecting; empty for a data source. */
    public Optional<Dialect> knownDialect() {
        return connector.url().flatMap(Client::forUrl).map(Client::dialect);
    }

    /**
     * The dialect of the database the URL names, for what must be known before connecting.
     *
     * @throws ConfigurationException for a data source, or a URL of a database Cairn does not know
     */
    public Dialect urlDialect() {
        return connector
                .url()
                .flatMap(Client::forUrl)
                .map(Client::dialect)
                .orElseThrow(() -> new ConfigurationException("A fleet needs the environment's JDBC URL of a"
                        + " database Cairn knows, to reach its targets; " + connector.target() + " is not one."));
    }

    /** The tracking table in the schema target {@code name}, whose name must be a plain identifier. */
    private TableName targetTable(String name) {
        try {
            return TableName.of(name, table.table());
        } catch (ConfigurationException e) {
            throw new ConfigurationException("The schema " + name + " cannot hold a tracking table: Cairn puts only"
                    + " plain identifiers into SQL (letters, digits and _, not starting with a digit, at most 63"
                    + " characters). Rename the schema, or leave it out of targets.");
        }
    }

    /** These settings with another lock timeout. */
    Settings withLockTimeout(Duration timeout) {
        return new Settings(
                environment,
                migrationsDirectory,
                migrations,
                seedsDirectory,
                schemaFile,
                table,
                timeout,
                listener,
                connector,
                targets,
                parallel,
                placeholders,
                lint,
                lockTimeoutDdl,
                checksumCache);
    }

    /**
     * The settings of one target of the fleet, {@code name}, telling {@code listener}: a schema's own
     * tracking table and lock in that schema, which is the default for unqualified names, its
     * connections from {@code sessions} (handed on from the targets before it), or the database of
     * that name beside the environment's.
     */
    public Settings forTarget(String name, MigrationListener listener, SessionReuse sessions) {
        Targets.Kind kind = targets.orElseThrow().kind();
        boolean schema = kind == Targets.Kind.SCHEMAS;
        return new Settings(
                environment,
                migrationsDirectory,
                migrations,
                seedsDirectory,
                Optional.empty(), // one schema file for a thousand targets would say nothing
                schema ? targetTable(name) : table,
                lockTimeout,
                listener,
                schema
                        ? new TargetSchemaConnector(sessions, name)
                        : connector.forUrl(
                                urlDialect().databaseUrl(connector.url().orElseThrow(), name)),
                Optional.empty(),
                1,
                placeholders.with(Targets.PLACEHOLDER, name),
                lint,
                lockTimeoutDdl,
                checksumCache);
    }

    /**
     * What the builder collected: the overrides of the file's settings, and what connects. Every field
     * may be null, meaning "not given".
     */
    public static final class Draft {
        public Path workingDirectory;
        public String environment;
        public String url;
        public String user;
        public String password;
        public DataSource dataSource;
        public Path migrationsDirectory;
        public List<String> locations;
        public ClassLoader classLoader;
        public List<JavaMigration> javaMigrations = new ArrayList<>();
        public Path seedsDirectory;
        public Path schemaFile;
        public String table;
        public String schema;
        public Duration lockTimeout;
        public Duration lockTimeoutDdl;
        public MigrationListener listener;
        public Targets targets;
        public Integer parallel;
        public Map<String, String> placeholders = new HashMap<>();
        public Path checksumCache;

        /** The directory relative paths are resolved against: the one given, else the process's; absolute. */
        public Path resolvedWorkingDirectory() {
            return (workingDirectory != null ? workingDirectory : Path.of(""))
                    .toAbsolutePath()
                    .normalize();
        }
    }

    /**
     * Resolves the settings from the builder's {@code draft} over the environment {@code file} read
     * from {@code cairn.yml} (null without a file). Relative paths given to the builder, and the default
     * directories without a file, are resolved against the draft's working directory (by default the
     * process's).
     *
     * @throws dev.cairn.ConfigurationException if the table or schema is not a plain identifier
     */
    public static Settings resolve(Draft draft, EnvironmentConfig file) {
        Path workingDirectory = draft.resolvedWorkingDirectory();
        List<Location> locations = locations(draft, file, workingDirectory);
        Path migrations = locations.stream()
                .filter(Location.Directory.class::isInstance)
                .map(location -> ((Location.Directory) location).directory())
                .findFirst()
                .orElse(path(
                        null,
                        file == null ? null : file.migrationsDirectory(),
                        EnvironmentConfig.DEFAULT_MIGRATIONS_DIRECTORY,
                        workingDirectory));
        ClassLoader loader = draft.classLoader != null ? draft.classLoader : defaultClassLoader();
        MigrationSources sources = new MigrationSources(locations, loader, draft.javaMigrations);
        Path seeds = path(
                draft.seedsDirectory,
                file == null ? null : file.seedsDirectory(),
                EnvironmentConfig.DEFAULT_SEEDS_DIRECTORY,
                workingDirectory);
        Optional<Path> schemaFile = draft.schemaFile != null
                ? Optional.of(workingDirectory.resolve(draft.schemaFile).normalize())
                : file == null ? Optional.empty() : file.schemaFile();
        String table = first(draft.table, file == null ? null : file.table(), EnvironmentConfig.DEFAULT_TABLE);
        String schema = draft.schema != null
                ? draft.schema
                : file == null ? null : file.schema().orElse(null);
        Duration lockTimeout = first(
                draft.lockTimeout, file == null ? null : file.lockTimeout(), EnvironmentConfig.DEFAULT_LOCK_TIMEOUT);
        String name = file != null ? file.name() : draft.environment != null ? draft.environment : CUSTOM;
        MigrationListener listener = draft.listener != null ? draft.listener : MigrationListener.NONE;
        Optional<Targets> targets =
                draft.targets != null ? Optional.of(draft.targets) : file == null ? Optional.empty() : file.targets();
        int parallel = draft.parallel != null
                ? draft.parallel
                : file == null ? EnvironmentConfig.DEFAULT_PARALLEL : file.parallel();
        if (targets.isPresent() && targets.get().kind() == Targets.Kind.SCHEMAS && schema != null) {
            throw new ConfigurationException("migrations.schema is " + schema + ", but the targets are schemas:"
                    + " each target keeps its tracking table in its own schema. Remove migrations.schema.");
        }
        return new Settings(
                name,
                migrations,
                sources,
                seeds,
                schemaFile,
                TableName.of(schema, table),
                lockTimeout,
                listener,
                connector(draft, file),
                targets,
                parallel,
                placeholders(draft, file),
                file == null ? EnvironmentConfig.Lint.DEFAULTS : file.lint(),
                draft.lockTimeoutDdl != null
                        ? Optional.of(draft.lockTimeoutDdl)
                        : file == null ? Optional.empty() : file.lockTimeoutDdl(),
                Optional.ofNullable(draft.checksumCache));
    }

    /** The file's placeholders, and over them the builder's. */
    private static Placeholders placeholders(Draft draft, EnvironmentConfig file) {
        Map<String, String> values = new HashMap<>(file == null ? Map.of() : file.placeholders());
        values.putAll(draft.placeholders);
        return new Placeholders(values);
    }

    /**
     * Connects through the draft's data source, or to the URL with the file's options and the credentials
     * that {@link Credentials#choose} picks.
     */
    private static Connector connector(Draft draft, EnvironmentConfig file) {
        if (draft.dataSource != null) {
            return Connector.of(
                    draft.dataSource,
                    Optional.ofNullable(draft.user),
                    Optional.ofNullable(draft.password),
                    Optional.ofNullable(draft.url));
        }
        if (draft.url == null && file == null) {
            throw new IllegalArgumentException("Nothing to connect to: no URL, data source or cairn.yml");
        }
        String url = draft.url != null ? draft.url : file.url();
        Credentials credentials = Credentials.choose(
                draft.url,
                draft.user,
                draft.password,
                file == null ? Optional.empty() : file.user(),
                file == null ? Optional.empty() : file.password());
        Optional<String> user = credentials.user();
        Optional<String> password = credentials.password();
        Optional<Ssl> ssl = file == null ? Optional.empty() : file.ssl();
        Duration connectTimeout = file == null ? EnvironmentConfig.DEFAULT_CONNECT_TIMEOUT : file.connectTimeout();
        return Connector.of(
                url,
                DriverProperties.of(url, user, password, ssl, connectTimeout),
                password.map(List::of).orElse(List.of()));
    }

    /**
     * Where migrations come from: the builder's locations, else its directory, else the file's
     * locations, else its directory, else the default directory.
     *
     * @throws dev.cairn.ConfigurationException if a location given to the builder cannot be read
     */
    private static List<Location> locations(Draft draft, EnvironmentConfig file, Path workingDirectory) {
        List<String> written = draft.locations != null
                ? draft.locations
                : draft.migrationsDirectory == null && file != null ? file.migrationLocations() : List.of();
        if (written.isEmpty()) {
            return List.of(new Location.Directory(path(
                    draft.migrationsDirectory,
                    file == null ? null : file.migrationsDirectory(),
                    EnvironmentConfig.DEFAULT_MIGRATIONS_DIRECTORY,
                    workingDirectory)));
        }
        List<Location> locations = new ArrayList<>();
        for (String text : written) {
            try {
                locations.add(Location.parse(text, workingDirectory));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(
                        "A location given to locations(...) cannot be read: " + e.getMessage() + ".");
            }
        }
        return List.copyOf(locations);
    }

    /** The thread's context class loader, or else Cairn's own: the one an application's classes are in. */
    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Settings.class.getClassLoader();
    }

    private static Path path(Path override, Path fromFile, String fallback, Path workingDirectory) {
        Path chosen = override != null ? override : fromFile != null ? fromFile : Path.of(fallback);
        return workingDirectory.resolve(chosen).normalize();
    }

    private static <T> T first(T override, T fromFile, T fallback) {
        return override != null ? override : fromFile != null ? fromFile : fallback;
    }
}
