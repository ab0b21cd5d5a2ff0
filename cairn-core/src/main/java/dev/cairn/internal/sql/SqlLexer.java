// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

/**
 * Reads SQL text as a sequence of tokens, knowing just enough of a dialect's lexical rules to tell
 * code from strings, quoted identifiers and comments: it does not parse, and it accepts any
 * character it does not know as a one-character {@link Kind#SYMBOL}.
 *
 * <p>Invariants: every character of the text belongs to whitespace, to exactly one token or to the
 * rest of a line that the caller skipped ({@link #skipRestOfLine}); tokens come in text order; the
 * only failures are constructs that open and never close, reported at the line where they open.
 * Scanning allocates nothing but the tag of a {@code $tag$} quote, and line numbers are counted
 * lazily (only for positions asked about), so the cost stays linear in the text (times the length
 * of a dollar-quote tag or of a {@code DELIMITER}, which the searches for them compare).
 */
final class SqlLexer {

    /** What a token is. */
    enum Kind {
        /** An unquoted identifier, a keyword or a number. */
        WORD,
        /** A string literal, including any prefix that changes its escapes ({@code E'…'}). */
        STRING,
        /** A dollar-quoted string ({@code $tag$…$tag$}). */
        DOLLAR_STRING,
        /** A quoted identifier: {@code "…"}, {@code `…`} or {@code […]} as the rules allow. */
        QUOTED_IDENTIFIER,
        /** A comment that runs to the end of its line; the line break is not part of it. */
        LINE_COMMENT,
        /** A block comment, nested ones included. */
        BLOCK_COMMENT,
        /**
         * A block comment that the server runs as code ({@code /*!…*}{@code /}, {@code /*M!…*}{@code /}),
         * where the rules say so.
         */
        EXECUTABLE_COMMENT,
        /** The current statement delimiter. */
        DELIMITER,
        /** Any other single character: an operator, a parenthesis, a dot. */
        SYMBOL,
        /** No more tokens; {@link #start()} and {@link #end()} are the text's length. */
        END_OF_TEXT
    }

    private final String text;
    private final int length;
    private final int firstLine;
    private final SplitRules rules;

    // A variable, not a constant ';', because MySQL's client command DELIMITER changes it mid-file.
    private String delimiter = ";";

    private Kind kind;
    private int start;
    private int pos;

    private int countedPos;
    private int countedLine;

    /** Reads {@code text}, whose first character is on line {@code firstLine} of its file. */
    SqlLexer(String text, int firstLine, SplitRules rules) {
        this.text = text;
        this.length = text.length();
        this.firstLine = firstLine;
        this.rules = rules;
        this.countedLine = firstLine;
    }

    /**
     * Makes {@code delimiter} (non-empty) end statements from the current position on. Like the mysql
     * client, the lexer then finds it anywhere outside strings, quoted identifiers and comments, also
     * right after a word ({@code END$$}) although {@code $} may be part of a name.
     */
    void useDelimiter(String delimiter) {
        if (delimiter.isEmpty()) {
            throw new IllegalArgumentException("a statement delimiter cannot be empty");
        }
        this.delimiter = delimiter;
    }

    /** Whether the delimiter is the standard {@code ;}, not one set by a {@code DELIMITER} command. */
    boolean standardDelimiter() {
        return delimiter.equals(";");
    }

    /**
     * Moves past the rest of the current line (its line break excluded), for a client command that
     * takes the line as its argument; returns where the line ends. The current token is unchanged.
     */
    int skipRestOfLine() {
        int newline = text.indexOf('\n', pos);
        pos = newline < 0 ? length : newline;
        return pos;
    }

    /** Whether only whitespace lies between the start of its line and {@code position}. */
    boolean startsLine(int position) {
        int p = position;
        while (p > 0 && text.charAt(p - 1) != '\n' && isSpace(text.charAt(p - 1))) {
            p--;
        }
        return p == 0 || text.charAt(p - 1) == '\n';
    }

    /** What the current token is. */
    Kind kind() {
        return kind;
    }

    /** Where the current token starts. */
    int start() {
        return start;
    }

    /** Where the current token ends (exclusive). */
    int end() {
        return pos;
    }

