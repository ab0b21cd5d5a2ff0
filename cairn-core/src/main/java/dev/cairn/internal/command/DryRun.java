// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.source.BackgroundScan;

/** {@code --dry-run}: what a change would do, worked out on a read-only connection without the lock. */
public final class DryRun {

    private final Settings settings;

    /** The dry run for these settings. */
    public DryRun(Settings settings) {
        this.settings = settings;
    }

    /** The plan of {@code operation}; reads only, creates nothing. */
    public Plan plan(Operation operation) {
        BackgroundScan scan = settings.startScan();
        try (Session session = scan.meanwhile(() -> Session.forReading(settings))) {
            return new Planner(scan.migrations(), session.historyRows(), settings.placeholders())
                    .plan(
                            operation,
                            session.dialect().splitRules(),
                            session.dialect().transactionRules())
                    .toPlan();
        }
    }
}
