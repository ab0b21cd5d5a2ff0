// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.MigrationListener;
import dev.cairn.SchemaSnapshot;
import dev.cairn.VerifyResult.Checked;
import dev.cairn.VerifyResult.Finding;
import dev.cairn.VerifyResult.Step;
import dev.cairn.VerifyResult.StepFailure;
import dev.cairn.VerifyResult.Verdict;
import dev.cairn.internal.source.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code verify}'s check of each migration on its own: snapshot, up, down, snapshot and compare, up
 * again. A bad down does not end the run: the scratch database goes back to the state after that
 * migration's up and the next migration is checked. Where DDL is transactional, the down and the up
 * again run in a transaction that is rolled back when either goes wrong, which is instant; elsewhere
 * (MySQL, MariaDB, H2, and sections marked {@code transaction:false}) the scratch database is rebuilt
 * by applying the ups up to that migration again.
 */
final class EachMigration {

    /** What the check found: a verdict per migration in the range, and the step that stopped it, if one did. */
    record Outcome(List<Checked> checked, List<String> appliedFirst, Optional<StepFailure> stopped) {}

    private final ScratchSession session;
    private final Findings findings;
    private final MigrationListener listener;

    EachMigration(ScratchSession session, Findings findings, MigrationListener listener) {
        this.session = session;
        this.findings = findings;
        this.listener = listener;
    }

    /** Checks every migration that is {@code inRange}, applying the others only, in order. */
    Outcome check(List<Migration> migrations, Predicate<Migration> inRange) {
        List<Checked> checked = new ArrayList<>();
        List<String> appliedFirst = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration migration = migrations.get(i);
            if (!inRange.test(migration)) {
                Optional<StepFailure> failed = session.run(migration, Step.UP);
                if (failed.isPresent()) {
                    return new Outcome(checked, appliedFirst, failed);
                }
                appliedFirst.add(migration.name());
                continue;
            }
            SchemaSnapshot before = session.snapshot();
            Optional<StepFailure> failed = session.run(migration, Step.UP);
            if (failed.isPresent()) {
                return new Outcome(checked, appliedFirst, failed);
            }
            Checked result = migration.reversible()
                    ? undoAndRedo(migration, before)
                    : new Checked(migration.name(), Verdict.IRREVERSIBLE, List.of(), Optional.empty());
            checked.add(result);
            listener.verified(result);
            if (!result.verdict().fails(false) || session.canUndo(migration)) {
                continue;
            }
            // The down left the scratch database in a state no later migration expects.
            Optional<StepFailure> rebuildFailed = session.rebuild(migrations.subList(0, i + 1));
            if (rebuildFailed.isPresent()) {
                return new Outcome(checked, appliedFirst, rebuildFailed);
            }
        }
        return new Outcome(checked, appliedFirst, Optional.empty());
    }

    /**
     * Down, compare, up again, for a migration whose up just ran. In a transaction where that can be
     * undone, ended so that the database is as after the up whatever the verdict.
     */
    private Checked undoAndRedo(Migration migration, SchemaSnapshot before) {
        boolean undoable = session.canUndo(migration);
        if (undoable) {
            session.begin();
        }
        Checked result = downThenUpAgain(migration, before);
        if (undoable) {
            session.end(!result.verdict().fails(false));
        }
        return result;
    }

    private Checked downThenUpAgain(Migration migration, SchemaSnapshot before) {
        Optional<StepFailure> downFailed = session.run(migration, Step.DOWN);
        if (downFailed.isPresent()) {
            return new Checked(migration.name(), Verdict.DOWN_FAILED, List.of(), downFailed);
        }
        List<Finding> differences = findings.compare(before, session.snapshot());
        if (!differences.stream().allMatch(Finding::equivalent)) {
            return new Checked(migration.name(), Verdict.DIFFERS, differences, Optional.empty());
        }
        Optional<StepFailure> upFailed = session.run(migration, Step.UP_AGAIN);
        if (upFailed.isPresent()) {
            return new Checked(migration.name(), Verdict.UP_AGAIN_FAILED, differences, upFailed);
        }
        Verdict verdict = differences.isEmpty() ? Verdict.REVERSIBLE : Verdict.EQUIVALENT;
        return new Checked(migration.name(), verdict, differences, Optional.empty());
    }
}
