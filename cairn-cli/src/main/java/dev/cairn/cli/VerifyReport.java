// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.VerifyResult;
import dev.cairn.VerifyResult.Checked;
import dev.cairn.VerifyResult.Finding;
import dev.cairn.VerifyResult.RoundTrip;
import dev.cairn.VerifyResult.Step;
import dev.cairn.VerifyResult.StepFailure;
import dev.cairn.VerifyResult.Verdict;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code verify}'s report for people: one line per migration, the verdict first so that the names line
 * up, with what differs or failed under it; then the counts and the migrations that failed. A long
 * definition that differs shows as a line diff, under the object and attribute it belongs to. Verdicts
 * are coloured where the terminal takes colour: green when the schema came back exactly, yellow when
 * it came back but for differences that change nothing, red for the rest.
 */
final class VerifyReport {

    /** The verdict column: as wide as the longest verdict, {@code up-again-failed}, and two spaces. */
    private static final int VERDICT_WIDTH = Verdict.UP_AGAIN_FAILED.label().length() + 2;

    private static final String DETAIL = "  " + " ".repeat(VERDICT_WIDTH);

    private final PrintStream out;
    private final Function<Path, String> display;
    private final Terminal terminal;

    VerifyReport(PrintStream out, Function<Path, String> display, Terminal terminal) {
        this.out = out;
        this.display = path -> Terminal.oneLine(display.apply(path));
        this.terminal = terminal;
    }

    /** One migration's verdict and what backs it, as soon as it is known. */
    void migration(Checked checked) {
        out.println("  " + verdict(checked.verdict()) + Terminal.oneLine(checked.name()));
        if (checked.verdict() == Verdict.IRREVERSIBLE) {
            out.println(DETAIL + "no down section: nothing to prove");
        }
        checked.failure().ifPresent(failure -> out.println(DETAIL + failed(failure, false)));
        findings(checked.differences(), DETAIL);
        out.flush();
    }

    /** The round trip, step by step. */
    void roundTrip(RoundTrip trip) {
        out.println("  " + pad(Step.UP.label()) + "every up of "
                + HumanOutput.count(trip.migrations().size(), "migration")
                + Terminal.oneLine(range(trip.migrations())));
        Optional<StepFailure> failure = trip.failure();
        if (failure.isPresent() && failure.get().step() == Step.DOWN) {
            out.println("  " + pad(Step.DOWN.label()) + failed(failure.get(), true));
            return;
        }
        step(
                Step.DOWN,
                "every down, newest first",
                trip.leftBehind(),
                "the schema came back to the one before the ups");
        if (failure.isPresent()) {
            out.println("  " + pad(failure.get().step().label()) + failed(failure.get(), true));
            return;
        }
        step(Step.UP_AGAIN, "every up again", trip.afterReUp(), "the schema is the one the first ups made");
    }

    /** The counts per verdict, the migrations that failed, and how the run ended. */
    void summary(VerifyResult result, boolean strict, String where, String duration) {
        if (!result.appliedFirst().isEmpty()) {
            out.println("  (" + HumanOutput.count(result.appliedFirst().size(), "earlier migration")
                    + " only applied, to build the schema the range starts from)");
        }
        result.stopped()
                .ifPresent(failure -> out.println("Stopped: " + failed(failure, true)
                        + ". Nothing after it could be checked: a migration whose up fails on an empty"
                        + " database fails a deploy too."));
        String outcome = result.passed(strict) ? "Verified" : "Checked";
        int count = result.roundTrip().isPresent()
                ? result.roundTrip().get().migrations().size()
                : result.migrations().size();
        if (count == 0 && result.stopped().isEmpty()) {
            // --from always names a migration, so only --pending, or no migration at all, leaves none.
            out.println(
                    result.appliedFirst().isEmpty()
                            ? "Nothing to verify: there are no migrations."
                            : "Nothing to verify: " + where + " has applied every migration (" + duration + ").");
            return;
        }
        String form = result.roundTrip().isPresent() ? " as a round trip" : "";
        out.println(outcome + " " + HumanOutput.count(count, "migration") + form + " on a scratch database,"
                + " dropped since (" + duration + "); " + where + " was not touched.");
        if (!result.migrations().isEmpty()) {
            List<String> counts = new ArrayList<>();
            for (Map.Entry<Verdict, Integer> verdict : result.counts().entrySet()) {
                counts.add(verdict.getValue() + " " + verdict.getKey().label());
            }
            out.println("  " + String.join(", ", counts));
        }
        List<String> failing = result.failing(strict).stream()
                .map(checked -> Terminal.oneLine(checked.name()) + " ("
                        + checked.verdict().label() + ")")
                .toList();
        if (!failing.isEmpty()) {
            out.println("  " + terminal.failure("Not proven") + (strict ? " (--strict)" : "") + ": "
                    + String.join(", ", failing));
        }
    }

    private void step(Step step, String what, List<Finding> findings, String cameBack) {
        boolean exact = findings.isEmpty();
        boolean equivalent = findings.stream().allMatch(Finding::equivalent);
        out.println("  " + pad(step.label()) + what + ": "
                + (exact ? cameBack : equivalent ? cameBack + ", except for what changes nothing" : "differences"));
        findings(findings, DETAIL);
    }

    private void findings(List<Finding> findings, String indent) {
        for (Finding finding : findings) {
            String by = finding.migration()
                    .map(name -> " (made by " + Terminal.oneLine(name) + ")")
                    .orElse("");
            if (finding.equivalent()) {
                out.println(indent + Terminal.oneLine(finding.object()) + ": "
                        + Terminal.printable(finding.equivalentBecause().get()) + by);
                continue;
            }
            out.println(indent + Terminal.printable(finding.summary()) + by);
            for (String line : finding.diff()) {
                out.println(indent + "  " + Terminal.oneLine(line));
            }
        }
    }

    private String failed(StepFailure failure, boolean named) {
        // A Java migration's code has no line (0): it is named by its class file.
        String at = failure.file() == null
                ? ""
                : failure.line() > 0
                        ? " at " + display.apply(failure.file()) + ":" + failure.line()
                        : " in " + display.apply(failure.file());
        String step = named
                ? "the " + failure.step().label() + " of " + Terminal.oneLine(failure.migration())
                : failure.step().label();
        return step + " failed" + at + ": " + Terminal.printable(failure.message());
    }

    private static String range(List<String> migrations) {
        if (migrations.isEmpty()) {
            return "";
        }
        return migrations.size() == 1
                ? " (" + migrations.get(0) + ")"
                : " (" + migrations.get(0) + " .. " + migrations.get(migrations.size() - 1) + ")";
    }

    /** The verdict, padded to its column and coloured by how good it is. */
    private String verdict(Verdict verdict) {
        String padded = pad(verdict.label());
        String label = padded.stripTrailing();
        String padding = padded.substring(label.length());
        String coloured = switch (verdict) {
            case REVERSIBLE -> terminal.success(label);
            case EQUIVALENT -> terminal.warning(label);
            default -> terminal.failure(label);
        };
        return coloured + padding;
    }

    private static String pad(String label) {
        return label + " ".repeat(Math.max(1, VERDICT_WIDTH - label.length()));
    }
}
