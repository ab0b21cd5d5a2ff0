// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import java.nio.file.Path;

/**
 * The up or the down part of a migration, not yet split into statements.
 *
 * @param file the file it comes from (for the paired layout, the {@code .up.sql} or {@code .down.sql})
 * @param text the SQL between its marker and the next marker (or the end of the file)
 * @param firstLine the 1-based line of {@code file} where {@code text} starts
 * @param transactional false if its marker says {@code transaction:false}
 */
public record Section(Path file, String text, int firstLine, boolean transactional) {}
