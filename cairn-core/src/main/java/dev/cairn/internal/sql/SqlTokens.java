// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import dev.cairn.internal.sql.SqlLexer.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement as the list of its code's tokens, for the checks that look at what a statement does
 * (the linter): the lexer's reading, so that a keyword inside a string, a quoted name or a comment is
 * never taken for code.
 */
public final class SqlTokens {

    private SqlTokens() {}

    /**
     * The tokens of {@code statement}, an SQL statement that the {@link StatementSplitter} cut with
     * {@code rules}, without comments (executable ones included). Text the lexer cannot read (it never
     * can, for a statement the splitter cut) ends the list where it starts.
     */
    public static List<SqlToken> of(Statement statement, SplitRules rules) {
        String sql = statement.sql();
        SqlLexer lexer = new SqlLexer(sql, statement.line(), rules);
        List<SqlToken> tokens = new ArrayList<>();
        try {
            for (Kind kind = lexer.next(); kind != Kind.END_OF_TEXT; kind = lexer.next()) {
                SqlToken.Type type = switch (kind) {
                    case WORD -> SqlToken.Type.WORD;
                    case STRING, DOLLAR_STRING -> SqlToken.Type.STRING;
                    case QUOTED_IDENTIFIER -> SqlToken.Type.QUOTED_IDENTIFIER;
                    case SYMBOL, DELIMITER -> SqlToken.Type.SYMBOL;
                    case LINE_COMMENT, BLOCK_COMMENT, EXECUTABLE_COMMENT, END_OF_TEXT -> null;
                };
                if (type != null) {
                    tokens.add(
                            new SqlToken(type, sql.substring(lexer.start(), lexer.end()), lexer.lineOf(lexer.start())));
                }
            }
        } catch (SqlSyntaxException e) {
            return tokens;
        }
        return tokens;
    }
}
