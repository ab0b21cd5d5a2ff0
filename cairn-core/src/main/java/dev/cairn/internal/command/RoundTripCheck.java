// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.SchemaSnapshot;
import dev.cairn.VerifyResult.Finding;
import dev.cairn.VerifyResult.RoundTrip;
import dev.cairn.VerifyResult.Step;
import dev.cairn.VerifyResult.StepFailure;
import dev.cairn.internal.source.Migration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code verify --round-trip}: the range as a whole, as a team that numbers one change across several
 * migrations needs and as "roll everything back, migrate again" checks it. Every up, then every down
 * newest first, compared with the schema the range started from; then every up again, compared with
 * the schema after the first ups. What the downs left behind is pinned on the migration whose up made
 * it by a second pass, only when something was left.
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
        for (Migration migration : migrations) {
            boolean checked = inRange.test(migration);
            if (checked && start == null) {
                start = session.snapshot();
            }
            Optional<StepFailure> failed = session.run(migration, Step.UP);
            if (failed.isPresent()) {
                return new Outcome(trip(range, Optional.empty(), List.of(), List.of()), appliedFirst, failed);
            }
            if (checked) {
                range.add(migration);
            } else {
                appliedFirst.add(migration.name());
            }
        }
        if (range.isEmpty()) {
            return new Outcome(trip(range, Optional.empty(), List.of(), List.of()), appliedFirst, Optional.empty());
        }
        SchemaSnapshot migrated = session.snapshot();
        Optional<StepFailure> failed = rollBack(range);
        if (failed.isPresent()) {
            return new Outcome(trip(range, failed, List.of(), List.of()), appliedFirst, Optional.empty());
        }
        SchemaSnapshot rolledBack = session.snapshot();
        List<Finding> afterReUp = List.of();
        for (Migration migration : range) {
            failed = session.run(migration, Step.UP_AGAIN);
            if (failed.isPresent()) {
                break;
            }
        }
        if (failed.isEmpty()) {
            afterReUp = findings.compare(migrated, session.snapshot());
        }
        List<Finding> leftBehind = findings.compare(start, rolledBack);
        if (!leftBehind.isEmpty() && attribute(migrations, range)) {
            leftBehind = findings.compare(start, rolledBack);
        }
        return new Outcome(trip(range, failed, leftBehind, afterReUp), appliedFirst, Optional.empty());
    }

    /**
     * Finds which migration's up made each object, on a new scratch database: every up again, with a
     * snapshot after each of the range. A pass of its own, run only when the downs left something
     * behind, so that a round trip that comes back costs no snapshot per migration. Returns false if
     * an up failed on the way (then some of what was left behind stays unattributed).
     */
    private boolean attribute(List<Migration> migrations, List<Migration> range) {
        if (session.rebuild(List.of()).isPresent()) {
            return false;
        }
        Migration last = range.get(range.size() - 1);
        SchemaSnapshot latest = null;
        for (Migration migration : migrations) {
            boolean checked = range.contains(migration);
            if (checked && latest == null) {
                latest = session.snapshot();
            }
            if (session.run(migration, Step.UP).isPresent()) {
                return false;
            }
            if (checked) {
                SchemaSnapshot now = session.snapshot();
                findings.madeBy(migration.name(), latest, now);
                latest = now;
            }
            if (migration == last) {
                return true;
            }
        }
        return true;
    }

    /** Every down of {@code range}, newest first; the first that fails, or a migration with none. */
    private Optional<StepFailure> rollBack(List<Migration> range) {
        List<Migration> newestFirst = new ArrayList<>(range);
        Collections.reverse(newestFirst);
        for (Migration migration : newestFirst) {
            if (!migration.reversible()) {
                return Optional.of(new StepFailure(
                        migration.name(),
                        Step.DOWN,
                        migration.file(),
                        0,
                        "it has no down section, so a rollback of the range stops there; check the migrations"
                                + " after it by starting from the next one (VerifyOptions.startingAt; in the cairn"
                                + " tool, --from)"));
            }
        }
        for (Migration migration : newestFirst) {
            Optional<StepFailure> failed = session.run(migration, Step.DOWN);
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
