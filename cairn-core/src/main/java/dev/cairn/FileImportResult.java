// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What converting another tool's migration files into Cairn's wrote (or, on a dry run, would write):
 * one Cairn file per migration, with the files that were not converted and what to check by hand. A
 * conversion is all or nothing: one that is refused throws and writes no file at all.
 *
 * @param converted each migration converted, in the order the other tool applies them; a file that was
 *     already there with exactly the content the conversion writes is listed too (and left as it is)
 * @param skipped each file that was not converted, as a sentence that names it, says why (a repeatable
 *     migration, a callback, a Java migration, a file that cannot be read) and what to do instead
 * @param notes what to check in the converted files, as sentences (placeholders to define in
 *     {@code cairn.yml}, versions that were renumbered)
 * @param dryRun whether nothing was written
 */
public record FileImportResult(List<Converted> converted, List<String> skipped, List<String> notes, boolean dryRun) {

    /** Copies the lists. */
    public FileImportResult {
        converted = List.copyOf(converted);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /**
     * One migration converted into one Cairn file.
     *
     * @param from the other tool's migration file, as a path relative to the directory converted, with
     *     {@code /} between its parts (such as {@code V2__add_posts.sql} or {@code sub/V2__add_posts.sql})
     * @param undo the file that undoes it, relative in the same way, if there is one (its SQL is the
     *     converted file's {@code -- migrate:down} section)
     * @param to the name of the Cairn file written in the migrations directory, such as
     *     {@code 2_add_posts.sql}
     * @param reversible whether the Cairn migration has a {@code -- migrate:down} section, and so can be
     *     rolled back
     */
    public record Converted(String from, Optional<String> undo, String to, boolean reversible) {

        /** Checks that nothing is null. */
        public Converted {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(undo, "undo");
            Objects.requireNonNull(to, "to");
        }
    }
}
