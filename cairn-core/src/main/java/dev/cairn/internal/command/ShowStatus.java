// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.Problem;
import dev.cairn.Status;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.source.BackgroundScan;
import dev.cairn.internal.source.MigrationDirectory;
import java.util.ArrayList;
import java.util.List;

/** {@code status}: the files merged with the tracking table, read without the lock. */
public final class ShowStatus {

    private final Settings settings;

    /** The status command for these settings. */
    public ShowStatus(Settings settings) {
        this.settings = settings;
    }

    /**
     * Where the database stands; reads only, creates nothing. A file that cannot be used hides
     * nothing else: the status holds every other migration, and a problem for each such file.
     */
    public Status read() {
        BackgroundScan scan = BackgroundScan.startAll(settings.migrationsDirectory());
        try (Session session = scan.whileConnecting(() -> Session.forReading(settings))) {
            MigrationDirectory.Scan files = scan.scan();
            Status status = new Planner(files.migrations(), session.historyRows())
                    .status(session.dialect().splitRules(), Validate.unusable(files));
            List<Problem> problems = new ArrayList<>(Validate.fileProblems(files));
            problems.addAll(status.problems());
            return new Status(status.currentVersion(), status.currentBatch(), status.migrations(), problems);
        }
    }
}
