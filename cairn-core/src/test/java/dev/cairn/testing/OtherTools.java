// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.logging.core.NoOpLogService;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Runs three other migration tools for real on a test database, so that the tables they write (their
 * history) are the tools' own, not a copy made by hand: Flyway 13 and Liquibase 4 through their Java
 * APIs in this JVM, Knex 3 through its command line under Node.js. For the tests of {@code cairn import}.
 *
 * <pre>{@code
 * TestDatabase db = databases.create(Engine.MARIADB);
 * OtherTools.flywayMigrate(db, dir);                        // writes flyway_schema_history
 * OtherTools.liquibaseUpdate(db, dir, "db/changelog.yaml"); // writes DATABASECHANGELOG
 * OtherTools.knexMigration(dir, "20240101_users", "CREATE TABLE users (id int)", "DROP TABLE users");
 * OtherTools.knexMigrate(db, dir);                          // writes knex_migrations, batch 1
 * }</pre>
 *
 * <p>What they write, as {@code OtherToolsIT} shows: Flyway's {@code flyway_schema_history}, quoted and
 * so lower case everywhere (on H2 its columns too), with on H2 alone an extra first row, rank -1, type
 * {@code TABLE}; Liquibase's {@code DATABASECHANGELOG} unquoted, so {@code databasechangelog} on
 * PostgreSQL and upper case elsewhere, its {@code FILENAME} the changelog's path as given; Knex's
 * {@code knex_migrations}, one batch per run, whose {@code migration_time} better-sqlite3 stores on SQLite
 * as milliseconds since 1970 in a column declared {@code datetime}.
 *
 * <p>A run that fails throws {@link RunFailedException}, with what the tool said, and leaves behind
 * whatever the tool leaves behind: Flyway on MariaDB and on H2, whose DDL commits by itself, keeps a row
 * with {@code success} false for a migration that failed, which {@link #flywayRepair} removes.
 *
 * <p>Flyway and Liquibase are quiet: they log nothing, and print nothing, since the exception says what
 * failed. Liquibase's analytics are switched off: there is no network here, and a call out would
 * have to time out.
 *
 * <p><b>Knex</b> needs {@code node} and {@code npm} on the {@code PATH}; without them its tests are
 * skipped with the end-of-run banner's note (how to install them), or fail under {@code CI=true}. Knex
 * and its drivers ({@code pg}, {@code mysql2}, {@code better-sqlite3}) are those of
 * {@code cairn-core/src/test/knex/package-lock.json}, installed once by {@code npm ci} into
 * {@code ~/.cache/cairn-tests/knex-<hash>/}, outside {@code target/} so that {@code mvn clean} keeps it;
 * the hash is of the lock file and the Node.js version (better-sqlite3 is a native module built for one
 * Node.js). The install goes into a temporary directory beside it that is renamed into place when
 * complete, so that concurrent test JVMs never see half an install; a JVM that loses the race deletes its
 * own. The first install takes one to three minutes, most of it compiling better-sqlite3 (and fetching
 * every package when npm's own cache is cold): its install script
 * first tries to download a prebuilt binary from GitHub, which cannot be reached here, then builds it
 * with node-gyp, which would download Node.js's headers from nodejs.org, which cannot be reached either;
 * so the install points node-gyp at the headers that the Node.js installation ships
 * ({@code /usr/include/node} for Debian's {@code nodejs}: {@code npm_config_nodedir=/usr}), unless
 * {@code npm_config_nodedir} is set already.
 */
public final class OtherTools {

    /** How long one Knex run may take; a test's two migrations take about a second. */
    private static final Duration KNEX_TIMEOUT = Duration.ofMinutes(2);

    /** How long the first install of Knex may take; it takes one to three minutes on two cores. */
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);

    /** The committed package.json and package-lock.json, relative to cairn-core. */
    private static final Path KNEX_PACKAGE = Path.of("src", "test", "knex");

    /** How much of a failed process's output an exception message carries, from each stream's end. */
    private static final int OUTPUT_TAIL = 4000;

    /** A partial install older than this is left by a run that died: the install times out long before. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    /** The Knex install of this JVM, once {@link #knexInstall} has found or made it. */
    private static Path installed;

    private OtherTools() {}

    /**
     * A run of another tool that failed: the tool's exception is the cause (Flyway's and Liquibase's), or
     * the end of the process's output is in the message (Knex's, npm's).
     */
    public static final class RunFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String tool;

        RunFailedException(String tool, String message, Throwable cause) {
            super(message, cause);
            this.tool = tool;
        }

        /**
         * Returns the tool that failed: {@code Flyway}, {@code Liquibase}, {@code Knex}, or {@code npm} or
         * {@code node} while installing Knex.
         */
        public String tool() {
            return tool;
        }
    }

    // ---- Flyway ----

    /**
     * Runs Flyway's {@code migrate} of the SQL migrations ({@code V1__name.sql}, …) in the directory
     * {@code locationDir} (a {@code filesystem:} location) on {@code db}, which writes
     * {@code flyway_schema_history}.
     *
     * @throws RunFailedException when Flyway fails, with Flyway's exception as the cause; on MariaDB the
     *     failed migration's row ({@code success} false) stays in the history
     */
    public static void flywayMigrate(TestDatabase db, Path locationDir) {
        try {
            flyway(db).locations(location(locationDir)).load().migrate();
        } catch (FlywayException e) {
            throw flywayFailed("migrate", db, e);
        }
    }

    /**
     * Runs Flyway's {@code baseline} at {@code version} on {@code db}, which must have no Flyway history
     * yet: it writes {@code flyway_schema_history} with one row of type {@code BASELINE}.
     *
     * @throws RunFailedException when Flyway fails, with Flyway's exception as the cause
     */
    public static void flywayBaseline(TestDatabase db, String version) {
        try {
            flyway(db).baselineVersion(version).load().baseline();
        } catch (FlywayException e) {
            throw flywayFailed("baseline", db, e);
        }
    }

    /**
     * Runs Flyway's {@code repair} on {@code db} with the migrations in {@code locationDir}: it removes
     * the rows of failed migrations and realigns the recorded checksums with the files.
     *
     * @throws RunFailedException when Flyway fails, with Flyway's exception as the cause
     */
    public static void flywayRepair(TestDatabase db, Path locationDir) {
        try {
            flyway(db).locations(location(locationDir)).load().repair();
        } catch (FlywayException e) {
            throw flywayFailed("repair", db, e);
        }
    }

    private static FluentConfiguration flyway(TestDatabase db) {
        // This class's loader, not the thread's context loader (Flyway's default), finds Flyway's database
        // plugins whichever thread a test runs on.
        return Flyway.configure(OtherTools.class.getClassLoader())
                .loggers(SilentFlywayLog.class.getName())
                .dataSource(db.url(), db.user(), db.password());
    }

    /**
     * Flyway's log, for {@code loggers}: nothing. Flyway would log a line per migration, and an ERROR for
     * each failure that a test makes on purpose; {@link RunFailedException} carries what failed. Public
     * only because Flyway instantiates it by its name.
     */
    public static final class SilentFlywayLog implements LogCreator, Log {
        /** Creates the log; Flyway calls it. */
        public SilentFlywayLog() {}

        @Override
        public Log createLogger(Class<?> type) {
            return this;
        }

        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void error(String message) {}

        @Override
        public void error(String message, Exception e) {}

        @Override
        public void notice(String message) {}
    }

    private static String location(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no directory of migrations at " + dir);
        }
        return "filesystem:" + dir.toAbsolutePath();
    }

    private static RunFailedException flywayFailed(String command, TestDatabase db, FlywayException e) {
        return new RunFailedException("Flyway", "Flyway " + command + " failed on " + db + ": " + e.getMessage(), e);
    }

    // ---- Liquibase ----

    /**
     * Runs Liquibase's {@code update} of the changelog {@code changelog} (a path relative to
     * {@code searchPath}, which Liquibase records as the {@code FILENAME} of each change set) on
     * {@code db}, which writes {@code DATABASECHANGELOG} (and {@code DATABASECHANGELOGLOCK}).
     *
     * @throws RunFailedException when Liquibase fails, with Liquibase's exception as the cause
     */
    // "try": DirectoryResourceAccessor.close() declares Exception, which javac warns may be an interruption.
    @SuppressWarnings("try")
    public static void liquibaseUpdate(TestDatabase db, Path searchPath, String changelog) {
        try (DirectoryResourceAccessor files = new DirectoryResourceAccessor(searchPath)) {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), files);
            // Its messages to the console and its log go nowhere: the exception says what failed.
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            scope.put(Scope.Attr.logService.name(), new NoOpLogService());
            // Liquibase 4.30 and later ask a server for their analytics settings, then send a report.
            scope.put("liquibase.analytics.enabled", false);
            // Each `liquibase update` is a process of its own, with a deployment id of its own (the batch
            // that Cairn's import makes of it); in one JVM the root scope would give every run the same.
            scope.put(Scope.Attr.deploymentId.name(), deploymentId());
            Scope.child(scope, () -> {
                CommandScope update = new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, db.url());
                if (db.user() != null) {
                    update.addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, db.user());
                }
                if (db.password() != null) {
                    update.addArgumentValue(DbUrlConnectionArgumentsCommandStep.PASSWORD_ARG, db.password());
                }
                // Its update summary, which it prints on standard output.
                update.setOutput(OutputStream.nullOutputStream());
                update.execute();
            });
        } catch (Exception e) {
            // Scope.child declares Exception; Liquibase's own are checked (CommandExecutionException).
            throw new RunFailedException(
                    "Liquibase",
                    "Liquibase update of " + changelog + " in " + searchPath + " failed on " + db + ": "
                            + Discovery.messages(e),
                    e);
        }
    }

    /** A new deployment id as Liquibase makes them: the last ten digits of the time in milliseconds. */
    private static synchronized String deploymentId() {
        long now = Math.max(System.currentTimeMillis(), lastDeployment + 1);
        lastDeployment = now;
        String millis = Long.toString(now);
        return millis.substring(millis.length() - 10);
    }

    private static long lastDeployment;

    // ---- Knex ----

    /**
     * Writes the Knex migration {@code name}{@code .js} into {@code migrationsDir} (made if missing) whose
     * {@code up} and {@code down} each run one SQL statement with {@code knex.raw}, and returns its path.
     * Knex runs migrations in the order of their file names. The SQL must hold no {@code ?}: Knex takes it
     * for a binding.
     */
    public static Path knexMigration(Path migrationsDir, String name, String upSql, String downSql) {
        return knexMigration(migrationsDir, name, List.of(upSql), List.of(downSql));
    }

    /**
     * Writes the Knex migration {@code name}{@code .js} into {@code migrationsDir} (made if missing) whose
     * {@code up} and {@code down} run the given SQL statements in order, one {@code knex.raw} each (one
     * call cannot hold several: better-sqlite3 and mysql2 refuse that), and returns its path.
     */
    public static Path knexMigration(Path migrationsDir, String name, List<String> upSql, List<String> downSql) {
        String js = "// Written by dev.cairn.testing.OtherTools.\n"
                + "exports.up = async function (knex) {\n" + raws(upSql) + "};\n"
                + "exports.down = async function (knex) {\n" + raws(downSql) + "};\n";
        try {
            Files.createDirectories(migrationsDir);
            return Files.writeString(migrationsDir.resolve(name + ".js"), js);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Knex migration " + name + " in " + migrationsDir, e);
        }
    }

    private static String raws(List<String> statements) {
        StringBuilder js = new StringBuilder();
        for (String sql : statements) {
            js.append("  await knex.raw(").append(jsString(sql)).append(");\n");
        }
        return js.toString();
    }

    /**
     * Runs Knex's {@code migrate:latest} of the {@code .js} migrations in {@code migrationsDir} on
     * {@code db}, which writes {@code knex_migrations} (one batch per run that applies anything) and
     * {@code knex_migrations_lock}. Knex runs on PostgreSQL ({@code pg}), MariaDB ({@code mysql2}) and
     * SQLite ({@code better-sqlite3}); it has no H2.
     *
     * @throws IllegalArgumentException for an H2 database
     * @throws EngineUnavailableException (the test is skipped) without {@code node} and {@code npm} on the
     *     PATH, outside CI
     * @throws MissingServerException without them under {@code CI=true}
     * @throws RunFailedException when Knex (or its install) fails or times out, with the end of its output
     */
    public static void knexMigrate(TestDatabase db, Path migrationsDir) {
        String config = knexConfig(db, migrationsDir);
        Path install = knexInstall(db.engine());
        Path runs = install.resolve("runs");
        Path dir = null;
        try {
            // Beside the install, so that the command line finds the install's knex above its knexfile.
            Files.createDirectories(runs);
            dir = Files.createTempDirectory(runs, "knexfile-");
            Path knexfile = Files.writeString(dir.resolve("knexfile.js"), config);
            run(
                    "Knex",
                    List.of(
                            command("node", db.engine()),
                            install.resolve("node_modules/knex/bin/cli.js").toString(),
                            "migrate:latest",
                            "--knexfile",
                            knexfile.toString()),
                    dir,
                    Map.of("NO_COLOR", "1"),
                    KNEX_TIMEOUT,
                    "Knex migrate:latest of " + migrationsDir + " on " + db);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a knexfile in " + runs, e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    /** The knexfile for {@code db}: the driver, where the database is, and the migrations. */
    private static String knexConfig(TestDatabase db, Path migrationsDir) {
        Map<String, Object> connection = new LinkedHashMap<>();
        String client;
        switch (db.engine()) {
            case SQLITE -> {
                client = "better-sqlite3";
                connection.put("filename", SqliteBackend.file(db).toString());
            }
            case POSTGRESQL, MARIADB -> {
                client = db.engine() == Engine.POSTGRESQL ? "pg" : "mysql2";
                URI server = server(db);
                connection.put("host", server.getHost());
                connection.put("port", server.getPort());
                if (db.user() != null) {
                    connection.put("user", db.user());
                }
                if (db.password() != null) {
                    connection.put("password", db.password());
                }
                connection.put("database", server.getPath().substring(1));
            }
            case H2 -> throw new IllegalArgumentException("Knex has no H2 client: " + db + " cannot be migrated");
            default -> throw new IllegalArgumentException("no Knex client for " + db);
        }
        StringBuilder js = new StringBuilder("module.exports = {\n  client: ").append(jsString(client));
        js.append(",\n  connection: {");
        connection.forEach((key, value) -> js.append(' ')
                .append(key)
                .append(": ")
                .append(value instanceof Integer ? value.toString() : jsString(value.toString()))
                .append(','));
        js.append(" },\n");
        if (db.engine() == Engine.SQLITE) {
            // Knex warns without it: SQLite has no DEFAULT for a column left out of an insert.
            js.append("  useNullAsDefault: true,\n");
        }
        js.append("  migrations: { directory: ")
                .append(jsString(migrationsDir.toAbsolutePath().toString()))
                .append(", loadExtensions: ['.js'] },\n};\n");
        return js.toString();
    }

    /** The host, port and database of a server database, from its JDBC URL. */
    private static URI server(TestDatabase db) {
        int q = db.url().indexOf('?');
        String url = (q < 0 ? db.url() : db.url().substring(0, q)).substring("jdbc:".length());
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null
                    || uri.getPort() < 0
                    || uri.getPath() == null
                    || uri.getPath().length() < 2) {
                throw new URISyntaxException(url, "no host, port or database");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read host, port and database from " + db.url(), e);
        }
    }

    /** A JavaScript string literal of {@code text}. */
    private static String jsString(String text) {
        StringBuilder js = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> js.append("\\\"");
                case '\\' -> js.append("\\\\");
                case '\n' -> js.append("\\n");
                case '\r' -> js.append("\\r");
                case '\t' -> js.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        js.append(String.format("\\u%04x", (int) c));
                    } else {
                        js.append(c);
                    }
                }
            }
        }
        return js.append('"').toString();
    }

    /**
     * Returns the directory that holds Knex's {@code node_modules}, installing it on first use (see the
     * class comment).
     */
    private static synchronized Path knexInstall(Engine engine) {
        if (installed != null) {
            return installed;
        }
        String npm = command("npm", engine);
        String node = command("node", engine);
        Path sources = knexPackage();
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "cairn-tests");
        Path target;
        try {
            String nodeVersion = run("node", List.of(node, "--version"), sources, Map.of(), KNEX_TIMEOUT, "node")
                    .strip();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(sources.resolve("package-lock.json")));
            sha.update(nodeVersion.getBytes(StandardCharsets.UTF_8));
            target = cache.resolve(
                    "knex-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
            if (Files.isRegularFile(target.resolve("node_modules/knex/bin/cli.js"))) {
                installed = target;
                return target;
            }
            Files.createDirectories(cache);
            deleteAbandoned(cache);
            Path partial = Files.createTempDirectory(cache, target.getFileName() + ".installing-");
            try {
                for (String file : List.of("package.json", "package-lock.json")) {
                    Files.copy(sources.resolve(file), partial.resolve(file));
                }
                Map<String, String> env = new LinkedHashMap<>();
                env.put("npm_config_update_notifier", "false");
                nodeHeaders(node).ifPresent(dir -> env.put("npm_config_nodedir", dir.toString()));
                run(
                        "npm",
                        List.of(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"),
                        partial,
                        env,
                        NPM_TIMEOUT,
                        "npm ci of Knex (" + sources.resolve("package-lock.json") + ") into " + partial);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileSystemException anotherJvmWasFirst) {
                    // Linux's rename(2) says ENOTEMPTY, which Java reports as a plain FileSystemException
                    // ("Directory not empty"), not DirectoryNotEmptyException: the other install is as good.
                    if (!Files.isRegularFile(target.resolve("node_modules/knex/bin/cli.js"))) {
                        throw anotherJvmWasFirst;
                    }
                }
            } finally {
                if (Files.exists(partial)) {
                    deleteTree(partial);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install Knex into " + cache, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        installed = target;
        return target;
    }

    /** Deletes the partial installs in {@code cache} that runs which died left behind. */
    private static void deleteAbandoned(Path cache) throws IOException {
        long before = System.currentTimeMillis() - ABANDONED.toMillis();
        try (Stream<Path> dirs = Files.list(cache)) {
            for (Path dir : dirs.toList()) {
                if (dir.getFileName().toString().contains(".installing-")
                        && Files.getLastModifiedTime(dir).toMillis() < before) {
                    deleteTree(dir);
                }
            }
        }
    }

    /**
     * The directory with Node.js's headers in {@code include/node} beside the {@code node} that runs,
     * unless {@code npm_config_nodedir} says where they are already; empty if there is none.
     */
    private static Optional<Path> nodeHeaders(String node) throws IOException {
        if (System.getenv("npm_config_nodedir") != null || System.getenv("NPM_CONFIG_NODEDIR") != null) {
            return Optional.empty();
        }
        // /usr/bin/node → /usr, whose include/node holds common.gypi and node.h.
        Path prefix = Path.of(node).toRealPath().getParent().getParent();
        return prefix != null && Files.isRegularFile(prefix.resolve("include/node/common.gypi"))
                ? Optional.of(prefix)
                : Optional.empty();
    }

    /** Finds cairn-core's {@code src/test/knex} above this class's location or the working directory. */
    private static Path knexPackage() {
        List<Path> starts = new ArrayList<>();
        CodeSource code = OtherTools.class.getProtectionDomain().getCodeSource();
        if (code != null && code.getLocation() != null) {
            try {
                // target/test-classes, or the test-jar in target/ (cairn-cli's tests, in the reactor).
                starts.add(Path.of(code.getLocation().toURI()));
            } catch (URISyntaxException e) {
                // No location to start from: the working directory still is one.
            }
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                for (Path candidate : List.of(
                        dir.resolve(KNEX_PACKAGE), dir.resolve("cairn-core").resolve(KNEX_PACKAGE))) {
                    if (Files.isRegularFile(candidate.resolve("package-lock.json"))) {
                        return candidate;
                    }
                }
            }
        }
        throw new IllegalStateException(
                "cannot find cairn-core/" + KNEX_PACKAGE + "/package-lock.json above " + starts);
    }

    /**
     * Returns the path of {@code name} on the PATH, or else skips the test (outside CI) or fails it (CI).
     */
    private static String command(String name, Engine engine) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path file = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(file) && !Files.isDirectory(file)) {
                    return file.toString();
                }
            }
        }
        String why = "Knex needs Node.js, but there is no " + name + " on the PATH";
        String how = "install Node.js 20 or later with npm (Debian: apt-get install nodejs npm)";
        if (Discovery.isCi(System.getenv())) {
            throw new MissingServerException(why + ": " + how + ".");
        }
        throw new EngineUnavailableException(engine, why, how);
    }

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to this JVM's environment and returns
     * its standard output; its output is kept only for the exception when it fails.
     */
    private static String run(
            String tool, List<String> command, Path dir, Map<String, String> env, Duration timeout, String what)
            throws IOException {
        Path out = Files.createTempFile("cairn-" + tool.toLowerCase(Locale.ROOT), ".out");
        Path err = Files.createTempFile("cairn-" + tool.toLowerCase(Locale.ROOT), ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().remove("NODE_ENV");
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean ended;
            try {
                ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = false;
            }
            if (!ended) {
                // npm's children (node-gyp, make, the compiler) first, or they would outlive it.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new RunFailedException(
                        tool, what + " did not end within " + timeout.toSeconds() + " s" + output(out, err), null);
            }
            if (process.exitValue() != 0) {
                throw new RunFailedException(
                        tool, what + " failed with exit code " + process.exitValue() + output(out, err), null);
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The end of a process's standard error and standard output, for an exception's message. */
    private static String output(Path out, Path err) throws IOException {
        return "\n--- stderr:\n" + tail(Files.readString(err)) + "\n--- stdout:\n" + tail(Files.readString(out));
    }

    private static String tail(String text) {
        String stripped = text.strip();
        return stripped.length() <= OUTPUT_TAIL ? stripped : "…" + stripped.substring(stripped.length() - OUTPUT_TAIL);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
