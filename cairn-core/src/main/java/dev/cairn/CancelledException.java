// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/**
 * The run was interrupted (Ctrl-C, SIGTERM: the JVM began to shut down) before it finished. The
 * message says what was running and the state it left; the command line exits with 130.
 */
public final class CancelledException extends CairnException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was interrupted, and in what state it left the databases
     */
    public CancelledException(String message) {
        super(message, null);
    }
}
