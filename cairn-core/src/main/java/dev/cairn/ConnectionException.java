// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/**
 * Cairn could not connect to the database, or lost the connection. Its message names the URL with
 * any password removed and says what to check; the database's own message is kept as the cause.
 */
public final class ConnectionException extends CairnException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the (redacted) URL and what to check. */
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
