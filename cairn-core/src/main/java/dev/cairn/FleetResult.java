// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one command did on each target of a fleet, in the targets' order.
 *
 * @param targets one outcome per target
 * @param interrupted whether the JVM began to shut down (Ctrl-C, SIGTERM) during the run: the
 *     targets running then were cancelled as a single database's run is, and no other was started
 * @param <T> what the command gives for one target, such as {@link MigrateResult}
 */
public record FleetResult<T>(List<Outcome<T>> targets, boolean interrupted) {

    /** Copies the list. */
    public FleetResult {
        targets = List.copyOf(targets);
    }

    /** The targets where the command failed. */
    public List<Outcome<T>> failed() {
        return targets.stream().filter(outcome -> outcome.failure().isPresent()).toList();
    }

    /** The targets the command did not run on: an earlier one failed with fail-fast, or the run was interrupted. */
    public List<Outcome<T>> notRun() {
        return targets.stream().filter(outcome -> !outcome.ran()).toList();
    }

    /**
     * One target's outcome.
     *
     * @param target the schema's or database's name
     * @param result what the command gave, if it ran and succeeded
     * @param failure why it failed, if it did (a {@link CairnException} says what stays applied, as for one
     *     database)
     * @param ran whether the command ran on it at all
     * @param duration how long it took
     * @param <T> what the command gives
     */
    public record Outcome<T>(
            String target, Optional<T> result, Optional<RuntimeException> failure, boolean ran, Duration duration) {

        /** A success. */
        public static <T> Outcome<T> of(String target, T result, Duration duration) {
            return new Outcome<>(target, Optional.ofNullable(result), Optional.empty(), true, duration);
        }

        /** A failure. */
        public static <T> Outcome<T> failed(String target, RuntimeException failure, Duration duration) {
            return new Outcome<>(target, Optional.empty(), Optional.of(failure), true, duration);
        }

        /** Not run. */
        public static <T> Outcome<T> notRun(String target) {
            return new Outcome<>(target, Optional.empty(), Optional.empty(), false, Duration.ZERO);
        }
    }
}
