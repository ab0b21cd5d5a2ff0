// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code verify} did not prove what it was asked to: some migrations' downs do not undo their ups,
 * a round trip did not come back, or a step stopped the run. {@link VerifyResult#requirePassed}
 * throws it; the result itself says everything, migration by migration. The target database was not
 * touched.
 */
public final class VerificationException extends CairnException {

    private static final long serialVersionUID = 1L;

    // ArrayList, not List: the field of a serializable exception must have a serializable type.
    private final ArrayList<String> migrations;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     * @param migrations the migrations that failed the check, in order
     */
    public VerificationException(String message, List<String> migrations) {
        super(message, null);
        this.migrations = new ArrayList<>(migrations);
    }

    /** The migrations that failed the check, in order. */
    public List<String> migrations() {
        return Collections.unmodifiableList(migrations);
    }
}
