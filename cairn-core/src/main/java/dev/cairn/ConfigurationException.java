// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/**
 * Cairn was configured or asked wrongly: {@code cairn.yml} is missing or malformed, an environment or
 * variable is unknown, or a request names something that does not exist (such as a version that is
 * not applied). Nothing was changed in the database.
 */
public final class ConfigurationException extends CairnException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to fix. */
    public ConfigurationException(String message) {
        super(message, null);
    }

    /** Creates the exception with a message that says what to fix, and the underlying cause. */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
