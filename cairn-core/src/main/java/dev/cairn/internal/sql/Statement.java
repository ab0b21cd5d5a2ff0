// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import java.sql.Connection;

/**
 * One statement cut from a migration section, or the one step of a Java migration's section.
 *
 * @param sql the statement text, from its first token to just before its delimiter, trimmed; for
 *     code, a label that names it
 * @param line the 1-based line of the file where its first token is; 0 for code
 * @param code the code that runs instead of {@code sql}, for a Java migration; null for SQL
 */
public record Statement(String sql, int line, Code code) {

    /** An SQL statement. */
    public Statement(String sql, int line) {
        this(sql, line, null);
    }

    /** Whether this is code, not SQL. */
    public boolean isCode() {
        return code != null;
    }

    /** Code that runs as one statement: a Java migration's up or down. */
    @FunctionalInterface
    public interface Code {
        /** Runs on {@code connection}, which is in the state the section runs in (a transaction, or not). */
        void run(Connection connection) throws Exception;
    }
}
