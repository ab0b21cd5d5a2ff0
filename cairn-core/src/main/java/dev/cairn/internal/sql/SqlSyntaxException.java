// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

/**
 * The splitter met text it cannot cut into statements, such as a string that never ends. The caller
 * knows the file and turns this into a {@code MigrationFileException}.
 */
public final class SqlSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    /** Creates the exception for a problem found at (or starting at) {@code line}. */
    public SqlSyntaxException(int line, String problem) {
        super(problem);
        this.line = line;
    }

    /** The 1-based line of the file where the problem starts. */
    public int line() {
        return line;
    }
}
