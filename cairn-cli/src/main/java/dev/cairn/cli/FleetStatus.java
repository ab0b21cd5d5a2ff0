// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Fleet;
import dev.cairn.FleetResult;
import dev.cairn.Problem;
import dev.cairn.Status;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cairn status} over a fleet, for people: one row per target (its version, batch, how many
 * migrations are applied and pending, and where it stands), then the targets that are behind, ahead
 * (they applied a migration that the files do not have: a newer release ran there) or have problems,
 * named. {@code -v} shows each target's own status as well. With {@code --json}, the generic fleet
 * document holds each target's status document instead.
 */
final class FleetStatus {

    private FleetStatus() {}

    /** Prints the table; exit code 1 when a target could not be read. */
    static int print(Invocation invocation, Fleet fleet) {
        FleetResult<Status> result =
                FleetRun.narrowed(invocation.options, fleet).status();
        if (result.targets().isEmpty()) {
            FleetRun.warnEmpty(invocation, fleet);
        }
        PrintStream out = invocation.out;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Target", "Version", "Batch", "Applied", "Pending", "Standing"});
        List<String> behind = new ArrayList<>();
        List<String> ahead = new ArrayList<>();
        List<String> troubled = new ArrayList<>();
        for (FleetResult.Outcome<Status> outcome : result.targets()) {
            String name = Terminal.oneLine(outcome.target());
            if (outcome.result().isEmpty()) {
                troubled.add(name);
                rows.add(new String[] {name, "", "", "", "", "cannot be read (below)"});
                continue;
            }
            Status status = outcome.result().get();
            String standing = standing(status);
            switch (standing) {
                case "behind" -> behind.add(name);
                case "ahead" -> ahead.add(name);
                case "up to date" -> {}
                default -> troubled.add(name);
            }
            rows.add(new String[] {
                name,
                Terminal.oneLine(status.currentVersion().orElse("(none)")),
                String.valueOf(status.currentBatch()),
                String.valueOf(status.applied().size()),
                String.valueOf(status.pending().size()),
                standing
            });
        }
        out.print(table(rows));
        String noun = fleet.targets().kind().noun();
        out.println("Fleet of " + result.targets().size() + " " + noun
                + (result.targets().size() == 1 ? "" : "s")
                + ": " + (result.targets().size() - behind.size() - ahead.size() - troubled.size()) + " up to date, "
                + behind.size() + " behind, " + ahead.size() + " ahead, " + troubled.size() + " with problems.");
        named(out, "Behind (run `cairn migrate`)", behind);
        named(out, "Ahead (they applied migrations these files do not have: a newer release ran there)", ahead);
        named(out, invocation.outTerminal().warning("With problems") + " (see `cairn --target NAME status`)", troubled);
        for (FleetResult.Outcome<Status> outcome : result.failed()) {
            invocation.err.println(Terminal.oneLine(outcome.target()) + ": "
                    + invocation.errTerminal().failure("error:") + " "
                    + Terminal.printable(
                            Failure.of(outcome.failure().orElseThrow()).message()));
        }
        out.flush();
        invocation.err.flush();
        return result.failed().isEmpty() ? 0 : 1;
    }

    /** Where one target stands: up to date, behind, ahead, or its problem. */
    private static String standing(Status status) {
        List<Problem> problems = status.problems().stream()
                .filter(problem -> !problem.isNotice())
                .toList();
        boolean onlyMissing = !problems.isEmpty()
                && problems.stream().allMatch(problem -> problem.kind() == Problem.Kind.MISSING_FILE);
        if (onlyMissing && status.pending().isEmpty()) {
            return "ahead";
        }
        if (!problems.isEmpty()) {
            return problems.stream()
                    .map(problem -> problem.kind()
                            .name()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' '))
                    .distinct()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("problems");
        }
        if (status.lockHolder().isPresent()) {
            return "being migrated";
        }
        return status.pending().isEmpty() ? "up to date" : "behind";
    }

    private static void named(PrintStream out, String heading, List<String> names) {
        if (!names.isEmpty()) {
            out.println(heading + ": " + String.join(", ", names) + ".");
        }
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], Terminal.width(row[i]));
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean number = i >= 2 && i <= 4;
                line.append(i == row.length - 1 ? row[i] : Terminal.pad(row[i], widths[i], number));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
