// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.SchemaSnapshot;
import dev.cairn.VerifyResult.Finding;
import dev.cairn.internal.schema.Comparison;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two snapshots the way {@code verify} reports them, and remembers, for a round trip, which
 * migration's up made each object or last changed each attribute, so that what a rollback leaves
 * behind can be pinned on a migration.
 */
final class Findings {

    private final Instant runStarted;
    private final Map<String, String> madeBy = new HashMap<>();

    /** Comparisons for a run that started at {@code runStarted} (frozen timestamps fall after it). */
    Findings(Instant runStarted) {
        this.runStarted = runStarted;
    }

    /**
     * How {@code after} differs from {@code before}, with what is harmless named. An object that is
     * there on one side only stands for its parts too: a table left behind is one finding, not one
     * per column.
     */
    List<Finding> compare(SchemaSnapshot before, SchemaSnapshot after) {
        Set<String> whole = new HashSet<>();
        return Comparison.of(before, after, runStarted, Instant.now()).stream()
                .filter(compared -> {
                    SchemaSnapshot.Difference difference = compared.difference();
                    int parent = difference.object().lastIndexOf(" / ");
                    boolean partOfWhole =
                            parent > 0 && whole.contains(difference.object().substring(0, parent));
                    if (difference.attribute() == null) {
                        whole.add(difference.object());
                    }
                    return !partOfWhole;
                })
                .map(compared -> {
                    SchemaSnapshot.Difference difference = compared.difference();
                    String by = madeBy.get(key(difference.object(), difference.attribute()));
                    if (by == null && difference.attribute() != null) {
                        by = madeBy.get(key(difference.object(), null));
                    }
                    return new Finding(
                            difference.object(),
                            difference.attribute(),
                            difference.before(),
                            difference.after(),
                            compared.equivalentBecause(),
                            compared.diff(),
                            Optional.ofNullable(by));
                })
                .toList();
    }

    /** Records that {@code migration}'s up turned {@code before} into {@code after}. */
    void madeBy(String migration, SchemaSnapshot before, SchemaSnapshot after) {
        for (SchemaSnapshot.Difference difference : after.since(before)) {
            madeBy.put(key(difference.object(), difference.attribute()), migration);
        }
    }

    private static String key(String object, String attribute) {
        return attribute == null ? object : object + '\u0000' + attribute;
    }
}
