// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link Cairn#squash(String, boolean)} wrote (or, on a dry run, would write): one migration in
 * place of every migration up to a version, proven on scratch databases to build the same schema and
 * to drop it again.
 *
 * @param file the squashed migration's file (on a dry run, where it would be written)
 * @param replaced the names of the migrations it replaces, oldest first (their files are deleted)
 * @param upStatements how many statements its up runs
 * @param text the file's content
 * @param dryRun whether nothing was written or deleted
 * @param duration how long the command took
 */
public record SquashResult(
        Path file, List<String> replaced, int upStatements, String text, boolean dryRun, Duration duration) {

    /** Copies the list. */
    public SquashResult {
        replaced = List.copyOf(replaced);
    }
}
