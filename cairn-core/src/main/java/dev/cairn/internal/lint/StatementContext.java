// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.internal.sql.SqlToken;
import dev.cairn.internal.sql.Statement;
import java.util.List;

/**
 * One statement of an up section as a rule sees it.
 *
 * @param statement the statement as the splitter cut it
 * @param tokens its code's tokens
 * @param ddl what it does
 * @param scope what the migrations read so far made, and what this migration made before this statement
 * @param transactional whether the section runs in Cairn's transaction
 */
record StatementContext(Statement statement, List<SqlToken> tokens, Ddl ddl, Scope scope, boolean transactional) {

    /** Whether {@code table} existed before this migration (it did not create it). */
    boolean existing(Name table) {
        return table != null && !scope.isNew(table);
    }

    /** Whether {@code column} of {@code table} existed before this migration. */
    boolean existing(Name table, Name column) {
        return table != null && !scope.isNew(table, column);
    }
}
