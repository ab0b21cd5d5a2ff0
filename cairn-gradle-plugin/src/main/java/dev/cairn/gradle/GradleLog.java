// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Direction;
import dev.cairn.LintResult;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Plan;
import org.gradle.api.logging.Logger;

/** Reports a command's progress in Gradle's log, at the level a build shows by default. */
final class GradleLog implements MigrationListener {

    private final Logger log;

    GradleLog(Logger log) {
        this.log = log;
    }

    @Override
    public void waitingForLock(String holder) {
        log.lifecycle(MigrationListener.lockWaitNotice(holder));
    }

    @Override
    public void planned(Plan plan) {
        if (!plan.isEmpty()) {
            log.lifecycle(
                    "{} {} migration(s)",
                    plan.migrations().get(0).direction() == Direction.UP ? "Applying" : "Reverting",
                    plan.migrations().size());
        }
    }

    @Override
    public void linted(LintResult result) {
        if (!result.findings().isEmpty()) {
            log.warn("lint: {} in the migrations about to run (cairnLint shows them)", result.counts());
        }
    }

    @Override
    public void migrationFinished(MigrationRun run) {
        log.lifecycle(
                "  {} {} ({} ms)",
                run.direction() == Direction.UP ? "up  " : "down",
                run.name(),
                run.duration().toMillis());
    }
}
