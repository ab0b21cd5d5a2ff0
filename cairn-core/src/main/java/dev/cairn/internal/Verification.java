// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal;

import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.Direction;
import dev.cairn.MigrationFileException;
import dev.cairn.SchemaSnapshot;
import dev.cairn.VerificationException;
import dev.cairn.VerifyResult;
import dev.cairn.internal.config.Redaction;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.source.Version;
import dev.cairn.internal.sql.SqlSyntaxException;
import dev.cairn.internal.sql.Statement;
import dev.cairn.internal.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
final class Verification {

    private final Settings settings;

    Verification(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the check.
     *
     * @param from check the migrations from this version on (those before are only applied); empty for all
     * @param pendingOnly check only the migrations not applied to the target yet
     */
    VerifyResult run(Optional<String> from, boolean pendingOnly) {
        long started = System.nanoTime();
        List<Migration> migrations = MigrationDirectory.scan(settings.migrationsDirectory());
        String targetUrl = settings.connector()
                .url()
                .orElseThrow(() -> new ConfigurationException("verify needs"
                        + " the database's URL to make a scratch database beside it; configure Cairn with url: (or"
                        + " --url)"
                        + " instead of a data source."));
        Set<String> applied = pendingOnly ? appliedOnTarget() : Set.of();
        Optional<Version> start = from.map(this::version);
        Dialect dialect = Dialect.forUrl(targetUrl);
        ScratchDatabase scratch = ScratchDatabase.create(
                dialect, targetUrl, () -> settings.connector().open(false).connection());
        Thread dropOnExit = new Thread(scratch::drop, "cairn-verify-cleanup");
        Runtime.getRuntime().addShutdownHook(dropOnExit);
        try {
            List<VerifyResult.Checked> checked = check(dialect, scratch, migrations, migration -> {
                boolean beforeStart = start.isPresent() && migration.version().compareTo(start.get()) < 0;
                return !beforeStart && !applied.contains(migration.name());
            });
            return new VerifyResult(
                    checked, Redaction.url(scratch.url()), Duration.ofNanos(System.nanoTime() - started));
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
        try (Connection connection =
                settings.connector().forUrl(scratch.url()).open(false).connection()) {
            connection.setAutoCommit(true);
            for (Migration migration : migrations) {
                if (!inRange.test(migration)) {
                    run(connection, dialect, migration, Direction.UP, "");
                    checked.add(new VerifyResult.Checked(migration.name(), VerifyResult.Outcome.APPLIED));
                    continue;
                }
                SchemaSnapshot before = reader.read(connection, Set.of());
                run(connection, dialect, migration, Direction.UP, "");
                if (!migration.reversible()) {
                    checked.add(new VerifyResult.Checked(migration.name(), VerifyResult.Outcome.IRREVERSIBLE));
                    continue;
                }
                run(connection, dialect, migration, Direction.DOWN, " after its up");
                SchemaSnapshot after = reader.read(connection, Set.of());
                List<SchemaSnapshot.Difference> differences = after.since(before);
                if (!differences.isEmpty()) {
                    throw new VerificationException(
                            migration.name(),
                            migration.name() + " does not undo itself: after"
                                    + " its up and its down, the schema differs from the one its up started from ("
                                    + differences.size() + (differences.size() == 1 ? " difference" : " differences")
                                    + "). Fix the down section of "
                                    + migration.file().getFileName() + " so that it restores"
                                    + " what the up changed. The target database was not touched.",
                            differences.stream()
                                    .map(SchemaSnapshot.Difference::toString)
                                    .toList(),
                            null);
                }
                run(connection, dialect, migration, Direction.UP, " again after its down");
                checked.add(new VerifyResult.Checked(migration.name(), VerifyResult.Outcome.REVERSIBLE));
            }
        } catch (SQLException e) {
            throw new ConnectionException(
                    "The scratch database " + Redaction.url(scratch.url()) + " failed: " + dialect.message(e), e);
        }
        return checked;
    }

    /** Runs one section of {@code migration} statement by statement on the scratch database. */
    private static void run(
            Connection connection, Dialect dialect, Migration migration, Direction direction, String when) {
        Section section = direction == Direction.UP ? migration.up() : migration.down();
        List<Statement> statements;
        try {
            statements = StatementSplitter.split(section.text(), section.firstLine(), dialect.splitRules());
        } catch (SqlSyntaxException e) {
            throw new MigrationFileException(section.file(), e.line(), e.getMessage());
        }
        try (java.sql.Statement jdbc = connection.createStatement()) {
            for (Statement statement : statements) {
                try {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    int line = statement.line() + dialect.errorLineOffset(e, statement.sql());
                    throw new VerificationException(
                            migration.name(),
                            "The " + direction.label() + " section of "
                                    + migration.name() + " fails" + when + " on the scratch database, at "
                                    + section.file() + ":" + line + ": " + dialect.message(e)
                                    + ". The target database was not touched.",
                            List.of(),
                            e);
                }
            }
        } catch (SQLException e) {
            throw new ConnectionException("The scratch database failed: " + dialect.message(e), e);
        }
    }

    /** The names of the migrations the target has applied (read-only). */
    private Set<String> appliedOnTarget() {
        try (Session session = Session.forReading(settings)) {
            if (!session.exists()) {
                return Set.of();
            }
            try {
                return session.history().readIfExists().stream()
                        .map(HistoryRow::name)
                        .collect(Collectors.toSet());
            } catch (SQLException e) {
                throw session.failure("reading the tracking table", e);
            }
        }
    }

    private Version version(String text) {
        Version version = Version.leadingDigitsOf(text);
        if (version == null) {
            throw new ConfigurationException("--from takes a version, such as 20261124153000, not '" + text + "'.");
        }
        return version;
    }
}
