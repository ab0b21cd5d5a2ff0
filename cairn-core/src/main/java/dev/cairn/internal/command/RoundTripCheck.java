// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.Direction;
import dev.cairn.SchemaSnapshot;
import dev.cairn.VerifyResult.Finding;
import dev.cairn.VerifyResult.RoundTrip;
import dev.cairn.VerifyResult.StepFailure;
import dev.cairn.internal.source.Migration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code verify --round-trip}: the range as a whole, as a team that numbers one change across several
 * migrations needs and as "roll everything back, migrate again" checks it. Every up (remembering which
 * migration made each object), then every down newest first, compared with the schema the range
 * started from; then every up again, compared with the schema after the first ups.
 */
final class RoundTripCheck {

    /** The round trip, and the migrations before the range that were only applied. */
    record Outcome(RoundTrip roundTrip, List<String> appliedFirst, Optional<StepFailure> stopped) {}

    private final ScratchSession session;
    private final Findings findings;

    RoundTripCheck(ScratchSession session, Findings findings) {
        this.session = session;
        this.findings = findings;
    }

    /** Runs the round trip over the migrations that are {@code inRange}; the others are only applied. */
    Outcome check(List<Migration> migrations, Predicate<Migration> inRange) {
        List<Migration> range = new ArrayList<>();
        List<String> appliedFirst = new ArrayList<>();
        SchemaSnapshot start = null;
        SchemaSnapshot latest = null;
        for (Migration migration : migrations) {
            boolean checked = inRange.test(migration);
            if (checked && start == null) {
                start = session.snapshot();
                latest = start;
            }
            Optional<StepFailure> failed = session.run(migration, Direction.UP, "up");
            if (failed.isPresent()) {
                return new Outcome(trip(range, Optional.empty(), List.of(), List.of()), appliedFirst, failed);
            }
            if (!checked) {
                appliedFirst.add(migration.name());
                continue;
            }
            range.add(migration);
            SchemaSnapshot now = session.snapshot();
            findings.madeBy(migration.name(), latest, now);
            latest = now;
        }
        if (range.isEmpty()) {
            return new Outcome(trip(range, Optional.empty(), List.of(), List.of()), appliedFirst, Optional.empty());
        }
        Optional<StepFailure> failed = rollBack(range);
        if (failed.isPresent()) {
            return new Outcome(trip(range, failed, List.of(), List.of()), appliedFirst, Optional.empty());
        }
        List<Finding> leftBehind = findings.compare(start, session.snapshot());
        for (Migration migration : range) {
            failed = session.run(migration, Direction.UP, "up again");
            if (failed.isPresent()) {
                return new Outcome(trip(range, failed, leftBehind, List.of()), appliedFirst, Optional.empty());
            }
        }
        List<Finding> afterReUp = findings.compare(latest, session.snapshot());
        return new Outcome(trip(range, Optional.empty(), leftBehind, afterReUp), appliedFirst, Optional.empty());
    }

    /** Every down of {@code range}, newest first; the first that fails, or a migration with none. */
    private Optional<StepFailure> rollBack(List<Migration> range) {
        List<Migration> newestFirst = new ArrayList<>(range);
        Collections.reverse(newestFirst);
        for (Migration migration : newestFirst) {
            if (!migration.reversible()) {
                return Optional.of(new StepFailure(
                        migration.name(),
                        "down",
                        migration.file(),
                        0,
                        "it has no down section, so a rollback of the range stops there; check the migrations"
                                + " after it with --from"));
            }
        }
        for (Migration migration : newestFirst) {
            Optional<StepFailure> failed = session.run(migration, Direction.DOWN, "down");
            if (failed.isPresent()) {
                return failed;
            }
        }
        return Optional.empty();
    }

    private static RoundTrip trip(
            List<Migration> range, Optional<StepFailure> failure, List<Finding> leftBehind, List<Finding> afterReUp) {
        return new RoundTrip(range.stream().map(Migration::name).toList(), failure, leftBehind, afterReUp);
    }
}
