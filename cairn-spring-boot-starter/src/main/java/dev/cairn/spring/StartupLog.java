// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import dev.cairn.LintResult;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a start-up migration's progress through SLF4J, which is Spring Boot's logging; nothing goes
 * to stdout. Holds no state, so one instance serves every command.
 */
final class StartupLog implements MigrationListener {

    static final Logger LOG = LoggerFactory.getLogger("dev.cairn.spring");

    @Override
    public void waitingForLock(String holder) {
        LOG.info(MigrationListener.lockWaitNotice(holder));
    }

    @Override
    public void planned(Plan plan) {
        if (!plan.isEmpty()) {
            LOG.info("Applying {} migration(s)", plan.migrations().size());
        }
    }

    @Override
    public void linted(LintResult result) {
        if (!result.findings().isEmpty()) {
            LOG.warn("cairn lint: {} in the migrations about to run", result.counts());
        }
    }

    @Override
    public void migrationFinished(MigrationRun run) {
        LOG.info("Ran {} ({} ms)", run.name(), run.duration().toMillis());
    }
}
