// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.LintResult;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Plan;
import dev.cairn.VerifyResult;
import org.apache.maven.plugin.logging.Log;

/**
 * Hears Cairn's progress and writes it to Maven's log through a {@link Report}: the change planned, each
 * migration as it finishes, each verdict of verify, and every wait for another runner's lock, so that a
 * build that waits says why.
 */
final class LogProgress implements MigrationListener {

    private final Log log;
    private final Report report;

    LogProgress(Log log, Report report) {
        this.log = log;
        this.report = report;
    }

    @Override
    public void waitingForLock(String holder) {
        log.warn(MigrationListener.lockWaitNotice(holder));
    }

    @Override
    public void waitingForWriter(String situation) {
        log.info(situation);
    }

    @Override
    public void planned(Plan plan) {
        report.planned(plan);
    }

    @Override
    public void linted(LintResult result) {
        if (!result.findings().isEmpty()) {
            log.warn("lint: " + result.counts() + " in the migrations about to run (mvn cairn:lint shows them)");
        }
    }

    @Override
    public void migrationFinished(MigrationRun run) {
        report.ran(run);
    }

    @Override
    public void verified(VerifyResult.Checked checked) {
        report.verified(checked);
    }
}
