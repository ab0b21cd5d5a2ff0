// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.MigrationFileException;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.SqlSyntaxException;
import dev.cairn.internal.sql.Statement;
import dev.cairn.internal.sql.StatementSplitter;
import java.nio.file.Path;
import java.util.List;

/**
 * The up or the down part of a migration (or a whole seed file), not yet split into statements.
 *
 * @param file the file it comes from (for the paired layout, the {@code .up.sql} or {@code .down.sql})
 * @param text the SQL between its marker and the next marker (or the end of the file)
 * @param firstLine the 1-based line of {@code file} where {@code text} starts
 * @param transactional false if its marker says {@code transaction:false}
 */
public record Section(Path file, String text, int firstLine, boolean transactional) {

    /**
     * The section cut into statements by {@code rules}, each with its line in {@link #file()}.
     *
     * @throws MigrationFileException naming the file and the line where a string, comment or body that
     *     never ends starts
     */
    public List<Statement> statements(SplitRules rules) {
        try {
            return StatementSplitter.split(text, firstLine, rules);
        } catch (SqlSyntaxException e) {
            throw new MigrationFileException(file, e.line(), e.getMessage());
        }
    }
}
