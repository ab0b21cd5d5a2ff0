// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/**
 * A disagreement between the migration files and the tracking table.
 *
 * @param kind what kind of disagreement
 * @param migration the migration's name
 * @param message a sentence that says what is wrong and what to do
 */
public record Problem(Kind kind, String migration, String message) {

    /** The kinds of disagreement. */
    public enum Kind {
        /** An applied migration's file is gone. */
        MISSING_FILE,
        /** An applied migration's file was changed after it was applied. */
        EDITED,
        /** A pending migration is older than the newest applied one. */
        OUT_OF_ORDER,
        /** A section stopped part-way outside a transaction; see {@link Status.State#INCOMPLETE}. */
        INCOMPLETE,
        /** Two migration files have the same version. */
        DUPLICATE_VERSION,
        /** A migration file cannot be used: misnamed, not UTF-8, no up marker, a statement that never ends. */
        UNPARSEABLE
    }
}
