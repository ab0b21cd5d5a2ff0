// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import dev.cairn.internal.command.Baseline;
import dev.cairn.internal.command.Change;
import dev.cairn.internal.command.DryRun;
import dev.cairn.internal.command.FleetTargets;
import dev.cairn.internal.command.FlywayFiles;
import dev.cairn.internal.command.ImportHistory;
import dev.cairn.internal.command.Lint;
import dev.cairn.internal.command.MakeMigration;
import dev.cairn.internal.command.Ping;
import dev.cairn.internal.command.Repair;
import dev.cairn.internal.command.Seeds;
import dev.cairn.internal.command.SessionReuse;
import dev.cairn.internal.command.Settings;
import dev.cairn.internal.command.ShowSchema;
import dev.cairn.internal.command.ShowStatus;
import dev.cairn.internal.command.Squash;
import dev.cairn.internal.command.Unlock;
import dev.cairn.internal.command.Validate;
import dev.cairn.internal.command.Verification;
import dev.cairn.internal.config.Durations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs migrations against one database. Each method is one command of the {@code cairn} tool and
 * opens its own connection, so a {@code Cairn} can be kept and reused; it holds no connection
 * between calls. Changes run under the migration lock and re-read the tracking table once they hold
 * it; read-only methods ({@link #status()}, {@link #plan(Operation)}, {@link #ping()}) never write.
 *
 * <pre>{@code
 * Cairn cairn = Cairn.configure().configFile(Path.of("cairn.yml")).environment("staging").load();
 * MigrateResult result = cairn.migrate();
 * }</pre>
 */
public final class Cairn {

    private final Settings settings;

    Cairn(Settings settings) {
        this.settings = settings;
    }

    private Change change() {
        return new Change(database(), Clock.systemUTC());
    }

    /**
     * The settings of the one database this works on; an environment that names targets has many,
     * which only its {@link #fleet()} works on, so that no command runs on the environment's own
     * schema or database by mistake.
     */
    private Settings database() {
        if (settings.targets().isPresent()) {
            throw new ConfigurationException("The environment " + settings.environment() + " names targets ("
                    + settings.targets().get().describe() + "): run the command on each through"
                    + " Cairn.fleet() (the cairn tool does), or on one with fleet().target(NAME, listener).");
        }
        return settings;
    }

    /**
     * The fleet of the environment's targets ({@code targets:} in {@code cairn.yml}, or the builder's
     * {@link Builder#targets}), which every command that reads or changes the database works on; empty
     * for an environment of one database.
     */
    public Optional<Fleet> fleet() {
        return settings.targets().map(targets -> {
            SessionReuse sessions = new SessionReuse(settings.connector());
            return new Fleet(
                    targets,
                    settings.parallel(),
                    () -> FleetTargets.names(settings),
                    (name, listener) -> new Cairn(settings.forTarget(name, listener, sessions)),
                    settings.listener(),
                    new Fleet.Runs(sessions::runStarting, sessions::runEnded));
        });
    }

    /** Starts configuring a {@code Cairn}. */
    public static Builder configure() {
        return new Builder();
    }

    /**
     * Applies every pending migration as one new batch.
     *
     * @throws MigrationFailedException if a statement fails (see its message for what stays applied)
     * @throws MigrationFileException if a migration file cannot be parsed; nothing is changed
     * @throws ConnectionException if the database cannot be reached
     * @throws LockException if another runner holds the lock for longer than {@code lock-timeout}
     */
    public MigrateResult migrate() {
        return change().migrate(Operation.migrate());
    }

    /**
     * Applies the pending migrations up to and including {@code target} as one new batch.
     *
     * @param target a version, or a full migration name, present in the migrations directory
     * @throws ConfigurationException if no migration file has that version or name
     * @see #migrate()
     */
    public MigrateResult migrate(String target) {
        return change().migrate(Operation.migrateTo(target));
    }

    /**
     * Applies what a migrate or up {@code operation} names, such as
     * {@code Operation.migrate().allowingOutOfOrder()}.
     *
     * @throws IllegalArgumentException if {@code operation} is a rollback
     * @see #migrate()
     */
    public MigrateResult migrate(Operation operation) {
        if (operation.direction() != Direction.UP) {
            throw new IllegalArgumentException(
                    "Not a migrate or up: " + operation + "; use down() or a rollback method");
        }
        return change().migrate(operation);
    }

    /** Applies the next pending migration as a batch of its own; see {@link #migrate()}. */
    public MigrateResult up() {
        return change().migrate(Operation.up());
    }

    /**
     * Undoes the newest applied migration.
     *
     * @throws ValidationException if it is irreversible or its file is gone; nothing is changed
     * @see #rollback()
     */
    public RollbackResult down() {
        return change().rollback(Operation.down());
    }

    /**
     * Undoes the newest batch, newest migration first, in one transaction where the database allows.
     *
     * @throws ValidationException if a migration to undo is irreversible or its file is gone; nothing
     *     is changed
     * @throws MigrationFailedException if a statement fails (see its message for what stays changed)
     * @throws ConnectionException if the database cannot be reached
     * @throws LockException if another runner holds the lock for longer than {@code lock-timeout}
     */
    public RollbackResult rollback() {
        return change().rollback(Operation.rollback());
    }

    /**
     * Undoes what a down or rollback {@code operation} names, such as
     * {@code Operation.rollbackAll().intoBaseline()}.
     *
     * @throws IllegalArgumentException if {@code operation} applies migrations
     * @see #rollback()
     */
    public RollbackResult rollback(Operation operation) {
        if (operation.direction() != Direction.DOWN) {
            throw new IllegalArgumentException("Not a down or rollback: " + operation + "; use migrate(operation)");
        }
        return change().rollback(operation);
    }

    /** Undoes every applied migration, newest first; see {@link #rollback()}. */
    public RollbackResult rollbackAll() {
        return change().rollback(Operation.rollbackAll());
    }

    /**
     * Undoes every migration applied after {@code version}, which stays applied; see {@link #rollback()}.
     *
     * @throws ConfigurationException if {@code version} is not applied
     */
    public RollbackResult rollbackTo(String version) {
        return change().rollback(Operation.rollbackTo(version));
    }

    /**
     * Undoes every batch newer than {@code batch}; {@code 0} undoes everything. See {@link #rollback()}.
     *
     * @throws ConfigurationException if {@code batch} is negative or newer than the newest batch
     */
    public RollbackResult rollbackToBatch(int batch) {
        return change().rollback(Operation.rollbackToBatch(batch));
    }

    /**
     * Works out what {@code operation} would do, without changing anything (the dry run): the batch it
     * would create and every statement it would run, in order. Creates nothing, not even the tracking
     * table.
     *
     * @throws ValidationException if the operation would be refused (such as an irreversible rollback)
     */
    public Plan plan(Operation operation) {
        return new DryRun(database()).plan(Objects.requireNonNull(operation, "operation"));
    }

    /**
     * Adopts a database whose schema was made before Cairn (by hand, or by another tool): records every
     * migration up to {@code version} as applied, in one batch of their own marked as a baseline,
     * without running any, under the migration lock. {@code migrate} then applies only what is newer.
     * {@code status} shows them as {@code baseline}; a rollback into them is refused unless asked for
     * ({@link Operation#intoBaseline()}), since their downs never ran here.
     *
     * @param version a version or a full migration name, as {@code migrate --to} takes
     * @return what was recorded
     * @throws ValidationException if the tracking table has rows already, or a Java migration up to
     *     {@code version} must run ({@link JavaMigration#mustRunOnBaseline()}); nothing is changed
     * @throws ConfigurationException if {@code version} names no migration
     * @throws LockException if another runner holds the lock for longer than {@code lock-timeout}
     */
    public BaselineResult baseline(String version) {
        return new Baseline(database(), Clock.systemUTC()).record(Objects.requireNonNull(version, "version"));
    }

    /**
     * Adopts another tool's history (Knex, Flyway, Liquibase): matches each entry of its history table
     * to a migration, by version or name, and records the matched migrations as applied, keeping the
     * tool's batches and times, in one transaction under the migration lock, running none.
     * {@code migrate} then applies only what the other tool never applied. The other tool's table is
     * only read. Nothing is written when an entry matches no migration, an entry failed, or a migration
     * older than the tool's newest was never applied by it, unless {@link ImportOptions#allowUnmatched()}
     * leaves those out.
     *
     * @return what was recorded (on a dry run: what would be)
     * @throws ValidationException if the tracking table has rows already, or entries do not match;
     *     nothing is written
     * @throws ConfigurationException if the other tool's history table is not there
     * @throws LockException if another runner holds the lock for longer than {@code lock-timeout}
     */
    public ImportResult importHistory(ImportOptions options) {
        return new ImportHistory(database(), Clock.systemUTC()).run(Objects.requireNonNull(options, "options"));
    }

    /**
     * Converts a Flyway project's SQL migrations into Cairn's files, in {@link #migrationsDirectory()}:
     * each {@code V<version>__<name>.sql} (with its {@code U} undo file as the down, where there is one)
     * becomes one {@code <version>_<name>.sql}. Touches no database. All or nothing: a conflict writes
     * no file.
     *
     * @param flywayDirectory where Flyway's migrations are (its {@code filesystem:} location)
     * @param dryRun work out and report what would be written, and write nothing
     * @return each file converted, and what was skipped and why
     * @throws ValidationException if two files have one version, or a file would overwrite another
     * @throws ConfigurationException if {@code flywayDirectory} cannot be read
     */
    public FileImportResult importFlywayFiles(Path flywayDirectory, boolean dryRun) {
        return FlywayFiles.convert(
                Objects.requireNonNull(flywayDirectory, "flywayDirectory"), migrationsDirectory(), dryRun);
    }

    /**
     * Replaces every migration up to {@code version} by one, whose up builds the schema they build and
     * whose down drops it: the migrations are applied on a scratch database beside the target, its schema
     * is written as SQL, and that file is proven on a second scratch database (its up gives the same
     * schema by {@code verify}'s comparison, its down an empty one) before it is written and the old files
     * are deleted. The target is not touched; a database that applied the old migrations reads the new one
     * as applied, and records it so at its next {@code migrate} or {@code rollback}.
     *
     * @param version the newest migration to replace, by version or full name
     * @param dryRun prove it and return the file's text, writing and deleting nothing
     * @return the file written, and what it replaced
     * @throws ValidationException if a migration up to {@code version} is a Java migration, changes data
     *     or is not in the migrations directory, or the written schema does not prove equal; nothing is
     *     written
     * @throws ConfigurationException if {@code version} names no migration, or the first
     */
    public SquashResult squash(String version, boolean dryRun) {
        return new Squash(database()).run(Objects.requireNonNull(version, "version"), dryRun);
    }

    /**
     * Makes the tracking table agree with fixes made by hand, for every migration that needs it,
     * confirming nothing: an applied migration whose file was edited on purpose gets the file's new
     * checksum. What needs the user's word is refused, before anything changes: a migration that
     * stopped part-way (see {@link RepairOptions#finishedByHand()} and {@link RepairOptions#forget()})
     * and an applied migration whose file is gone (restore it, or forget it). Changes nothing but the
     * tracking table, under the migration lock. The same as {@code repair(RepairOptions.all())}.
     *
     * @return each change made; none if there was nothing to repair
     * @throws ValidationException if a migration needs a decision that was not given; nothing is changed
     */
    public RepairResult repair() {
        return repair(RepairOptions.all());
    }

    /**
     * Makes the tracking table agree with fixes made by hand, as {@code options} say: for the
     * migrations named, or every one that needs it.
     *
     * <ul>
     *   <li>A migration whose section stopped part-way is recorded as applied (up) or undone (down)
     *       only with {@link RepairOptions#finishedByHand()}, and only if the database does not say
     *       otherwise: a table that the section creates (and does not drop again) must be there, a table
     *       it drops must be gone. Without the confirmation it is refused, naming the statements that
     *       Cairn did not complete.
     *   <li>With {@link RepairOptions#forget()}, each named migration is taken out of the tracking
     *       table, whatever its state: what it made stays in the database, and, if its file is there,
     *       it is pending again. This is the way out for a part-run up that was undone by hand (the
     *       next migrate runs it from the start) and for an applied migration whose file is gone.
     *   <li>An applied migration whose file was edited gets the file's new checksum.
     * </ul>
     *
     * All or nothing: every refusal is found before anything changes. Changes nothing but the tracking
     * table, under the migration lock; a dry run ({@link RepairOptions#dryRun()}) checks the same on a
     * read-only connection without the lock and changes nothing.
     *
     * @return each change made, or for a dry run each it would make; none if there was nothing to repair
     * @throws ConfigurationException if a named migration is not in the tracking table, or, unless it
     *     is to be forgotten, has nothing to repair
     * @throws ValidationException if a chosen migration needs a decision that was not given (a part-run
     *     section without the confirmation, a lost file without forgetting it) or the database
     *     contradicts the confirmation; nothing is changed
     */
    public RepairResult repair(RepairOptions options) {
        return new Repair(database()).repair(Objects.requireNonNull(options, "options"));
    }

    /**
     * Every disagreement between the migration files and the tracking table, not only the first:
     * applied migrations whose up section was edited (comments and whitespace aside) or whose file is
     * gone, migrations that stopped part-way, pending ones older than the newest applied, two files
     * with one version, and files that cannot be read or split into statements; and, as notices that
     * leave the result valid, applied migrations whose down section changed since they were applied
     * ({@link Problem.Kind#DOWN_CHANGED}). Reads the files and the tracking table once each; creates
     * nothing.
     *
     * @return the problems and notices, and how many migrations were checked
     */
    public ValidateResult validate() {
        return new Validate(database()).validate();
    }

    /**
     * Checks the migration lock, for when a runner seems stuck. Cairn's locks live with the session
     * or process that holds them (PostgreSQL and MySQL session locks, H2's row lock, SQLite's lock
     * file), so a runner that died never leaves one behind and there is nothing to clear by hand:
     * this says that the lock is free, or names the live runner that holds it.
     *
     * @return a sentence saying that the lock is free
     * @throws LockException if a live runner holds it, naming the holder and how to stop it
     */
    public String unlock() {
        return new Unlock(database()).check();
    }

    /**
     * Proves that every migration undoes itself, on a scratch database that Cairn creates beside the
     * target (a new database on the same server; a temporary file for SQLite and H2) and drops
     * afterwards: for each migration, snapshot the schema, up, down, compare with the snapshot, up
     * again. Every migration gets a verdict; a bad down does not stop the check. The target is never
     * changed. Same as {@code verify(VerifyOptions.all())}.
     *
     * @return a verdict per migration; {@link VerifyResult#passed} says whether the check passed, and
     *     {@link VerifyResult#requirePassed} throws if it did not
     * <p>Configured with a {@link Builder#dataSource data source}, the scratch database goes beside the
     * URL given with {@link Builder#url} if any, else the URL the data source's connections report; it
     * is reached by URL as {@link Builder#user} with {@link Builder#password} if given, else as the
     * data source's user without a password (a data source does not tell its password: give it
     * where the server asks for one). On a server, the scratch database is created and dropped
     * through the data source.
     *
     * @throws ConfigurationException if the data source's connections report no URL and none was given
     * @throws CancelledException if the JVM began to shut down (Ctrl-C) during the check
     */
    public VerifyResult verify() {
        return verify(VerifyOptions.all());
    }

    /**
     * {@link #verify()} for the migrations and in the form {@code options} say: from a version on,
     * only those not applied to the target yet (which reads the target's tracking table), or the
     * range as a whole as a round trip: every up, every down newest first, every up again.
     *
     * @throws ConfigurationException if the version to start from names no migration
     */
    public VerifyResult verify(VerifyOptions options) {
        return new Verification(settings).run(options, settings.listener());
    }

    /**
     * Reads the migrations not applied to the target yet for statements that are risky on a live
     * database (an index built without {@code CONCURRENTLY}, a rename the running application still
     * uses, an up that destroys data its down cannot give back...), by the rules of the target's
     * database, with {@code lint.rules} of {@code cairn.yml} applied and {@code -- cairn:lint-ignore RULE}
     * comments honoured. Same as {@code lint(LintOptions.pending())}. Reads the tracking table; runs
     * nothing and creates nothing.
     *
     * @return the findings; {@link LintResult#passed} says whether none is at error level
     * @throws MigrationFileException if a migration cannot be read or split into statements
     */
    public LintResult lint() {
        return lint(LintOptions.pending());
    }

    /**
     * {@link #lint()} of the migrations {@code options} say: the pending ones, all, or those in named
     * files. Every migration is read, in order, so that what earlier migrations made is known; only
     * those chosen are checked. All and named files need no connection when the URL names the database.
     *
     * @throws ConfigurationException if a named file is not one of the migrations
     */
    public LintResult lint(LintOptions options) {
        return new Lint(settings).run(options);
    }

    /**
     * The lint rules of the target's database that are on, each at the level it runs at after
     * {@code lint.rules} of {@code cairn.yml}. Needs no connection when the URL names the database.
     */
    public List<LintRule> lintRules() {
        return new Lint(settings).rules();
    }

    /**
     * The target's schema, read from its catalogs, without Cairn's own tables. Reads only; an
     * embedded database that does not exist yet has an empty schema.
     */
    public SchemaSnapshot schema() {
        return new ShowSchema(database()).read();
    }

    /** Writes a new seed file {@code NAME.sql} in the seeds directory, for {@link #seedRun(List)}. */
    public Path seedMake(String name) {
        return new Seeds(settings).make(name);
    }

    /**
     * Runs the seed files named (every one if {@code names} is empty), in name order, each in a
     * transaction of its own, under the migration lock. Seeds are not tracked.
     *
     * @throws MigrationFailedException if a statement fails: that seed is rolled back, earlier ones stay
     */
    public SeedResult seedRun(List<String> names) {
        return new Seeds(database()).run(List.copyOf(names));
    }

    /** Where the database stands against the migration files. Reads only; creates nothing. */
    public Status status() {
        return new ShowStatus(database()).read();
    }

    /**
     * Connects, asks the server for its product and version, and disconnects.
     *
     * @throws ConnectionException if the database cannot be reached
     */
    public ServerInfo ping() {
        return new Ping(settings).ping();
    }

    /**
     * Writes a new, empty migration file named with the current UTC time ({@code yyyyMMddHHmmss}) and
     * {@code name}, creating the migrations directory if needed.
     *
     * @param name words describing the change; lower-cased, with anything but letters and digits (of
     *     any script: {@code 表} and {@code ü} stay) turned into {@code _}
     * @return the new file
     * @throws ConfigurationException if {@code name} has no letter or digit, makes a file name longer
     *     than the 255 bytes that file systems allow, or the file cannot be written
     */
    public Path make(String name) {
        return new MakeMigration(settings, Clock.systemUTC()).make(name);
    }

    /**
     * Writes the skeleton of a new Java migration: the class {@code V<yyyyMMddHHmmss>__<name>}, with the
     * current UTC time, implementing {@link JavaMigration} with an empty {@code up} and an empty
     * {@code down}, in the file of its package under {@code sourceDirectory} (directories are created).
     * The build compiles it; Cairn finds it through a {@code classpath:} location of its package. A
     * version that a migration file or a class of the package already has moves on to the next second.
     *
     * @param name words describing the change; lower-cased, with accents dropped and anything but ASCII
     *     letters and digits turned into {@code _}, so that it fits in a class name
     * @param packageName the class's package, such as {@code db.migrations}; null for the package of the
     *     first {@code classpath:} location in {@code migrations.locations}, else {@code db.migrations}
     * @param sourceDirectory the root of the Java sources, such as {@code src/main/java}; a relative path
     *     is taken against the process's working directory
     * @return the new file
     * @throws ConfigurationException if {@code name} has no ASCII letter or digit, the package is not a
     *     Java package name, the file name would be longer than file systems allow, or the file cannot
     *     be written
     */
    public Path makeJava(String name, String packageName, Path sourceDirectory) {
        Objects.requireNonNull(sourceDirectory, "sourceDirectory");
        return new MakeMigration(settings, Clock.systemUTC()).makeJava(name, packageName, sourceDirectory);
    }

    /** The environment's name ({@code custom} when configured without {@code cairn.yml}). */
    public String environmentName() {
        return settings.environment();
    }

    /** Where migrations run, as a JDBC URL with any password removed (or a data source's description). */
    public String target() {
        return settings.target();
    }

    /** The migrations directory: where {@link #make} writes (with locations, the first directory). */
    public Path migrationsDirectory() {
        return settings.migrationsDirectory();
    }

    /**
     * Where migrations are read from, in order: {@code filesystem:} and an absolute path, or
     * {@code classpath:} and a package path (a directory alone, without {@code migrations.locations}).
     */
    public List<String> locations() {
        return settings.migrations().locations().stream().map(Object::toString).toList();
    }

    /**
     * Configures a {@link Cairn}: from {@code cairn.yml} (by default {@code cairn.yml} in the working
     * directory, unless a URL or a {@link DataSource} is given), or from a URL or a data source alone.
     * Settings given here override the file's; what neither gives takes its default (see
     * {@link EnvironmentConfig}). Each setting has the same name here as in the file's record.
     */
    public static final class Builder {

        private final Settings.Draft draft = new Settings.Draft();
        private Path configFile;
        private Map<String, String> variables;

        private Builder() {}

        /** Reads settings from this {@code cairn.yml}; it must exist. */
        public Builder configFile(Path file) {
            configFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Uses this environment of {@code cairn.yml}; default {@code CAIRN_ENV}, else {@code development}. */
        public Builder environment(String name) {
            draft.environment = name;
            return this;
        }

        /**
         * Takes {@code ${VAR}} values (and {@code CAIRN_ENV}) from this map instead of the process
         * environment. {@code .env} still fills in what is missing.
         */
        public Builder variables(Map<String, String> variables) {
            this.variables = Map.copyOf(variables);
            return this;
        }

        /**
         * Resolves relative paths given here ({@link #configFile}, the directories, the schema file), and
         * the default directories when there is no {@code cairn.yml}, against this directory instead of
         * the process's working directory. Paths in {@code cairn.yml} are relative to the file's directory.
         */
        public Builder workingDirectory(Path directory) {
            draft.workingDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Connects to this JDBC URL, overriding the file ({@code --url}). A URL that carries its own
         * credentials ({@code user=}, {@code password=}, {@code user:secret@}) takes neither the file's user
         * nor its password; one without keeps them. With a {@link #dataSource}, the data source still gives
         * the connections and this URL only says where {@link Cairn#verify()} makes its scratch database.
         */
        public Builder url(String url) {
            draft.url = url;
            return this;
        }

        /**
         * Connects as this user, overriding the file ({@code --user}); the file's password, which belongs
         * to the file's user, is then not sent unless {@link #password} gives one. With a
         * {@link #dataSource}, the user for {@link Cairn#verify()}'s scratch database.
         */
        public Builder user(String user) {
            draft.user = user;
            return this;
        }

        /**
         * Connects with this password, overriding the file ({@code --password}); with a {@link #dataSource},
         * the password for {@link Cairn#verify()}'s scratch database.
         */
        public Builder password(String password) {
            draft.password = password;
            return this;
        }

        /**
         * Takes connections from this data source instead of a URL. Cairn borrows one connection per
         * command and closes it (returning it to a pool); it never closes the data source. See
         * {@link Cairn#verify()} for where its scratch database goes then.
         */
        public Builder dataSource(DataSource dataSource) {
            draft.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Reads migrations from this directory, overriding {@code migrations.directory} (and
         * {@code migrations.locations}: the directory is the one location).
         */
        public Builder migrationsDirectory(Path directory) {
            draft.migrationsDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Reads migrations from this directory, overriding {@code migrations.directory}. */
        public Builder migrationsDirectory(String directory) {
            return migrationsDirectory(Path.of(directory));
        }

        /**
         * Reads migrations from these locations, merged into one ordered set, overriding
         * {@code migrations.locations} and {@code migrations.directory}: {@code filesystem:PATH} (or a
         * bare path), a directory of SQL files; {@code classpath:PACKAGE}, such as
         * {@code classpath:db/migrations}, the SQL files and {@link JavaMigration} classes in that package
         * of every directory and jar of the {@link #classLoader}.
         *
         * @throws ConfigurationException when {@link #load()} is called, for a location it cannot read
         */
        public Builder locations(String... locations) {
            draft.locations = List.of(locations);
            return this;
        }

        /**
         * Reads {@code classpath:} locations through this class loader; by default the thread's context
         * class loader at {@link #load()}, else the one that loaded Cairn.
         */
        public Builder classLoader(ClassLoader classLoader) {
            draft.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Adds these Java migrations to the ones found in the locations, such as instances built by the
         * application with what they need (a class found by scanning needs a constructor without
         * parameters; these do not).
         */
        public Builder javaMigrations(JavaMigration... migrations) {
            return javaMigrations(List.of(migrations));
        }

        /** Adds these Java migrations, as {@link #javaMigrations(JavaMigration...)} does. */
        public Builder javaMigrations(Collection<? extends JavaMigration> migrations) {
            draft.javaMigrations.addAll(migrations);
            return this;
        }

        /**
         * After each migrate, up, down or rollback that changed something, writes the schema (as
         * {@link Cairn#schema()} reads it) to this file, overriding {@code migrations.schema-file}.
         */
        public Builder schemaFile(Path file) {
            draft.schemaFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Reads seeds from this directory, overriding {@code seeds.directory}. */
        public Builder seedsDirectory(Path directory) {
            draft.seedsDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Names the tracking table, overriding {@code migrations.table}; a plain identifier. */
        public Builder table(String table) {
            draft.table = table;
            return this;
        }

        /** Puts the tracking table in this schema, overriding {@code migrations.schema}; a plain identifier. */
        public Builder schema(String schema) {
            draft.schema = schema;
            return this;
        }

        /**
         * Waits this long for another runner's lock before giving up, overriding {@code lock-timeout}.
         *
         * @throws ConfigurationException if {@code timeout} is not more than 0, or longer than a day
         */
        public Builder lockTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ConfigurationException("lockTimeout must be more than 0, not " + timeout + ".");
            }
            if (timeout.compareTo(Durations.MAXIMUM) > 0) {
                throw new ConfigurationException(Durations.tooLong("lockTimeout", timeout.toString()));
            }
            draft.lockTimeout = timeout;
            return this;
        }

        /**
         * Makes each migration statement wait at most this long for a table lock, and try again up to three
         * times after it gives up, overriding {@code lock-timeout-ddl}: a migration that needs an exclusive
         * lock then waits between the application's queries instead of stalling them all behind it.
         * PostgreSQL ({@code lock_timeout}), MySQL and MariaDB ({@code lock_wait_timeout}, whole seconds);
         * SQLite and H2 have no such setting and ignore it.
         *
         * @throws ConfigurationException if {@code timeout} is less than 10 ms, or longer than a day
         */
        public Builder lockTimeoutDdl(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 10) {
                throw new ConfigurationException("lockTimeoutDdl must be at least 10ms, not " + timeout + ".");
            }
            if (timeout.compareTo(Durations.MAXIMUM) > 0) {
                throw new ConfigurationException(Durations.tooLong("lockTimeoutDdl", timeout.toString()));
            }
            draft.lockTimeoutDdl = timeout;
            return this;
        }

        /**
         * Keeps the checksums worked out from the migration files in {@code directory} for the next run,
         * which then need not cut those files into statements again: for a process that starts for one
         * command (the command line), where cutting and hashing was half the work of reading a thousand
         * files. An entry is found by a section's whole text, so an edited file is always seen; what
         * cannot be read or written there is ignored. Off by default, since a long-lived process gains
         * little.
         */
        public Builder checksumCache(Path directory) {
            draft.checksumCache = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Reports progress to this listener. */
        public Builder listener(MigrationListener listener) {
            draft.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Makes the environment a fleet of these targets, instead of the targets of {@code cairn.yml},
         * if any (see {@link Cairn#fleet()}).
         */
        public Builder targets(Targets targets) {
            draft.targets = Objects.requireNonNull(targets, "targets");
            return this;
        }

        /**
         * Values for placeholders that migrations write as {@code ${name}}, over those of
         * {@code migrations.placeholders} ({@code target} is the fleet's own).
         */
        public Builder placeholders(Map<String, String> values) {
            values.keySet().forEach(name -> {
                if (name.equals(Targets.PLACEHOLDER)) {
                    throw new IllegalArgumentException("${target} is the fleet target a migration runs on");
                }
            });
            draft.placeholders.putAll(values);
            return this;
        }

        /** How many targets of a fleet are worked on at once, instead of {@code parallel:}. */
        public Builder parallel(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("parallel must be 1 or more, not " + count);
            }
            draft.parallel = count;
            return this;
        }

        /**
         * Checks the settings and builds the {@code Cairn}. Reads {@code cairn.yml} if there is one to
         * read; does not connect to the database.
         *
         * @throws ConfigurationException if {@code cairn.yml} is missing or invalid, the environment is
         *     unknown, a variable is unset, or the table or schema is not a plain identifier
         */
        public Cairn load() {
            Path file = configFile != null
                    ? configFile
                    : draft.url == null && draft.dataSource == null ? Path.of(CairnConfig.DEFAULT_FILE) : null;
            EnvironmentConfig environment = null;
            if (file != null) {
                Path absolute = draft.resolvedWorkingDirectory().resolve(file);
                environment = CairnConfig.load(absolute, variables != null ? variables : System.getenv())
                        .environment(draft.environment);
            }
            return new Cairn(Settings.resolve(draft, environment));
        }
    }
}
