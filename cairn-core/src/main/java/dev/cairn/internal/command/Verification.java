// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.MigrationListener;
import dev.cairn.VerifyOptions;
import dev.cairn.VerifyResult;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code verify}: proves, on a scratch database beside the target, that the downs restore the schema
 * the ups started from — each migration on its own ({@link EachMigration}) or the range as a whole
 * ({@link RoundTripCheck}). Migrations before the range are only applied, to build the schema the
 * range starts from. The target is only ever read (for {@code --pending}), and on a server it is the
 * place the scratch database is created from and dropped from; the scratch database is dropped at
 * the end, also after a failure or an interrupt.
 */
public final class Verification {

    private final Settings settings;

    /**
     * The check for these settings. With a data source, the scratch database goes beside the URL
     * given with it, else the URL its connections report.
     */
    public Verification(Settings settings) {
        this.settings = settings;
    }

    /** Runs the check that {@code options} ask for, telling {@code listener} each verdict as it is found. */
    public VerifyResult run(VerifyOptions options, MigrationListener listener) {
        Stopwatch stopwatch = new Stopwatch();
        Findings findings = new Findings(Instant.now());
        List<Migration> migrations = settings.migrations().scan();
        Predicate<Migration> inRange = range(options, migrations);
        String targetUrl = settings.connector().verifyUrl();
        Dialect dialect = Dialect.forUrl(targetUrl);
        try (Cancellation cancellation = new Cancellation(
                        "verify", "Its scratch database is dropped; the target database was not touched.");
                ScratchSession session = new ScratchSession(
                        dialect,
                        targetUrl,
                        settings.connector(),
                        settings.lockTimeout(),
                        cancellation,
                        settings.placeholders(),
                        settings.targets().isPresent())) {
            if (options.roundTrip()) {
                RoundTripCheck.Outcome outcome = new RoundTripCheck(session, findings).check(migrations, inRange);
                return new VerifyResult(
                        List.of(),
                        outcome.appliedFirst(),
                        Optional.of(outcome.roundTrip()),
                        outcome.stopped(),
                        session.where(),
                        stopwatch.elapsed());
            }
            EachMigration.Outcome outcome = new EachMigration(session, findings, listener).check(migrations, inRange);
            return new VerifyResult(
                    outcome.checked(),
                    outcome.appliedFirst(),
                    Optional.empty(),
                    outcome.stopped(),
                    session.where(),
                    stopwatch.elapsed());
        }
    }

    /** Which migrations {@code options} ask to check. */
    private Predicate<Migration> range(VerifyOptions options, List<Migration> migrations) {
        if (options.pendingOnly()) {
            Set<String> applied = appliedOnTarget();
            return migration -> !applied.contains(migration.name());
        }
        if (options.from().isPresent()) {
            Migration first = named(options.from().get(), migrations);
            return migration -> migration.version().compareTo(first.version()) >= 0;
        }
        return migration -> true;
    }

    /** The migration that {@code target} (a version or a full name) names. */
    private static Migration named(String target, List<Migration> migrations) {
        return Migration.named(target, migrations)
                .orElseThrow(() -> new ConfigurationException("Cannot verify from '" + target + "': no migration has"
                        + " that version or name, so nothing would be checked. "
                        + nearest(Version.leadingDigitsOf(target), migrations)));
    }

    /** The migrations on either side of {@code version}, to say what to start from instead. */
    private static String nearest(Version version, List<Migration> migrations) {
        if (migrations.isEmpty()) {
            return "There are no migrations yet.";
        }
        Migration before = null;
        Migration after = null;
        for (Migration migration : migrations) {
            if (version != null && migration.version().compareTo(version) < 0) {
                before = migration;
            } else if (after == null) {
                after = migration;
            }
        }
        if (version == null || before == null && after != null) {
            return "Start from a version such as " + after.version().text() + " (" + after.name()
                    + "), the first migration.";
        }
        return "Start from a version such as "
                + (after == null ? "" : after.version().text() + " (" + after.name() + "), the next one, or ")
                + before.version().text() + " (" + before.name() + "), the one before.";
    }

    /** The names of the migrations the target has applied (read-only). */
    private Set<String> appliedOnTarget() {
        try (Session session = Session.forReading(settings)) {
            return session.historyRows().stream().map(HistoryRow::name).collect(Collectors.toSet());
        }
    }
}
