// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

/**
 * A database server that the tests must have cannot be reached: under {@code CI=true}, or when the
 * user named it in {@code CAIRN_TEST_<ENGINE>_URL}. It fails the test rather than skipping it; the
 * message says which server was tried, why it failed and how to start or name one.
 */
public final class MissingServerException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do. */
    public MissingServerException(String message) {
        super(message);
    }
}
