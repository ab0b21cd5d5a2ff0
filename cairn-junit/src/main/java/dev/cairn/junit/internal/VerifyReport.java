// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.VerifyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verify's findings as text for a test report: the same lines as {@code cairn verify} prints for one
 * migration, a round trip or the step that stopped the run.
 */
final class VerifyReport {
    private VerifyReport() {}

    /** What was found for one migration: its verdict, then each difference or the failure. */
    static String migration(VerifyResult.Checked checked) {
        List<String> lines = new ArrayList<>();
        lines.add(checked.name() + ": " + checked.verdict().label());
        if (checked.verdict() == VerifyResult.Verdict.IRREVERSIBLE) {
            lines.add("  it has no down section, so nothing proves that it can be rolled back");
        }
        checked.failure().ifPresent(failure -> lines.add("  " + failure(failure)));
        for (VerifyResult.Finding finding : checked.differences()) {
            lines.addAll(finding(finding, "  "));
        }
        return String.join("\n", lines);
    }

    /** What a round trip found: where it stopped, what the downs left behind, what the ups again made differently. */
    static String roundTrip(VerifyResult.RoundTrip trip) {
        List<String> lines = new ArrayList<>();
        lines.add("round trip of " + trip.migrations().size() + " migrations ("
                + (trip.migrations().isEmpty()
                        ? ""
                        : trip.migrations().get(0) + " .. "
                                + trip.migrations().get(trip.migrations().size() - 1))
                + ")");
        // In the order the steps ran: a failure of the up again comes after what the downs left behind.
        boolean failedLate = trip.failure()
                .filter(failure -> failure.step() == VerifyResult.Step.UP_AGAIN)
                .isPresent();
        if (!failedLate) {
            trip.failure().ifPresent(failure -> lines.add("  " + failure(failure)));
        }
        if (!trip.leftBehind().isEmpty()) {
            lines.add("  every down, newest first: the schema did not come back");
            trip.leftBehind().forEach(finding -> lines.addAll(finding(finding, "    ")));
        }
        if (failedLate) {
            trip.failure().ifPresent(failure -> lines.add("  " + failure(failure)));
        }
        if (!trip.afterReUp().isEmpty()) {
            lines.add("  every up again: the schema differs from the one the first ups made");
            trip.afterReUp().forEach(finding -> lines.addAll(finding(finding, "    ")));
        }
        return String.join("\n", lines);
    }

    /** A section that failed: which, of which migration, at which file and line, and the database's message. */
    static String failure(VerifyResult.StepFailure failure) {
        String where = failure.line() > 0 ? " at " + failure.file() + ":" + failure.line() : "";
        return "the " + failure.step().label() + " of " + failure.migration() + " failed" + where + ": "
                + failure.message();
    }

    private static List<String> finding(VerifyResult.Finding finding, String indent) {
        List<String> lines = new ArrayList<>();
        String madeBy = finding.migration().map(m -> " (made by " + m + ")").orElse("");
        Optional<String> because = finding.equivalentBecause();
        lines.add(indent
                + finding.summary()
                + madeBy
                + because.map(b -> " [equivalent: " + b + "]").orElse(""));
        finding.diff().forEach(line -> lines.add(indent + "    " + line));
        return lines;
    }
}
