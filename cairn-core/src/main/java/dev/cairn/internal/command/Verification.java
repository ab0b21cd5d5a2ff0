// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.Direction;
import dev.cairn.SchemaSnapshot;
import dev.cairn.VerificationException;
import dev.cairn.VerifyResult;
import dev.cairn.internal.connect.ConnectionFailures;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.run.StatementFailedException;
import dev.cairn.internal.run.StatementRunner;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.source.Version;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code verify}: proves, on a scratch database beside the target, that each migration's down
 * restores the schema its up started from. For each migration in the range: snapshot, up, down,
 * snapshot again and compare, then up again (which also proves the down left nothing behind that
 * the up trips over). Migrations before the range are only applied, to build the schema the range
 * starts from. The target is only ever read (for {@code --pending}), and on a server it is the
 * place the scratch database is created from and dropped from; the scratch database is dropped at
 * the end, also after a failure or an interrupt.
 */
public final class Verification {

    private final Settings settings;

    /** The check for these settings; it needs a URL, not a data source. */
    public Verification(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the check.
     *
     * @param from check the migrations from this version on (those before are only applied); empty for all
     * @param pendingOnly check only the migrations not applied to the target yet
     */
    public VerifyResult run(Optional<String> from, boolean pendingOnly) {
        Stopwatch stopwatch = new Stopwatch();
        List<Migration> migrations = MigrationDirectory.scan(settings.migrationsDirectory());
        String targetUrl = settings.connector()
                .url()
                .orElseThrow(() -> new ConfigurationException("verify needs the database's URL to make a scratch"
                        + " database beside it; configure Cairn with url: (or --url) instead of a data source."));
        Set<String> applied = pendingOnly ? appliedOnTarget() : Set.of();
        Optional<Version> start = from.map(Verification::version);
        Dialect dialect = Dialect.forUrl(targetUrl);
        ScratchDatabase scratch = ScratchDatabase.create(dialect, targetUrl, settings.connector());
        Thread dropOnExit = new Thread(scratch::drop, "cairn-verify-cleanup");
        Runtime.getRuntime().addShutdownHook(dropOnExit);
        try {
            List<VerifyResult.Checked> checked = check(dialect, scratch, migrations, migration -> {
                boolean beforeStart = start.isPresent() && migration.version().compareTo(start.get()) < 0;
                return !beforeStart && !applied.contains(migration.name());
            });
            return new VerifyResult(checked, scratch.toString(), stopwatch.elapsed());
        } finally {
            scratch.drop();
            try {
                Runtime.getRuntime().removeShutdownHook(dropOnExit);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already; the hook drops it (again, harmlessly).
            }
        }
    }

    private List<VerifyResult.Checked> check(
            Dialect dialect, ScratchDatabase scratch, List<Migration> migrations, Predicate<Migration> inRange) {
        List<VerifyResult.Checked> checked = new ArrayList<>();
        SchemaReader reader = dialect.schemaReader();
        try (Connection connection = settings.connector()
                .forUrl(scratch.url())
                .open(false, settings.lockTimeout())
                .connection()) {
            connection.setAutoCommit(true);
            StatementRunner runner = new StatementRunner(connection, dialect);
            for (Migration migration : migrations) {
                if (!inRange.test(migration)) {
                    run(runner, dialect, migration, Direction.UP, "");
                    checked.add(new VerifyResult.Checked(migration.name(), VerifyResult.Outcome.APPLIED));
                    continue;
                }
                SchemaSnapshot before = reader.read(connection, Set.of());
                run(runner, dialect, migration, Direction.UP, "");
                if (!migration.reversible()) {
                    checked.add(new VerifyResult.Checked(migration.name(), VerifyResult.Outcome.IRREVERSIBLE));
                    continue;
                }
                run(runner, dialect, migration, Direction.DOWN, " after its up");
                List<SchemaSnapshot.Difference> differences =
                        reader.read(connection, Set.of()).since(before);
                if (!differences.isEmpty()) {
                    throw new VerificationException(
                            migration.name(),
                            migration.name() + " does not undo itself: after its up and its down, the schema differs"
                                    + " from the one its up started from (" + differences.size()
                                    + (differences.size() == 1 ? " difference" : " differences")
                                    + "). Fix the down section of "
                                    + migration.file().getFileName()
                                    + " so that it restores what the up changed. The target database was not"
                                    + " touched.",
                            differences.stream()
                                    .map(SchemaSnapshot.Difference::toString)
                                    .toList(),
                            null);
                }
                run(runner, dialect, migration, Direction.UP, " again after its down");
                checked.add(new VerifyResult.Checked(migration.name(), VerifyResult.Outcome.REVERSIBLE));
            }
        } catch (SQLException e) {
            throw ConnectionFailures.working(
                    scratch.toString(),
                    "verifying the migrations",
                    dialect,
                    e,
                    "That is the scratch database; the target database was not touched.");
        }
        return checked;
    }

    /** Runs one section of {@code migration} statement by statement on the scratch database. */
    private static void run(
            StatementRunner runner, Dialect dialect, Migration migration, Direction direction, String when)
            throws SQLException {
        Section section = direction == Direction.UP ? migration.up() : migration.down();
        try {
            runner.run(section.statements(dialect.splitRules()));
        } catch (StatementFailedException e) {
            throw new VerificationException(
                    migration.name(),
                    "The " + direction.label() + " section of " + migration.name() + " fails" + when
                            + " on the scratch database, at " + section.file() + ":" + e.line() + ": "
                            + e.databaseMessage() + ". The target database was not touched.",
                    List.of(),
                    e.getCause());
        }
    }

    /** The names of the migrations the target has applied (read-only). */
    private Set<String> appliedOnTarget() {
        try (Session session = Session.forReading(settings)) {
            return session.historyRows().stream().map(HistoryRow::name).collect(Collectors.toSet());
        }
    }

    private static Version version(String text) {
        Version version = Version.leadingDigitsOf(text);
        if (version == null) {
            throw new ConfigurationException("--from takes a version, such as 20261124153000, not '" + text + "'.");
        }
        return version;
    }
}
