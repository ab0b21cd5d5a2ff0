// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/**
 * Another runner held the migration lock for longer than {@code lock-timeout}. Nothing was changed;
 * the message names the holder where the database can tell.
 */
public final class LockException extends CairnException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the holder and the timeout. */
    public LockException(String message) {
        super(message, null);
    }
}
