// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Cairn#baseline(String)} recorded: every migration up to a version, as applied in one
 * batch of their own, none of them run. {@code status} shows them as {@code baseline}.
 *
 * @param version the version the baseline stops at: the newest migration it recorded
 * @param batch the batch the rows are in (1: a baseline starts the history)
 * @param migrations the names of the migrations recorded, oldest first
 * @param duration how long the command took
 */
public record BaselineResult(String version, int batch, List<String> migrations, Duration duration) {

    /** Copies the list. */
    public BaselineResult {
        migrations = List.copyOf(migrations);
    }
}
