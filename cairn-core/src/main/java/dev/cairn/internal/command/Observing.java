// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.LintFinding;
import dev.cairn.LintResult;
import dev.cairn.Observation;
import dev.cairn.VerifyResult.Step;
import dev.cairn.VerifyResult.StepFailure;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.run.Observer;
import dev.cairn.internal.schema.TableSizes;
import dev.cairn.internal.source.Migration;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * {@code lint --observe}: the linted migrations run, statement by statement, on a scratch database beside
 * the target (verify's), the migrations before them only applied; each statement's locks, rewrites and
 * {@code ALTER} algorithm are recorded, and ranked by the size in the target of the tables it touched,
 * which is read from the target's statistics without changing it. The scratch database is dropped at the
 * end, also after a failure or an interrupt. It holds no rows, so how long a statement takes there says
 * nothing of the target; what it locks and rewrites does.
 */
final class Observing {

    private final Settings settings;
    private final Dialect dialect;

    Observing(Settings settings, Dialect dialect) {
        this.settings = settings;
        this.dialect = dialect;
    }

    /**
     * {@code result} with the observations of the migrations {@code checked} accepts.
     *
     * @throws ConfigurationException on a database that {@code --observe} cannot watch
     */
    LintResult observe(LintResult result, List<Migration> migrations, Predicate<Migration> checked) {
        Dialect.Observing observing = dialect.observing()
                .orElseThrow(() -> new ConfigurationException("lint --observe watches PostgreSQL's locks and rewrites"
                        + " and MySQL's and MariaDB's ALTER algorithms; " + dialect.name() + " locks the whole"
                        + " database for every write, so there is nothing per table to observe. Run lint without"
                        + " --observe."));
        List<Seen> seen = new ArrayList<>();
        String scratchName;
        try (Cancellation cancellation = new Cancellation(
                        "lint --observe", "Its scratch database is dropped; the target database was not touched.");
                ScratchSession session = new ScratchSession(
                        dialect,
                        settings.connector().verifyUrl(),
                        settings.connector(),
                        settings.lockTimeout(),
                        cancellation,
                        settings.placeholders(),
                        settings.targets().isPresent())) {
            scratchName = session.where();
            for (Migration migration : migrations) {
                Optional<StepFailure> failure;
                if (checked.test(migration)) {
                    ScratchSession.ObservedUp up = session.observe(migration);
                    up.observed().forEach(observed -> seen.add(new Seen(migration, observed, null)));
                    failure = up.failure();
                } else {
                    failure = session.run(migration, Step.UP);
                }
                if (failure.isPresent()) {
                    seen.add(new Seen(migration, null, failure.get()));
                    break;
                }
            }
        }
        Map<String, TableSizes.Size> sizes = sizes(observing);
        List<Observation> observations = new ArrayList<>();
        for (Seen each : seen) {
            observations.add(each.observation(
                    sizes, result.findings(), observing.locksQuery().isPresent()));
        }
        observations.sort(Comparator.comparingLong(
                        (Observation observation) -> observation.bytes().orElse(-1))
                .reversed());
        return new LintResult(
                result.database(),
                result.linted(),
                result.findings(),
                result.rules(),
                observations,
                Optional.of(scratchName));
    }

    /**
     * A statement seen run, or the one that failed (then {@code observed} is null).
     *
     * @param migration its migration
     * @param observed what it did
     * @param failure how it failed
     */
    private record Seen(Migration migration, Observer.Observed observed, StepFailure failure) {

        /** The observation, with the size in the target of the biggest table it touched, and its findings. */
        Observation observation(Map<String, TableSizes.Size> sizes, List<LintFinding> findings, boolean watched) {
            if (observed == null) {
                return new Observation(
                        migration.name(),
                        migration.file(),
                        failure.line(),
                        "",
                        List.of(),
                        List.of(),
                        false,
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalLong.empty(),
                        OptionalLong.empty(),
                        List.of(),
                        Duration.ZERO,
                        Optional.of(failure.message()));
            }
            String biggest =
                    observed.tables().isEmpty() ? null : observed.tables().get(0);
            TableSizes.Size size = null;
            for (String table : observed.tables()) {
                TableSizes.Size candidate = sizes.get(table);
                if (candidate != null && (size == null || candidate.bytes() > size.bytes())) {
                    biggest = table;
                    size = candidate;
                }
            }
            int first = observed.statement().line();
            int last = first
                    + (int) observed.statement()
                            .sql()
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            List<String> rules = findings.stream()
                    .filter(finding -> finding.migration().equals(migration.name())
                            && finding.line() >= first
                            && finding.line() <= last)
                    .map(finding -> finding.rule().id())
                    .distinct()
                    .toList();
            return new Observation(
                    migration.name(),
                    migration.file(),
                    first,
                    firstLine(observed.statement().sql()),
                    observed.locks(),
                    observed.held(),
                    watched,
                    observed.rewritten(),
                    observed.algorithm(),
                    Optional.ofNullable(biggest),
                    size == null ? OptionalLong.empty() : size.rows(),
                    size == null ? OptionalLong.empty() : OptionalLong.of(size.bytes()),
                    rules,
                    observed.duration(),
                    Optional.empty());
        }
    }

    /** The target's table sizes, read-only; none where the target cannot be read (it does not exist yet). */
    private Map<String, TableSizes.Size> sizes(Dialect.Observing observing) {
        try (Session session = Session.forReading(settings)) {
            if (!session.exists()) {
                return Map.of();
            }
            return TableSizes.read(session.connection(), observing.sizesQuery());
        } catch (SQLException | ConnectionException e) {
            return Map.of(); // the observations stand without sizes; the output says none are known
        }
    }

    /** A statement's first line, shortened, to name it. */
    private static String firstLine(String sql) {
        String line = sql.lines().findFirst().orElse("").strip();
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
