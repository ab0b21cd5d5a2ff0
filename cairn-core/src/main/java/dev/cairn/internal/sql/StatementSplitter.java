// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import java.util.List;

/** STUB: replaced by the splitter work. Cuts a section of SQL into statements. */
public final class StatementSplitter {

    private StatementSplitter() {}

    /**
     * Splits {@code text}, whose first line is line {@code firstLine} of its file.
     *
     * @throws SqlSyntaxException if a string, quoted identifier, comment or body never ends
     */
    public static List<Statement> split(String text, int firstLine, SplitRules rules) {
        throw new UnsupportedOperationException("not yet");
    }
}
