// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

/**
 * The lexical rules of one SQL dialect that decide where a statement ends: which quotes, comments
 * and bodies can hide a {@code ;}. A dialect picks one of the constants (or builds its own); the
 * {@link StatementSplitter} reads nothing else about the dialect.
 *
 * <p>Everything a flag does not mention is common to every dialect: {@code '…'} strings with
 * {@code ''} as the escaped quote, {@code "…"} quoted identifiers with {@code ""}, {@code --} line
 * comments and {@code /* … *}{@code /} block comments.
 *
 * @param dollarQuotes {@code $$…$$} and {@code $tag$…$tag$} are strings (PostgreSQL); {@code $1} stays
 *     a parameter and a {@code $} right after an identifier character belongs to the identifier
 * @param escapeStringPrefix {@code E'…'} and {@code e'…'} are strings in which a backslash escapes the
 *     next character, so {@code E'it\'s'} is one string (PostgreSQL)
 * @param backslashEscapesInStrings a backslash escapes the next character in every string literal
 *     (MySQL, unless {@code NO_BACKSLASH_ESCAPES} is set)
 * @param doubleQuotedStrings {@code "…"} is a string literal, not a quoted identifier, so backslash
 *     escapes apply in it too (MySQL, unless {@code ANSI_QUOTES} is set)
 * @param nestedBlockComments a {@code /*} inside a block comment opens a nested one that needs its own
 *     closing (PostgreSQL)
 * @param hashComments {@code #} starts a line comment (MySQL)
 * @param backtickIdentifiers {@code `…`} is a quoted identifier, with {@code ``} as the escaped
 *     backtick (MySQL, SQLite)
 * @param bracketIdentifiers {@code […]} is a quoted identifier that ends at the first {@code ]}
 *     (SQLite)
 * @param beginEndBodies inside {@code CREATE TRIGGER/FUNCTION/PROCEDURE/EVENT}, a {@code ;} between
 *     {@code BEGIN} and its {@code END} belongs to the body (SQLite triggers, PostgreSQL {@code BEGIN
 *     ATOMIC}, MySQL routines); see {@link StatementSplitter} for the exact rule
 */
public record SplitRules(
        boolean dollarQuotes,
        boolean escapeStringPrefix,
        boolean backslashEscapesInStrings,
        boolean doubleQuotedStrings,
        boolean nestedBlockComments,
        boolean hashComments,
        boolean backtickIdentifiers,
        boolean bracketIdentifiers,
        boolean beginEndBodies) {

    /**
     * PostgreSQL 12 and later with {@code standard_conforming_strings} on (the default since 9.1), so
     * a backslash escapes only in {@code E'…'}; {@code U&'…'} needs no flag, as its backslashes never
     * hide a quote.
     */
    public static final SplitRules POSTGRESQL = new SplitRules(
            /* dollarQuotes */ true,
            /* escapeStringPrefix */ true,
            /* backslashEscapesInStrings */ false,
            /* doubleQuotedStrings */ false,
            /* nestedBlockComments */ true,
            /* hashComments */ false,
            /* backtickIdentifiers */ false,
            /* bracketIdentifiers */ false,
            /* beginEndBodies */ true);

    /**
     * SQLite 3, which accepts every common way of quoting an identifier ({@code "x"}, {@code `x`},
     * {@code [x]}) and whose block comments do not nest.
     */
    public static final SplitRules SQLITE = new SplitRules(
            /* dollarQuotes */ false,
            /* escapeStringPrefix */ false,
            /* backslashEscapesInStrings */ false,
            /* doubleQuotedStrings */ false,
            /* nestedBlockComments */ false,
            /* hashComments */ false,
            /* backtickIdentifiers */ true,
            /* bracketIdentifiers */ true,
            /* beginEndBodies */ true);

    /**
     * MySQL 8 and MariaDB 10.6+ with the default SQL mode: backslash escapes and {@code "…"} strings,
     * {@code #} comments, backtick identifiers, and routine and trigger bodies.
     */
    public static final SplitRules MYSQL = new SplitRules(
            /* dollarQuotes */ false,
            /* escapeStringPrefix */ false,
            /* backslashEscapesInStrings */ true,
            /* doubleQuotedStrings */ true,
            /* nestedBlockComments */ false,
            /* hashComments */ true,
            /* backtickIdentifiers */ true,
            /* bracketIdentifiers */ false,
            /* beginEndBodies */ true);

    /** H2 2.x: standard strings and identifiers, {@code $$…$$} for Java source in {@code CREATE ALIAS}. */
    public static final SplitRules H2 = new SplitRules(
            /* dollarQuotes */ true,
            /* escapeStringPrefix */ false,
            /* backslashEscapesInStrings */ false,
            /* doubleQuotedStrings */ false,
            /* nestedBlockComments */ false,
            /* hashComments */ false,
            /* backtickIdentifiers */ false,
            /* bracketIdentifiers */ false,
            /* beginEndBodies */ false);
}
