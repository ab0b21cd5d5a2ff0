// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.Status;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.source.BackgroundScan;

/** {@code status}: the files merged with the tracking table, read without the lock. */
public final class ShowStatus {

    private final Settings settings;

    /** The status command for these settings. */
    public ShowStatus(Settings settings) {
        this.settings = settings;
    }

    /** Where the database stands; reads only, creates nothing. */
    public Status read() {
        BackgroundScan scan = BackgroundScan.start(settings.migrationsDirectory());
        try (Session session = scan.whileConnecting(() -> Session.forReading(settings))) {
            return new Planner(scan.migrations(), session.historyRows())
                    .status(session.dialect().splitRules());
        }
    }
}
