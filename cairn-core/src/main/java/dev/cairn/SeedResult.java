// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;

/**
 * What {@code seed run} ran. Seeds are not tracked: running them again runs them again.
 *
 * @param seeds the seed files that ran, in order, each committed
 * @param duration how long the command took
 */
public record SeedResult(List<String> seeds, Duration duration) {

    /** Creates the result; the list is copied. */
    public SeedResult {
        seeds = List.copyOf(seeds);
    }
}
