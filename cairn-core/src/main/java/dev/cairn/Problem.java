// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/**
 * A disagreement between the migration files and the tracking table. Most make {@code validate}
 * fail; a {@linkplain #isNotice() notice} is reported but fails nothing.
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
        /**
         * An applied migration's up section was changed after it was applied (comments and whitespace
         * aside), or, for a tracking row of an earlier version, its file: {@code migrate} and every
         * rollback refuse.
         */
        EDITED,
        /**
         * A notice: an applied migration's down section was changed (or removed) after it was applied,
         * while its up section was not. Nothing refuses; a rollback runs the down section as it is now,
         * which {@code verify --from} the migration proves.
         */
        DOWN_CHANGED,
        /** A pending migration is older than the newest applied one. */
        OUT_OF_ORDER,
        /** A section stopped part-way outside a transaction; see {@link Status.State#INCOMPLETE}. */
        INCOMPLETE,
        /** Two migration files have the same version. */
        DUPLICATE_VERSION,
        /** A migration file cannot be used: misnamed, not UTF-8, no up marker, a statement that never ends. */
        UNPARSEABLE
    }

    /** Whether this is only a notice ({@link Kind#DOWN_CHANGED}), which makes nothing fail or refuse. */
    public boolean isNotice() {
        return kind == Kind.DOWN_CHANGED;
    }
}
