// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

/**
 * The extension could not give the test its database: a driver is missing, the server cannot be
 * reached, the locations hold no migrations, or a migration failed. The message says what and what to
 * do; Cairn's own exception, when there is one, is the cause. The tests fail: a missing database never
 * skips them, so that a CI run cannot pass without having run them.
 */
public final class TestDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what failed and what to do. */
    public TestDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with a message that says what failed and what to do. */
    public TestDatabaseException(String message) {
        super(message);
    }
}
