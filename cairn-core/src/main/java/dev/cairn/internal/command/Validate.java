// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.Problem;
import dev.cairn.Status;
import dev.cairn.ValidateResult;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.source.MigrationDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code validate}: every disagreement between the files and the tracking table, not only the first,
 * from one read of each. Reads only; creates nothing.
 */
public final class Validate {

    private final Settings settings;

    /** The validation for these settings. */
    public Validate(Settings settings) {
        this.settings = settings;
    }

    /** The problems, with how many migrations were checked. */
    public ValidateResult validate() {
        MigrationDirectory.Scan scan = settings.migrations().scanAll();
        List<Problem> problems = new ArrayList<>(fileProblems(scan));
        try (Session session = Session.forReading(settings)) {
            Planner planner = new Planner(scan.migrations(), session.historyRows(), settings.placeholders());
            Status status =
                    ShowStatus.whileLocked(planner.status(session.dialect().splitRules(), unusable(scan)), session);
            problems.addAll(status.problems());
            problems.addAll(planner.unsplittable(
                    session.dialect().splitRules(), session.dialect().transactionRules()));
            return new ValidateResult(status.migrations().size(), problems, status.lockHolder());
        }
    }

    /** A problem for every file that cannot be used, with its file and line, in the order of the scan. */
    static List<Problem> fileProblems(MigrationDirectory.Scan scan) {
        List<Problem> problems = new ArrayList<>();
        for (MigrationDirectory.FileError error : scan.errors()) {
            problems.add(new Problem(
                    error.duplicateVersion() ? Problem.Kind.DUPLICATE_VERSION : Problem.Kind.UNPARSEABLE,
                    error.error().file().getFileName().toString(),
                    error.error().getMessage()));
        }
        return problems;
    }

    /** The files that cannot be used, by the name of the migration each would be. */
    static Map<String, Path> unusable(MigrationDirectory.Scan scan) {
        Map<String, Path> unusable = new HashMap<>();
        for (MigrationDirectory.FileError error : scan.errors()) {
            unusable.putIfAbsent(error.migrationName(), error.error().file());
        }
        return unusable;
    }
}
