// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code verify} found on its scratch database: a verdict for every migration checked (or, for
 * a round trip, what a full rollback and a migrate again left different), and whether the run had
 * to stop early.
 *
 * @param migrations each migration checked on its own, in order, with its verdict; empty for a round trip
 * @param appliedFirst the migrations before the range, only applied to build the schema it starts from
 * @param roundTrip the range checked as a whole, when that was asked for
 * @param stopped a step that failed so that nothing after it could be checked (an up that fails on
 *     the scratch database; a migration before the range); empty when the run went to the end
 * @param scratch where the scratch database was (it is gone now), without any password
 * @param duration how long the whole check took
 */
public record VerifyResult(
        List<Checked> migrations,
        List<String> appliedFirst,
        Optional<RoundTrip> roundTrip,
        Optional<StepFailure> stopped,
        String scratch,
        Duration duration) {

    /** How many failing migrations {@link #requirePassed}'s message names; {@link #failing} has them all. */
    private static final int NAMED_IN_MESSAGE = 3;

    /** Creates the result; the lists are copied. */
    public VerifyResult {
        migrations = List.copyOf(migrations);
        appliedFirst = List.copyOf(appliedFirst);
        Objects.requireNonNull(roundTrip, "roundTrip");
        Objects.requireNonNull(stopped, "stopped");
    }

    /**
     * Whether the check passed: no verdict worse than {@code equivalent} (with {@code strict}: every
     * migration {@code reversible}), a round trip that came back (exactly, with {@code strict}), and
     * no step that stopped the run.
     */
    public boolean passed(boolean strict) {
        return stopped.isEmpty()
                && failing(strict).isEmpty()
                && roundTrip.map(trip -> trip.passed(strict)).orElse(true);
    }

    /**
     * This result if it {@link #passed}; else a {@link VerificationException} that names what failed.
     *
     * @throws VerificationException if the check did not pass
     */
    public VerifyResult requirePassed(boolean strict) {
        if (passed(strict)) {
            return this;
        }
        List<String> names = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Checked> failing = failing(strict);
        if (!failing.isEmpty()) {
            List<String> shown = new ArrayList<>();
            for (Checked checked : failing) {
                names.add(checked.name());
                if (shown.size() < NAMED_IN_MESSAGE) {
                    shown.add(checked.name() + " (" + checked.verdict().label() + ")");
                }
            }
            String more = failing.size() > shown.size() ? " and " + (failing.size() - shown.size()) + " more" : "";
            reasons.add(failing.size() + " of " + migrations.size() + " migrations are not proven: "
                    + String.join(", ", shown) + more);
        }
        roundTrip.filter(trip -> !trip.passed(strict)).ifPresent(trip -> {
            trip.failure().ifPresent(failure -> names.add(failure.migration()));
            reasons.add(trip.failure()
                    .map(failure ->
                            "the round trip stopped at the " + failure.step().label() + " of " + failure.migration())
                    .orElse("the round trip did not bring the schema back"));
        });
        stopped.ifPresent(failure -> {
            names.add(failure.migration());
            reasons.add("verify stopped at the " + failure.step().label() + " of " + failure.migration());
        });
        String advice =
                failing.isEmpty() && roundTrip.map(trip -> trip.passed(strict)).orElse(true)
                        ? "Fix that up section: an up that fails on a new database fails a deploy too."
                        : "Each verdict says what differs or failed, and where; fix the down sections it names.";
        throw new VerificationException(
                "Verify failed: " + String.join("; ", reasons) + ". " + advice + " The target database was not"
                        + " touched.",
                names);
    }

    /** The migrations whose verdict fails the check, in order. */
    public List<Checked> failing(boolean strict) {
        return migrations.stream()
                .filter(checked -> checked.verdict().fails(strict))
                .toList();
    }

    /** How many migrations got each verdict, in the verdicts' order; verdicts nobody got are left out. */
    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Checked checked : migrations) {
            counts.merge(checked.verdict(), 1, Integer::sum);
        }
        return counts;
    }

    /** What {@code verify} found for one migration, from the best to the worst. */
    public enum Verdict {
        /** Up, down, up again: the schema came back exactly. */
        REVERSIBLE,
        /** The schema came back except for differences that change no behaviour, each named with why. */
        EQUIVALENT,
        /**
         * The migration has no down section, as its author declared: there is nothing to prove. It does not
         * fail the check (the file says so on purpose), except with {@code --strict}.
         */
        IRREVERSIBLE,
        /** After the up and the down, the schema differs from the one the up started from. */
        DIFFERS,
        /** The down failed after the up. */
        DOWN_FAILED,
        /** The down restored the schema, but the up failed when run again after it. */
        UP_AGAIN_FAILED;

        /** The verdict as the command line and JSON write it: {@code down-failed}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether this verdict fails the check: worse than {@code equivalent}, or not {@code reversible} if strict. */
        public boolean fails(boolean strict) {
            return strict ? this != REVERSIBLE : this != REVERSIBLE && this != EQUIVALENT && this != IRREVERSIBLE;
        }
    }

    /**
     * One migration checked on its own.
     *
     * @param name the migration's name
     * @param verdict what the check found
     * @param differences what differs after its up and its down (for {@code equivalent} and
     *     {@code differs}), each difference once, in object order
     * @param failure the section that failed, for {@code down-failed} and {@code up-again-failed}
     */
    public record Checked(String name, Verdict verdict, List<Finding> differences, Optional<StepFailure> failure) {

        /** Creates the record; the list is copied. */
        public Checked {
            differences = List.copyOf(differences);
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * One difference between two schemas that should have been the same.
     *
     * @param object the object's path, such as {@code table users / column email}
     * @param attribute the attribute that differs, such as {@code type}; null when the whole object
     *     is there on one side only
     * @param before the value expected (for an object that is missing, all its attributes); null if
     *     the object should not be there
     * @param after the value found (for an object that should not be there, all its attributes); null
     *     if the object is missing
     * @param equivalentBecause why the difference changes no behaviour, when it does not; empty for
     *     a real difference
     * @param diff for a long definition, a line diff of the two texts ({@code - } before, {@code + }
     *     after, two spaces for context); empty when the values are short enough to show whole
     * @param migration for a round trip, the migration whose up made the object (or last changed the
     *     attribute), when one in the range did
     */
    public record Finding(
            String object,
            String attribute,
            String before,
            String after,
            Optional<String> equivalentBecause,
            List<String> diff,
            Optional<String> migration) {

        /** Creates the record; the list is copied. */
        public Finding {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(equivalentBecause, "equivalentBecause");
            diff = List.copyOf(diff);
            Objects.requireNonNull(migration, "migration");
        }

        /** Whether the difference changes no behaviour. */
        public boolean equivalent() {
            return equivalentBecause.isPresent();
        }

        /**
         * The difference in one line, such as {@code table users / column email: type varchar(255) -> text},
         * {@code index users_email_idx: missing (was …)} or {@code table audit: added (…)}.
         */
        public String summary() {
            return diff.isEmpty()
                    ? new SchemaSnapshot.Difference(object, attribute, before, after).toString()
                    : object + ": " + attribute + " differs";
        }
    }

    /** A step of verify's check of a migration. */
    public enum Step {
        /** The up section, the first time. */
        UP("up", Direction.UP),
        /** The down section, after the up. */
        DOWN("down", Direction.DOWN),
        /** The up section again, after the down. */
        UP_AGAIN("up again", Direction.UP);

        private final String label;
        private final Direction direction;

        Step(String label, Direction direction) {
            this.label = label;
            this.direction = direction;
        }

        /** The step as the command line and JSON write it: {@code up again}. */
        public String label() {
            return label;
        }

        /** The section the step runs. */
        public Direction direction() {
            return direction;
        }
    }

    /**
     * A section that failed on the scratch database.
     *
     * @param migration the migration's name
     * @param step what was running
     * @param file the migration's file
     * @param line the line in that file the database blames; 0 when no statement failed (a round trip
     *     that stops at a migration with no down)
     * @param message the database's message, or what stopped the step
     */
    public record StepFailure(String migration, Step step, Path file, int line, String message) {}

    /**
     * The range checked as a whole: every up, then every down newest first, then every up again.
     *
     * @param migrations the migrations of the range, in order
     * @param failure the step that failed, or a migration with no down that stops the rollback; the
     *     comparisons after it did not run
     * @param leftBehind how the schema after every down differs from the one the range started from
     * @param afterReUp how the schema after every up again differs from the one after the first ups
     */
    public record RoundTrip(
            List<String> migrations, Optional<StepFailure> failure, List<Finding> leftBehind, List<Finding> afterReUp) {

        /** Creates the record; the lists are copied. */
        public RoundTrip {
            migrations = List.copyOf(migrations);
            Objects.requireNonNull(failure, "failure");
            leftBehind = List.copyOf(leftBehind);
            afterReUp = List.copyOf(afterReUp);
        }

        /** Whether the schema came back (exactly, with {@code strict}) after the downs and after the ups again. */
        public boolean passed(boolean strict) {
            List<Finding> all = new ArrayList<>(leftBehind);
            all.addAll(afterReUp);
            return failure.isEmpty() && all.stream().allMatch(finding -> !strict && finding.equivalent());
        }
    }
}
