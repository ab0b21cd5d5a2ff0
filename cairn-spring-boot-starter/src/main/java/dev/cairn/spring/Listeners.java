// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import dev.cairn.LintResult;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Plan;
import dev.cairn.VerifyResult;
import java.util.List;

/**
 * Hands every event to each of several listeners in turn: the starter's {@link StartupLog} first, then
 * the application's {@link MigrationListener} beans in their order. The core takes one listener.
 */
final class Listeners implements MigrationListener {

    private final List<MigrationListener> listeners;

    Listeners(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void waitingForLock(String holder) {
        listeners.forEach(l -> l.waitingForLock(holder));
    }

    @Override
    public void waitingForWriter(String situation) {
        listeners.forEach(l -> l.waitingForWriter(situation));
    }

    @Override
    public void planned(Plan plan) {
        listeners.forEach(l -> l.planned(plan));
    }

    @Override
    public void linted(LintResult result) {
        listeners.forEach(l -> l.linted(result));
    }

    @Override
    public void migrationStarting(Plan.Migration migration) {
        listeners.forEach(l -> l.migrationStarting(migration));
    }

    @Override
    public void statementStarting(Plan.Migration migration, int number) {
        listeners.forEach(l -> l.statementStarting(migration, number));
    }

    @Override
    public void migrationFinished(MigrationRun run) {
        listeners.forEach(l -> l.migrationFinished(run));
    }

    @Override
    public void verified(VerifyResult.Checked checked) {
        listeners.forEach(l -> l.verified(checked));
    }
}
