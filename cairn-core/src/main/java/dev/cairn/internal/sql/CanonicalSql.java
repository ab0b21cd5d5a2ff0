// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import dev.cairn.internal.sql.SqlLexer.Kind;

/**
 * A statement's text with its formatting taken out, so that reformatting a migration or editing
 * its comments does not count as changing it. Between two tokens, whitespace and comments (any run
 * of them) become one space where the tokens could otherwise run together, and nothing after
 * {@code (}, {@code ,} or {@code ;} or before {@code )}, {@code ,} or {@code ;}, which always stand
 * alone; where two tokens touched they still touch, so {@code a<=b} and {@code a < = b} stay apart,
 * as the database tells them apart. Whitespace and comments at either end go.
 *
 * <p>Tokens stay exactly as written: strings, quoted identifiers, dollar quotes, words in their case
 * (MySQL table names may be case-sensitive), and comments that the server reads ({@code /*!…*}{@code /}
 * where the rules say so, and optimizer hints {@code /*+…*}{@code /} everywhere). A space before
 * {@code (} counts, since MySQL reads {@code count (*)} otherwise than {@code count(*)}. A CRLF line
 * break becomes LF also inside tokens, so that a checkout with Windows line endings changes nothing.
 */
public final class CanonicalSql {

    private CanonicalSql() {}

    /**
     * The canonical text of {@code sql}, one statement as the {@link StatementSplitter} cut it with
     * {@code rules}. Text that the lexer cannot read (it never can, for a statement the splitter cut)
     * is returned as it is, with CRLF as LF.
     */
    public static String of(String sql, SplitRules rules) {
        SqlLexer lexer = new SqlLexer(sql, 1, rules);
        StringBuilder canonical = new StringBuilder(sql.length());
        int previousEnd = -1;
        boolean gap = false;
        try {
            for (Kind kind = lexer.next(); kind != Kind.END_OF_TEXT; kind = lexer.next()) {
                if ((kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT)
                        && !sql.startsWith("/*+", lexer.start())) {
                    gap = true;
                    continue;
                }
                boolean apart = gap || lexer.start() > previousEnd;
                if (previousEnd >= 0 && apart && !standsAlone(sql.charAt(previousEnd - 1), sql.charAt(lexer.start()))) {
                    canonical.append(' ');
                }
                canonical.append(sql, lexer.start(), lexer.end());
                previousEnd = lexer.end();
                gap = false;
            }
        } catch (SqlSyntaxException e) {
            return sql.replace("\r\n", "\n");
        }
        return canonical.toString().replace("\r\n", "\n");
    }

    /** Whether a token ending in {@code before} and one starting with {@code after} need no space between. */
    private static boolean standsAlone(char before, char after) {
        return before == '(' || before == ',' || before == ';' || after == ')' || after == ',' || after == ';';
    }
}
