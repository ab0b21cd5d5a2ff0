// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/**
 * The one family of failures Cairn reports. Each subtype stands for one kind of outcome that a
 * caller reacts to differently (the command line maps each to an exit code); its message says what
 * happened, where (file and line when there is one) and what to do next, and never contains a
 * password.
 */
public abstract sealed class CairnException extends RuntimeException
        permits ConfigurationException,
                MigrationFileException,
                ValidationException,
                MigrationFailedException,
                ConnectionException,
                LockException,
                VerificationException,
                CancelledException {

    private static final long serialVersionUID = 1L;

    CairnException(String message, Throwable cause) {
        super(message, cause);
    }
}