    /**
     * Skips whitespace and reads the next token.
     *
     * @throws SqlSyntaxException if the token opens a string, quoted identifier, block comment or
     *     dollar quote that the text never closes
     */
    Kind next() {
        kind = scan();
        return kind;
    }

    private Kind scan() {
        while (pos < length && isSpace(text.charAt(pos))) {
            pos++;
        }
        start = pos;
        if (pos >= length) {
            return Kind.END_OF_TEXT;
        }
        char c = text.charAt(pos);
        if (c == delimiter.charAt(0) && text.startsWith(delimiter, pos)) {
            pos += delimiter.length();
            return Kind.DELIMITER;
        }
        char next = pos + 1 < length ? text.charAt(pos + 1) : '\0';
        switch (c) {
            case '\'':
                return string(pos, '\'', rules.backslashEscapesInStrings());
            case '"':
                if (rules.doubleQuotedStrings()) {
                    return string(pos, '"', rules.backslashEscapesInStrings());
                }
                return quotedIdentifier('"');
            case '`':
                if (rules.backtickIdentifiers()) {
                    return quotedIdentifier('`');
                }
                break;
            case '[':
                if (rules.bracketIdentifiers()) {
                    return quotedIdentifier(']');
                }
                break;
            case '-':
                // MySQL wants a blank or control character after --, so that 1--1 stays arithmetic;
                // the end of the text counts as one, as it does for the server.
                if (next == '-'
                        && (!rules.dashCommentNeedsSpace() || pos + 2 >= length || text.charAt(pos + 2) <= ' ')) {
                    return lineComment();
                }
                break;
            case '#':
                if (rules.hashComments()) {
                    return lineComment();
                }
                break;
            case '/':
                // MySQL's optimizer hints (/*+ … */) are comments here: they only ever sit inside a
                // statement, whose text keeps them.
                if (next == '*') {
                    return blockComment();
                }
                if (next == '/' && rules.doubleSlashComments()) {
                    return lineComment();
                }
                break;
            case '$':
                if (rules.dollarQuotes()) {
                    return dollar();
                }
                break;
            case 'E':
            case 'e':
                if (next == '\'' && rules.escapeStringPrefix()) {
                    return string(pos + 1, '\'', true);
                }
                return word();
            default:
                if (isIdentifierPart(c)) {
                    return word();
                }
        }
        pos++;
        return Kind.SYMBOL;
    }

