// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import dev.cairn.Operation;
import dev.cairn.Plan;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a change will do: the steps in order and, for {@code migrate}/{@code up}, the new batch.
 *
 * @param operation the change asked for
 * @param batch the new batch for migrate and up; empty for rollbacks or when there is nothing to do
 * @param steps the sections to run, in order
 * @param nextId the tracking-table id for the first migration applied
 * @param nothingToDo when there are no steps and the reason is worth more than "up to date": why
 *     (the target is already applied, newer migrations are pending, ...), as a sentence
 */
public record Work(Operation operation, OptionalInt batch, List<Step> steps, int nextId, Optional<String> nothingToDo) {

    /** Creates the work; {@code steps} is copied. */
    public Work {
        steps = List.copyOf(steps);
        nothingToDo = steps.isEmpty() ? nothingToDo : Optional.empty();
    }

    /** The work of {@code steps}, with no particular reason when there are none. */
    public Work(Operation operation, OptionalInt batch, List<Step> steps, int nextId) {
        this(operation, batch, steps, nextId, Optional.empty());
    }

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The work as the public API shows it. */
    public Plan toPlan() {
        return new Plan(operation, batch, steps.stream().map(Step::toPlanned).toList());
    }
}
