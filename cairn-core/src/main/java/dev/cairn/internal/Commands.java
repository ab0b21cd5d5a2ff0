// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal;

import dev.cairn.ConfigurationException;
import dev.cairn.Direction;
import dev.cairn.LockException;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.Problem;
import dev.cairn.RepairResult;
import dev.cairn.RollbackResult;
import dev.cairn.SchemaSnapshot;
import dev.cairn.SeedResult;
import dev.cairn.ServerInfo;
import dev.cairn.Status;
import dev.cairn.VerifyResult;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.history.HistoryStore;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.plan.Work;
import dev.cairn.internal.run.Runner;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.source.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Carries out each command of the public API. A change goes: read the files (so a broken file is
 * reported before connecting) → connect → take the lock → read the tracking table → plan → run →
 * commit → release. Read-only commands connect read-only, take no lock and write nothing.
 */
public final class Commands {

    /** The body of a new migration file. */
    static final String TEMPLATE = "-- migrate:up\n\n\n-- migrate:down\n\n";

    private static final DateTimeFormatter VERSION_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Settings settings;
    private final Clock clock;

    /** Creates the commands for these settings. */
    public Commands(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    Commands(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The settings the commands run with. */
    public Settings settings() {
        return settings;
    }

    /** {@code migrate}, {@code migrate --to} or {@code up}. */
    public MigrateResult migrate(Operation operation) {
        long started = System.nanoTime();
        List<MigrationRun> runs = change(operation);
        writeSchemaFile(runs);
        return new MigrateResult(
                runs.isEmpty()
                        ? OptionalInt.empty()
                        : OptionalInt.of(runs.get(0).batch()),
                runs,
                since(started));
    }

    /** {@code down} or one of the {@code rollback} forms. */
    public RollbackResult rollback(Operation operation) {
        long started = System.nanoTime();
        List<MigrationRun> runs = change(operation);
        writeSchemaFile(runs);
        return new RollbackResult(runs, since(started));
    }

    /** See {@link dev.cairn.Cairn#repair()}. */
    public RepairResult repair() {
        long started = System.nanoTime();
        Map<String, Migration> files = new HashMap<>();
        for (Migration migration : MigrationDirectory.scan(settings.migrationsDirectory())) {
            files.put(migration.name(), migration);
        }
        List<RepairResult.Repair> repairs = new ArrayList<>();
        try (Session session = Session.forChange(settings, settings.listener())) {
            try {
                HistoryStore history = session.history();
                for (HistoryRow row : history.exists() ? history.read() : List.<HistoryRow>of()) {
                    Migration file = files.get(row.name());
                    if (row.isIncomplete() && row.progress().direction() == Direction.DOWN) {
                        history.delete(row);
                        repairs.add(new RepairResult.Repair(
                                row.name(),
                                RepairResult.Kind.UNDONE,
                                row.name()
                                        + " is recorded as undone (its down section had stopped after statement "
                                        + row.progress().statementsRun() + ")."));
                    } else if (row.isIncomplete()) {
                        history.complete(repaired(row, file));
                        repairs.add(new RepairResult.Repair(
                                row.name(),
                                RepairResult.Kind.COMPLETED,
                                row.name()
                                        + " is recorded as applied (its up section had stopped after statement "
                                        + row.progress().statementsRun() + ")."));
                    } else if (file != null
                            && !(row.checksum().equals(file.checksum())
                                    && row.checksumAlgorithm() == Checksum.ALGORITHM)) {
                        history.complete(repaired(row, file));
                        repairs.add(new RepairResult.Repair(
                                row.name(),
                                RepairResult.Kind.CHECKSUM,
                                row.name() + " now carries the checksum of its edited file."));
                    }
                }
                session.connection().commit();
            } catch (SQLException e) {
                throw session.failure("repairing the tracking table", e);
            }
        }
        return new RepairResult(repairs, since(started));
    }

    /** {@code row} as applied, with the checksum of its file as it is now (or as it was, if it is gone). */
    private static HistoryRow repaired(HistoryRow row, Migration file) {
        return new HistoryRow(
                row.id(),
                row.version(),
                row.name(),
                row.batch(),
                file == null ? row.checksum() : file.checksum(),
                file == null ? row.checksumAlgorithm() : Checksum.ALGORITHM,
                row.appliedAt(),
                row.executionMillis(),
                null);
    }

    /** What {@code operation} would do; reads only. */
    public Plan plan(Operation operation) {
        BackgroundScan scan = BackgroundScan.start(settings.migrationsDirectory());
        try (Session session = scan.whileConnecting(() -> Session.forReading(settings))) {
            return new Planner(scan.migrations(), read(session))
                    .plan(
                            operation,
                            session.dialect().splitRules(),
                            session.dialect().transactionalDdl())
                    .toPlan();
        }
    }

    /**
     * Writes the schema to {@code migrations.schema-file}, if set, after a change that ran something,
     * so that code review shows what each change did to the schema. Written to a temporary file and
     * moved into place, so a reader never sees half of it.
     */
    private void writeSchemaFile(List<MigrationRun> runs) {
        if (runs.isEmpty() || settings.schemaFile().isEmpty()) {
            return;
        }
        Path file = settings.schemaFile().get();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".cairn-schema", ".tmp");
            Files.writeString(temporary, schema().text(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The change succeeded, but the schema file " + file + " could not be written", e);
        }
    }

    /** See {@link dev.cairn.Cairn#seedMake(String)}. */
    public Path seedMake(String name) {
        return new Seeds(settings).make(name);
    }

    /** See {@link dev.cairn.Cairn#seedRun(List)}. */
    public SeedResult seedRun(List<String> names) {
        return new Seeds(settings).run(names);
    }

    /** See {@link dev.cairn.Cairn#verify()}. */
    public VerifyResult verify(Optional<String> from, boolean pendingOnly) {
        return new Verification(settings).run(from, pendingOnly);
    }

    /** See {@link dev.cairn.Cairn#schema()}. */
    public SchemaSnapshot schema() {
        try (Session session = Session.forReading(settings)) {
            if (!session.exists()) {
                return new SchemaSnapshot(new TreeMap<>());
            }
            String table = settings.table().table().toLowerCase(Locale.ROOT);
            try {
                return session.dialect().schemaReader().read(session.connection(), Set.of(table, table + "_lock"));
            } catch (SQLException e) {
                throw session.failure("reading the schema", e);
            }
        }
    }

    /** See {@link dev.cairn.Cairn#unlock()}. */
    public String unlock() {
        try (Session reading = Session.forReading(settings)) {
            if (!reading.exists()) {
                return "Nothing to unlock: the database " + settings.target() + " does not exist yet.";
            }
        }
        try (Session session = Session.forChange(settings.withLockTimeout(Duration.ZERO), MigrationListener.NONE)) {
            return "The migration lock on " + session.history().table() + " is free: nothing was left behind."
                    + " Cairn's locks end with the runner that holds them, even one that was killed.";
        } catch (LockException e) {
            throw new LockException(e.getMessage().replaceFirst("; gave up after .*", ".") + " It belongs to a"
                    + " runner that is still alive: locks end with their runner, so none is ever left behind."
                    + " Wait for it to finish, or stop it (PostgreSQL: SELECT pg_terminate_backend(pid); MySQL and"
                    + " MariaDB: KILL connection-id; SQLite: end that process).");
        }
    }

    /** See {@link dev.cairn.Cairn#validate()}. */
    public List<Problem> validate() {
        MigrationDirectory.Scan scan = MigrationDirectory.scanAll(settings.migrationsDirectory());
        List<Problem> problems = new ArrayList<>();
        for (MigrationDirectory.FileError error : scan.errors()) {
            problems.add(new Problem(
                    error.duplicateVersion() ? Problem.Kind.DUPLICATE_VERSION : Problem.Kind.UNPARSEABLE,
                    error.error().file().getFileName().toString(),
                    error.error().getMessage()));
        }
        try (Session session = Session.forReading(settings)) {
            Planner planner = new Planner(scan.migrations(), read(session));
            problems.addAll(planner.status().problems());
            problems.addAll(planner.unsplittable(
                    session.dialect().splitRules(), session.dialect().transactionalDdl()));
        }
        return problems;
    }

    /** Where the database stands; reads only. */
    public Status status() {
        BackgroundScan scan = BackgroundScan.start(settings.migrationsDirectory());
        try (Session session = scan.whileConnecting(() -> Session.forReading(settings))) {
            return new Planner(scan.migrations(), read(session)).status();
        }
    }

    /** Connects, asks for the product and version, disconnects. */
    public ServerInfo ping() {
        long started = System.nanoTime();
        try (Session session = Session.forReading(settings)) {
            if (!session.exists()) {
                return new ServerInfo(
                        session.dialect().name(),
                        "",
                        settings.target(),
                        since(started),
                        "The database file does not exist yet; the first command that changes the database"
                                + " creates it.");
            }
            try {
                DatabaseMetaData metaData = session.connection().getMetaData();
                return new ServerInfo(
                        metaData.getDatabaseProductName(),
                        metaData.getDatabaseProductVersion(),
                        settings.target(),
                        since(started),
                        "");
            } catch (SQLException e) {
                throw session.failure("reporting its version", e);
            }
        }
    }

    /** Writes a new, empty migration named with the current UTC time and {@code name}. */
    public Path make(String name) {
        String slug = name == null
                ? ""
                : name.strip()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "_")
                        .replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new ConfigurationException(
                    "A migration needs a name with letters or digits, such as `cairn make create_users`.");
        }
        Path directory = settings.migrationsDirectory();
        LocalDateTime time = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
        try {
            Files.createDirectories(directory);
            // Two files made within one second must not share a version: take the next free second.
            while (versionTaken(directory, VERSION_FORMAT.format(time))) {
                time = time.plusSeconds(1);
            }
            Path file = directory.resolve(VERSION_FORMAT.format(time) + "_" + slug + ".sql");
            Files.writeString(file, TEMPLATE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new ConfigurationException(e.getFile() + " already exists; nothing was written.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a migration in " + directory, e);
        }
    }

    private static boolean versionTaken(Path directory, String version) throws IOException {
        Version wanted = new Version(version);
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> Version.leadingDigitsOf(file.getFileName().toString()))
                    .anyMatch(existing -> existing != null && existing.sameAs(wanted));
        }
    }

    /** Runs a change under the lock; returns what ran. */
    private List<MigrationRun> change(Operation operation) {
        BackgroundScan scan = BackgroundScan.start(settings.migrationsDirectory());
        // A bad file fails the command before it waits for the lock.
        try (Session session =
                scan.whileConnecting(() -> Session.forChange(settings, settings.listener(), scan::migrations))) {
            List<Migration> migrations = scan.migrations();
            boolean tableExists;
            List<HistoryRow> history;
            try {
                tableExists = session.history().exists();
                history = tableExists ? session.history().read() : List.of();
            } catch (SQLException e) {
                throw session.failure("reading the tracking table", e);
            }
            Work work = new Planner(migrations, history)
                    .plan(
                            operation,
                            session.dialect().splitRules(),
                            session.dialect().transactionalDdl());
            if (work.isEmpty()) {
                return List.of();
            }
            settings.listener().planned(work.toPlan());
            Runner runner =
                    new Runner(session.connection(), session.dialect(), session.history(), settings.listener(), clock);
            try {
                return runner.run(work, !tableExists);
            } catch (SQLException e) {
                throw session.failure("recording the migrations", e);
            }
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The tracking table's rows; none if the table or the whole database does not exist yet. */
    private static List<HistoryRow> read(Session session) {
        if (!session.exists()) {
            return List.of();
        }
        try {
            return session.history().readIfExists();
        } catch (SQLException e) {
            throw session.failure("reading the tracking table", e);
        }
    }
}
