// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code verify} found a migration that does not undo itself: its down did not restore the schema
 * its up started from (each difference is listed), or one of its sections failed on the scratch
 * database. The target database was not touched.
 */
public final class VerificationException extends CairnException {

    private static final long serialVersionUID = 1L;

    private final String migration;
    // ArrayList, not List: the field of a serializable exception must have a serializable type.
    private final ArrayList<String> differences;

    /**
     * Creates the exception.
     *
     * @param migration the first migration that failed the check
     * @param summary one sentence that says what failed and what to do
     * @param differences each difference between the schema before the up and after the down; empty
     *     when a section failed instead
     * @param cause the database's error when a section failed, or null
     */
    public VerificationException(String migration, String summary, List<String> differences, Throwable cause) {
        super(render(summary, differences), cause);
        this.migration = migration;
        this.differences = new ArrayList<>(differences);
    }

    /** The first migration that failed the check. */
    public String migration() {
        return migration;
    }

    /** What differs between the schema before the up and after the down, one line each. */
    public List<String> differences() {
        return Collections.unmodifiableList(differences);
    }

    private static String render(String summary, List<String> differences) {
        StringBuilder text = new StringBuilder(summary);
        for (String difference : differences) {
            text.append(System.lineSeparator()).append("  - ").append(difference);
        }
        return text.toString();
    }
}
