// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.util.List;

/**
 * Which migrations {@link Cairn#lint(LintOptions)} reads for findings. Every migration is read in
 * order whatever these say, so that a table an earlier migration made counts as existing.
 *
 * @param files only the migrations in these files (paths as given, resolved against the working
 *     directory); empty: as {@code all} says
 * @param all every migration; false: only those the target has not applied yet (which reads its
 *     tracking table)
 */
public record LintOptions(List<Path> files, boolean all) {

    /** Copies the list. */
    public LintOptions {
        files = List.copyOf(files);
    }

    /** The migrations the target has not applied yet: what {@code cairn lint} reads. */
    public static LintOptions pending() {
        return new LintOptions(List.of(), false);
    }

    /** Every migration, applied or not; needs no database. */
    public static LintOptions everyMigration() {
        return new LintOptions(List.of(), true);
    }

    /** The migrations in {@code files}; needs no database. */
    public static LintOptions ofFiles(List<Path> files) {
        return new LintOptions(files, false);
    }
}
