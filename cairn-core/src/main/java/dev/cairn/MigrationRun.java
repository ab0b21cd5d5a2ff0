// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;

/**
 * One migration that ran: which one, in which direction, in which batch, and how long it took.
 *
 * @param name the migration's name (its file name without {@code .sql})
 * @param version the migration's version (the leading digits of its name)
 * @param direction whether it was applied or undone
 * @param batch the batch it was applied in, or the batch it was undone from
 * @param duration how long its statements took
 */
public record MigrationRun(String name, String version, Direction direction, int batch, Duration duration) {}
