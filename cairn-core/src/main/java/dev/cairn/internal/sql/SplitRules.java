// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

/**
 * The lexical rules of one SQL dialect that decide where a statement ends: which quotes, comments
 * and bodies can hide a {@code ;}, and which client command can change it. A dialect picks one of
 * the constants (or builds its own); the {@link StatementSplitter} reads nothing else about the
 * dialect.
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
 *     closing (PostgreSQL, H2)
 * @param hashComments {@code #} starts a line comment (MySQL)
 * @param doubleSlashComments {@code //} starts a line comment (H2)
 * @param dashCommentNeedsSpace {@code --} starts a comment only when a space, a control character or
 *     the end of the text follows it, so {@code 1--1} is {@code 1 - -1} (MySQL)
 * @param executableComments {@code /*!…*}{@code /}, {@code /*!50003 …*}{@code /} and MariaDB's
 *     {@code /*M!…*}{@code /} are code that the server runs: a statement may consist of nothing else,
 *     as {@code /*!40101 SET NAMES utf8mb4 *}{@code /;} in a dump does. They are still comments to the
 *     lexer, so a {@code ;} inside one ends nothing (MySQL)
 * @param backtickIdentifiers {@code `…`} is a quoted identifier, with {@code ``} as the escaped
 *     backtick (MySQL, SQLite, H2)
 * @param bracketIdentifiers {@code […]} is a quoted identifier that ends at the first {@code ]}
 *     (SQLite)
 * @param beginEndBodies inside {@code CREATE TRIGGER/FUNCTION/PROCEDURE/EVENT}, and in a statement
 *     that starts with a compound statement, a {@code ;} between {@code BEGIN} (or {@code IF},
 *     {@code CASE}, {@code LOOP}, …) and its {@code END} belongs to the body (SQLite triggers,
 *     PostgreSQL {@code BEGIN ATOMIC}, MySQL and MariaDB routines); see {@link StatementSplitter} for
 *     the exact rule
 * @param delimiterCommand a line {@code DELIMITER $$} is the mysql client's command that makes
 *     {@code $$} (or any other string) end statements from the next line on; the line itself is no
 *     statement (MySQL)
 */
public record SplitRules(
        boolean dollarQuotes,
        boolean escapeStringPrefix,
        boolean backslashEscapesInStrings,
        boolean doubleQuotedStrings,
        boolean nestedBlockComments,
        boolean hashComments,
        boolean doubleSlashComments,
        boolean dashCommentNeedsSpace,
        boolean executableComments,
        boolean backtickIdentifiers,
        boolean bracketIdentifiers,
        boolean beginEndBodies,
        boolean delimiterCommand) {

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
            /* doubleSlashComments */ false,
            /* dashCommentNeedsSpace */ false,
            /* executableComments */ false,
            /* backtickIdentifiers */ false,
            /* bracketIdentifiers */ false,
            /* beginEndBodies */ true,
            /* delimiterCommand */ false);

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
            /* doubleSlashComments */ false,
            /* dashCommentNeedsSpace */ false,
            /* executableComments */ false,
            /* backtickIdentifiers */ true,
            /* bracketIdentifiers */ true,
            /* beginEndBodies */ true,
            /* delimiterCommand */ false);

    /**
     * MySQL 8 and MariaDB 10.6+ with the default SQL mode: backslash escapes and {@code "…"} strings,
     * {@code #} comments, {@code -- } comments only with the space, backtick identifiers, executable
     * comments, routine and trigger bodies, and the client's {@code DELIMITER} command.
     *
     * <p>Checked against MariaDB 10.11: block comments do not nest, {@code $$} is no string (it may be
     * part of a name), and MariaDB also runs compound statements outside routines ({@code BEGIN NOT
     * ATOMIC … END}, {@code IF … END IF}), which MySQL refuses; splitting them whole serves both. A
     * routine sent whole as one JDBC statement needs no {@code DELIMITER}: that command exists only
     * for the mysql client, which cuts at every {@code ;} it sees.
     */
    public static final SplitRules MYSQL = new SplitRules(
            /* dollarQuotes */ false,
            /* escapeStringPrefix */ false,
            /* backslashEscapesInStrings */ true,
            /* doubleQuotedStrings */ true,
            /* nestedBlockComments */ false,
            /* hashComments */ true,
            /* doubleSlashComments */ false,
            /* dashCommentNeedsSpace */ true,
            /* executableComments */ true,
            /* backtickIdentifiers */ true,
            /* bracketIdentifiers */ false,
            /* beginEndBodies */ true,
            /* delimiterCommand */ true);

    /**
     * H2 2.x, as found by running H2 2.4.240 in its default mode (MySQL mode changes none of this):
     * <ul>
     *   <li>block comments nest ({@code /* a /* b *}{@code / c *}{@code /} is one comment), and
     *       {@code //} starts a line comment besides {@code --} (also in {@code 1--1});
     *   <li>{@code $$…$$} is a string, which is how {@code CREATE ALIAS … AS $$ java source $$} and
     *       {@code CREATE TRIGGER … AS $$ … $$} carry code full of {@code ;}; there are no tagged
     *       dollar quotes ({@code $fn$} is a syntax error), which the PostgreSQL reading therefore
     *       never meets in valid H2 SQL;
     *   <li>{@code `…`} is a quoted identifier (with {@code ``}) even outside MySQL mode;
     *       {@code [x]} is one only in MSSQLServer mode and is left out, as H2 uses brackets for
     *       arrays;
     *   <li>a backslash is an ordinary character in every string, also in {@code E'…'}; {@code #}
     *       is no comment;
     *   <li>there are no SQL bodies: triggers and functions are Java ({@code CALL "class"} or
     *       {@code AS $$ … $$}), and {@code CREATE PROCEDURE} or {@code FUNCTION … BEGIN} is a syntax
     *       error, so {@code BEGIN} and {@code END} need no tracking.
     * </ul>
     */
    public static final SplitRules H2 = new SplitRules(
            /* dollarQuotes */ true,
            /* escapeStringPrefix */ false,
            /* backslashEscapesInStrings */ false,
            /* doubleQuotedStrings */ false,
            /* nestedBlockComments */ true,
            /* hashComments */ false,
            /* doubleSlashComments */ true,
            /* dashCommentNeedsSpace */ false,
            /* executableComments */ false,
            /* backtickIdentifiers */ true,
            /* bracketIdentifiers */ false,
            /* beginEndBodies */ false,
            /* delimiterCommand */ false);

    /**
     * The rules as one letter per component, in their order: {@code t} for true, {@code f} for false.
     * A key for what is worked out under these rules and kept between runs (the checksum cache), made
     * without the record's {@code toString}, whose first call costs a cold start several milliseconds.
     * SplitRulesTest checks that it names every component.
     */
    public String key() {
        boolean[] flags = {
            dollarQuotes,
            escapeStringPrefix,
            backslashEscapesInStrings,
            doubleQuotedStrings,
            nestedBlockComments,
            hashComments,
            doubleSlashComments,
            dashCommentNeedsSpace,
            executableComments,
            backtickIdentifiers,
            bracketIdentifiers,
            beginEndBodies,
            delimiterCommand
        };
        char[] key = new char[flags.length];
        for (int i = 0; i < flags.length; i++) {
            key[i] = flags[i] ? 't' : 'f';
        }
        return new String(key);
    }
}
