// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.internal.sql.SqlToken;
import java.util.List;

/**
 * A cursor over a statement's tokens, for reading the few statement shapes the rules look at. Reading
 * never fails: a word that is not there is simply not accepted, and past the end every token reads as
 * absent.
 */
final class Tokens {

    private final List<SqlToken> tokens;
    private int position;

    Tokens(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    /** Whether every token has been read. */
    boolean atEnd() {
        return position >= tokens.size();
    }

    /** The current token, or null at the end. */
    SqlToken peek() {
        return peek(0);
    }

    /** The token {@code ahead} places after the current one, or null past the end. */
    SqlToken peek(int ahead) {
        int at = position + ahead;
        return at < tokens.size() ? tokens.get(at) : null;
    }

    /** Where the cursor is, for {@link #from}. */
    int position() {
        return position;
    }

    /** The tokens from {@code start} to the cursor. */
    List<SqlToken> from(int start) {
        return tokens.subList(start, position);
    }

    /** The tokens from the cursor to the end. */
    List<SqlToken> rest() {
        return tokens.subList(Math.min(position, tokens.size()), tokens.size());
    }

    /** The line of the current token, or of the last one at the end. */
    int line() {
        SqlToken token = atEnd() ? tokens.get(tokens.size() - 1) : peek();
        return token.line();
    }

    /** Whether the next tokens are {@code words}, in order; reads nothing. */
    boolean at(String... words) {
        for (int i = 0; i < words.length; i++) {
            SqlToken token = peek(i);
            if (token == null || !token.is(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code words} if the next tokens are they, in order; says whether it did. */
    boolean accept(String... words) {
        if (!at(words)) {
            return false;
        }
        position += words.length;
        return true;
    }

    /** Reads the symbol {@code symbol} if it is next; says whether it did. */
    boolean acceptSymbol(char symbol) {
        SqlToken token = peek();
        if (token == null || !token.isSymbol(symbol)) {
            return false;
        }
        position++;
        return true;
    }

    /** Reads and returns the next token, or null at the end. */
    SqlToken next() {
        SqlToken token = peek();
        if (token != null) {
            position++;
        }
        return token;
    }

    /**
     * Reads a possibly qualified name ({@code a}, {@code s.a}, {@code "s"."A"}) and returns its last
     * part; null, reading nothing, if no name is next.
     */
    Name name() {
        SqlToken token = peek();
        if (token == null || !token.isName()) {
            return null;
        }
        position++;
        SqlToken last = token;
        while (peek() != null && peek().isSymbol('.') && peek(1) != null && peek(1).isName()) {
            last = peek(1);
            position += 2;
        }
        return Name.of(last);
    }

    /** Reads a parenthesised group if one is next, with everything nested in it; says whether it did. */
    boolean skipParentheses() {
        if (peek() == null || !peek().isSymbol('(')) {
            return false;
        }
        int depth = 0;
        while (!atEnd()) {
            SqlToken token = next();
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')') && --depth == 0) {
                return true;
            }
        }
        return true;
    }

    /** Reads to the next {@code ,} outside parentheses (not reading it), or to the end. */
    void skipToComma() {
        while (!atEnd() && !peek().isSymbol(',')) {
            if (!skipParentheses()) {
                next();
            }
        }
    }
}