    /** Whether the current token is the word {@code upperCaseKeyword}, ignoring case. */
    boolean isWord(String upperCaseKeyword) {
        int n = upperCaseKeyword.length();
        if (kind != Kind.WORD || pos - start != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(start + i);
            char k = upperCaseKeyword.charAt(i);
            // ASCII-only folding on purpose: SQL keywords are ASCII, and a locale-aware fold would
            // let an identifier such as "ıf" (dotless i) pass for IF.
            if (c != k && c != (char) (k + ('a' - 'A'))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the current token is the one-character symbol {@code symbol}. */
    boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.charAt(start) == symbol;
    }

    /**
     * The 1-based line of the file on which {@code position} lies. Cheap when positions are asked in
     * increasing order, which is how the splitter asks.
     */
    int lineOf(int position) {
        if (position < countedPos) {
            countedPos = 0;
            countedLine = firstLine;
        }
        int line = countedLine;
        for (int i = countedPos; i < position; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        countedPos = position;
        countedLine = line;
        return line;
    }

    /** Whether {@code c} is whitespace between tokens. */
    static boolean isSpace(char c) {
        // A byte-order mark counts as whitespace because editors on Windows put one at the very
        // start of a file, where no database would accept it.
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\uFEFF';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '\u0080' && c != '\uFEFF');
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    private Kind word() {
        char delimiterStart = delimiter.charAt(0);
        int p = pos + 1;
        while (p < length
                && isIdentifierPart(text.charAt(p))
                && !(text.charAt(p) == delimiterStart && text.startsWith(delimiter, p))) {
            p++;
        }
        pos = p;
        return Kind.WORD;
    }

    /** Reads a string whose opening quote is at {@code open} (a prefix, if any, is before it). */
    private Kind string(int open, char quote, boolean backslashEscapes) {
        int close = backslashEscapes ? closeWithBackslashes(open, quote) : closeDoubled(open, quote);
        if (close < 0) {
            String hint = backslashEscapes
                    ? "; a backslash escapes the next character here, so \\" + quote + " does not close it"
                    : "";
            throw new SqlSyntaxException(
                    lineOf(start),
                    "the string that starts here is never closed (a " + quote + " is missing" + hint + ")");
        }
        pos = close + 1;
        return Kind.STRING;
    }

    private Kind quotedIdentifier(char closing) {
        int close = closing == ']' ? text.indexOf(']', pos + 1) : closeDoubled(pos, closing);
        if (close < 0) {
            throw new SqlSyntaxException(
                    lineOf(start),
                    "the quoted identifier that starts here is never closed (a " + closing + " is missing)");
        }
        pos = close + 1;
        return Kind.QUOTED_IDENTIFIER;
    }

    /** Finds the quote closing the one at {@code open}, where a doubled quote stands for itself. */
    private int closeDoubled(int open, char quote) {
        int p = open + 1;
        while (true) {
            int q = text.indexOf(quote, p);
            if (q < 0 || q + 1 >= length || text.charAt(q + 1) != quote) {
                return q;
            }
            p = q + 2;
        }
    }

    /** Like {@link #closeDoubled}, where a backslash also escapes whatever follows it. */
    private int closeWithBackslashes(int open, char quote) {
        int p = open + 1;
        while (p < length) {
            char c = text.charAt(p);
            if (c == '\\') {
                p += 2;
            } else if (c == quote) {
                if (p + 1 < length && text.charAt(p + 1) == quote) {
                    p += 2;
                } else {
                    return p;
                }
            } else {
                p++;
            }
        }
        return -1;
    }

    private Kind lineComment() {
        int newline = text.indexOf('\n', pos);
        pos = newline < 0 ? length : newline;
        return Kind.LINE_COMMENT;
    }

    private Kind blockComment() {
        Kind kind = rules.executableComments() && isExecutable() ? Kind.EXECUTABLE_COMMENT : Kind.BLOCK_COMMENT;
        if (!rules.nestedBlockComments()) {
            int close = text.indexOf("*/", pos + 2);
            if (close < 0) {
                throw unclosedComment("");
            }
            pos = close + 2;
            return kind;
        }
        int depth = 1;
        boolean nested = false;
        int p = pos + 2;
        while (p < length - 1) {
            char c = text.charAt(p);
            char d = text.charAt(p + 1);
            if (c == '*' && d == '/') {
                p += 2;
                if (--depth == 0) {
                    pos = p;
                    return kind;
                }
            } else if (c == '/' && d == '*') {
                p += 2;
                depth++;
                nested = true;
            } else {
                p++;
            }
        }
        throw unclosedComment(nested ? " (block comments nest here, so each /* inside it needs its own */)" : "");
    }

    /** Whether the block comment at {@code pos} starts with {@code /*!} or MariaDB's {@code /*M!}. */
    private boolean isExecutable() {
        return text.startsWith("!", pos + 2) || text.startsWith("M!", pos + 2);
    }

    private SqlSyntaxException unclosedComment(String hint) {
        return new SqlSyntaxException(lineOf(start), "the block comment that starts here is never closed" + hint);
    }

    private Kind dollar() {
        int p = pos + 1;
        // A tag is an identifier without '$'. It cannot start with a digit, which is how $1 stays a
        // parameter: a lone '$' symbol followed by a number, as far as splitting is concerned.
        if (p < length && isIdentifierStart(text.charAt(p))) {
            do {
                p++;
            } while (p < length && text.charAt(p) != '$' && isIdentifierPart(text.charAt(p)));
        }
        if (p >= length || text.charAt(p) != '$') {
            pos++;
            return Kind.SYMBOL;
        }
        String tag = p == pos + 1 ? "$$" : text.substring(pos, p + 1);
        int close = text.indexOf(tag, p + 1);
        if (close < 0) {
            throw new SqlSyntaxException(
                    lineOf(start), "the dollar-quoted string " + tag + " that starts here is never closed");
        }
        pos = close + tag.length();
        return Kind.DOLLAR_STRING;
    }
}
