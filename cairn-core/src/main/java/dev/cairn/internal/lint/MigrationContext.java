// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.internal.sql.Statement;
import java.util.List;

/**
 * A migration as a whole, for the rules that weigh its up against its down.
 *
 * @param up the up section's statements, each with what it does and what it destroys
 * @param down the down section's statements and what each does; null if the migration has no down
 *     (it is irreversible, and says so)
 */
record MigrationContext(List<Read> up, List<Read> down) {

    /**
     * One statement and what it does.
     *
     * @param destroysData for an up statement: what it drops or empties of what existed before the
     *     migration ({@code table users}); null if nothing
     */
    record Read(Statement statement, Ddl ddl, String destroysData) {}
}
