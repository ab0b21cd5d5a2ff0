// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.SchemaSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** TEMPORARY STUB, replaced by the compare branch. */
public final class Comparison {

    private Comparison() {}

    /** Stub. */
    public static List<Compared> of(SchemaSnapshot before, SchemaSnapshot after, Instant runStarted, Instant now) {
        return after.since(before).stream()
                .map(difference -> new Compared(difference, Optional.empty(), List.of()))
                .toList();
    }

    /** Stub. */
    public record Compared(
            SchemaSnapshot.Difference difference, Optional<String> equivalentBecause, List<String> diff) {}
}
