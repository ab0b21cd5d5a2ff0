// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import java.util.Locale;

/**
 * One token of a statement's code, as {@link SqlTokens} reads it: comments and whitespace are not tokens.
 *
 * @param type what the token is
 * @param text the token exactly as written (a string or quoted identifier with its quotes)
 * @param line the 1-based file line it starts on
 */
public record SqlToken(Type type, String text, int line) {

    /** What a token is. */
    public enum Type {
        /** An unquoted identifier, a keyword or a number. */
        WORD,
        /** A string literal, dollar-quoted ones included. */
        STRING,
        /** A quoted identifier: {@code "…"}, {@code `…`} or {@code […]}. */
        QUOTED_IDENTIFIER,
        /** Any other single character: an operator, a parenthesis, a comma, a dot. */
        SYMBOL
    }

    /** Whether this is the keyword {@code word} (unquoted, in any letter case). */
    public boolean is(String word) {
        return type == Type.WORD && text.equalsIgnoreCase(word);
    }

    /** Whether this is the single character {@code symbol}. */
    public boolean isSymbol(char symbol) {
        return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    /** Whether this can be a name: an unquoted word or a quoted identifier. */
    public boolean isName() {
        return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
    }

    /** The name without its quotes (doubled quotes inside made single); a word as written. */
    public String name() {
        if (type != Type.QUOTED_IDENTIFIER) {
            return text;
        }
        char open = text.charAt(0);
        String inner = text.substring(1, text.length() - 1);
        return open == '[' ? inner : inner.replace(String.valueOf(open) + open, String.valueOf(open));
    }

    /** The word in upper case, for comparing keywords and type names. */
    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
