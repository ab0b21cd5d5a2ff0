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
 * @param observe also run the linted migrations on a scratch database beside the target (as
 *     {@code verify} does; PostgreSQL, MySQL and MariaDB) and report what each statement locked and
 *     rewrote, ranked by the size of its tables in the target (read-only catalog queries)
 */
public record LintOptions(List<Path> files, boolean all, boolean observe) {

    /** Copies the list. */
    public LintOptions {
        files = List.copyOf(files);
    }

    /** Options without observing. */
    public LintOptions(List<Path> files, boolean all) {
        this(files, all, false);
    }

    /** These options, observing the statements on a scratch database too. */
    public LintOptions observing() {
        return new LintOptions(files, all, true);
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
