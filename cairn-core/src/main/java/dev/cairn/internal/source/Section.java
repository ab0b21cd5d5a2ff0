// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.MigrationFileException;
import dev.cairn.internal.sql.Placeholders;
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
 * @param code for a Java migration, the code that runs as the section's one statement, and
 *     {@code text} is its label; null for SQL
 */
public record Section(Path file, String text, int firstLine, boolean transactional, Statement.Code code) {

    /** An SQL section. */
    public Section(Path file, String text, int firstLine, boolean transactional) {
        this(file, text, firstLine, transactional, null);
    }

    /** A Java migration's section: {@code code}, labelled {@code label}, runs as its one statement. */
    static Section ofCode(Path file, String label, boolean transactional, Statement.Code code) {
        return new Section(file, label, 0, transactional, code);
    }

    /**
     * The section cut into statements by {@code rules}, each with its line in {@link #file()}.
     *
     * @throws MigrationFileException naming the file and the line where a string, comment or body that
     *     never ends starts
     */
    public List<Statement> statements(SplitRules rules) {
        return statements(rules, Placeholders.NONE);
    }

    /**
     * The section with {@code placeholders} put in, cut into statements by {@code rules}: what runs.
     *
     * @throws MigrationFileException naming the file and the line of a placeholder without a value, or
     *     where a string, comment or body that never ends starts
     */
    public List<Statement> statements(SplitRules rules, Placeholders placeholders) {
        if (code != null) {
            return List.of(new Statement(text, 0, code));
        }
        try {
            return StatementSplitter.split(placeholders.apply(text, firstLine), firstLine, rules);
        } catch (SqlSyntaxException e) {
            throw new MigrationFileException(file, e.line(), e.getMessage());
        }
    }
}
