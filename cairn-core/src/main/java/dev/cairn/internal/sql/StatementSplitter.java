// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import dev.cairn.internal.sql.SqlLexer.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts one section of a migration file into the statements a database runs one at a time, each with
 * the file line it starts on.
 *
 * <p>A statement ends at a delimiter ({@code ;}) that is code: one inside a string, quoted
 * identifier, comment or dollar quote is text (the {@link SqlLexer} sees to that), and so is one
 * inside a routine, trigger or compound statement body. The text between statements (whitespace,
 * comments, empty statements) is dropped; the text of a statement is kept exactly as written,
 * comments included. An executable comment ({@code /*!…*}{@code /}, MySQL) counts as code, so a
 * statement may consist of one; one with no delimiter after it, such as the
 * {@code /*M!999999\- enable the sandbox mode *}{@code /} line that starts a mariadb-dump file, is
 * the start of the statement that follows it, which the server runs the same.
 *
 * <p><b>DELIMITER.</b> With {@link SplitRules#delimiterCommand()}, a line that starts with the word
 * {@code DELIMITER} (in any case) where a statement could start is the mysql client's command, not
 * a statement: the next word on the line (any run of non-blank characters, such as {@code $$},
 * {@code //} or {@code ;;}, without quotes around it) ends statements from the next line on, until
 * the next {@code DELIMITER} line; it is cut from the statement text, also when it follows a word
 * directly ({@code END$$}). Nothing else may follow it on the line. While a delimiter other than
 * {@code ;} is in force, bodies are not tracked: the user has marked each statement's end, as the
 * client needs. Like the client, a line {@code delimiter …} inside an unfinished statement (a
 * column named {@code delimiter}) is text of that statement.
 *
 * <p><b>Bodies.</b> With {@link SplitRules#beginEndBodies()}, levels of nesting are tracked only in
 * two kinds of statement. One is a {@code CREATE} whose object is a trigger, function, procedure or
 * event, with any of {@code OR REPLACE}, {@code TEMP}, {@code TEMPORARY}, {@code CONSTRAINT},
 * {@code AGGREGATE}, {@code IF NOT EXISTS} and {@code DEFINER = user} before that word. The other
 * is a statement that starts with {@code IF}, {@code CASE}, {@code LOOP}, {@code WHILE},
 * {@code REPEAT}, {@code FOR} or {@code BEGIN NOT ATOMIC}: MariaDB runs these compound statements
 * outside routines. Everywhere else {@code BEGIN} and {@code END} mean nothing here, so a
 * transaction's {@code BEGIN;} or a column named {@code end_date} cannot swallow the statements
 * after it. Inside such a statement:
 * <ul>
 *   <li>{@code BEGIN} and {@code CASE} always open a level; {@code IF}, {@code LOOP}, {@code WHILE},
 *       {@code REPEAT} and {@code FOR} open one only where a statement starts: at the start, after a
 *       {@code ;} inside a level, after {@code BEGIN}, {@code ATOMIC}, {@code THEN}, {@code ELSE},
 *       {@code LOOP}, {@code REPEAT}, {@code FOR EACH ROW}, a label's {@code :} and a {@code DO} that
 *       does not start a statement itself. So the functions {@code IF(…)} and {@code REPEAT(…)},
 *       {@code DROP TABLE IF EXISTS} and {@code SELECT … FOR UPDATE} open nothing, while
 *       {@code FOR EACH ROW IF … END IF} is one trigger;
 *   <li>{@code END IF}, {@code END LOOP}, {@code END WHILE}, {@code END REPEAT}, {@code END FOR} and
 *       {@code END CASE} close the innermost level if their keyword opened it, and nothing otherwise;
 *       any other {@code END} ({@code END}, {@code END label}) closes the innermost {@code BEGIN} or
 *       {@code CASE} level together with any level opened inside it since. Either way a level
 *       that was missed or taken for one by mistake (an {@code IF(…)} right after {@code THEN} in a
 *       {@code CASE} expression) cannot outlive the block around it;
 *   <li>a word right after a {@code .} is a name, never a keyword ({@code NEW.end});
 *   <li>a delimiter ends the statement only outside every level.
 * </ul>
 * A body still open at the end of the text is an error reported at the line of its outermost
 * opener, never a statement that silently swallows the rest of the section.
 *
 * <p><b>Known limits.</b> An unquoted name spelled {@code begin}, {@code case} or {@code end} inside
 * such a statement (a parameter, variable or column, where the database allows one) opens or closes
 * a level unless a {@code .} precedes it; quote it. An {@code IF}, {@code LOOP}, {@code WHILE},
 * {@code REPEAT} or {@code FOR} that is a procedure's or function's whole body (right after its
 * parameters, characteristics or return type: {@code CREATE PROCEDURE p() IF …}), follows a
 * trigger's {@code FOLLOWS}/{@code PRECEDES}, or is a handler's action ({@code HANDLER FOR … IF …})
 * is not seen to open a level: inside a block its {@code END IF} then closes nothing, which is
 * harmless, and as a whole body the statement is cut at its first {@code ;}, so the database reports
 * a syntax error at that statement's line; put the body in {@code BEGIN … END} or use
 * {@code DELIMITER}. A {@code *}{@code /} inside a string inside an executable comment ends the
 * comment here, where the server would read on. Parentheses are not tracked, so a PostgreSQL rule
 * with several actions ({@code DO ALSO (…; …)}) is cut at its inner {@code ;} and the database
 * reports a syntax error at that statement's line. psql's meta-commands, {@code COPY … FROM stdin}
 * data and the mysql client's other commands ({@code \d}, {@code source}) are client features, not
 * SQL, and are not recognised. An unclosed block comment is an error even in SQLite, which would
 * end it silently at the end of the input: in a migration it almost always hides statements by
 * mistake.
 *
 * <p>Text is read once, front to back, without regular expressions, so the time is linear in its
 * length.
 */
public final class StatementSplitter {

    private static final String[] MODIFIERS = {
        "OR", "REPLACE", "TEMP", "TEMPORARY", "CONSTRAINT", "AGGREGATE", "IF", "NOT", "EXISTS"
    };

    private static final String[] BODY_OBJECTS = {"TRIGGER", "FUNCTION", "PROCEDURE", "EVENT"};

    /** Compound statements that open a level only where a statement starts; no two share a first letter. */
    private static final String[] COMPOUNDS = {"IF", "LOOP", "WHILE", "REPEAT", "FOR"};

    /** The words after {@code END} that name what it closes. */
    private static final String[] END_KINDS = {"IF", "LOOP", "WHILE", "REPEAT", "FOR", "CASE"};

    /** Words after which a statement starts, so that a compound keyword there opens a level. */
    private static final String[] STATEMENT_STARTERS = {"BEGIN", "ATOMIC", "THEN", "ELSE", "DO", "LOOP", "REPEAT", "ROW"
    };

    /** How far the first words of a statement have shown whether it can have a body. */
    private enum Head {
        FIRST_WORD,
        /** A first BEGIN: a transaction, unless NOT (ATOMIC) follows. */
        FIRST_BEGIN,
        MODIFIERS,
        DEFINER_EQUALS,
        DEFINER_USER,
        DEFINER_AFTER_USER,
        DEFINER_HOST,
        DEFINER_PARENTHESES,
        /** Decided: a CREATE of an object with a body, or a compound statement; levels are tracked. */
        BODY,
        /** Decided: anything else. */
        PLAIN
    }

    private final String text;
    private final SqlLexer lexer;
    private final boolean beginEndBodies;
    private final boolean delimiterCommand;
    private final List<Statement> statements = new ArrayList<>();

    // The statement being read; start < 0 while between statements.
    private int start = -1;
    private int line;
    private int codeEnd;
    private Head head;
    private String bodyObject;
    private int firstWordStart;
    // The open levels, innermost last, each as the upper-case first letter of its opener (B for
    // BEGIN, C for CASE, I for IF, ...); outerOpener is where the outermost one starts.
    private final StringBuilder levels = new StringBuilder();
    private int outerOpener;
    private boolean endPending;
    private boolean afterDot;
    private boolean statementStart;

    private StatementSplitter(String text, int firstLine, SplitRules rules) {
        this.text = text;
        this.lexer = new SqlLexer(text, firstLine, rules);
        this.beginEndBodies = rules.beginEndBodies();
        this.delimiterCommand = rules.delimiterCommand();
    }

    /**
     * Splits {@code text}, whose first character is on line {@code firstLine} of its file, into its
     * statements in order.
     *
     * <p>Each statement's text runs from its first token (whitespace, comments and {@code DELIMITER}
     * lines before it are skipped) to just before its delimiter, without trailing whitespace;
     * comments inside it are kept. The last statement needs no delimiter; it then ends with its last
     * token that is not a comment, since a comment after the last statement belongs to no statement.
     * Empty statements and text that holds only whitespace and comments yield nothing. Line breaks
     * are {@code \n} and {@code \r\n}; the text is otherwise returned as given.
     *
     * @return the statements, possibly none; never {@code null}
     * @throws SqlSyntaxException if a string, quoted identifier, block comment, dollar quote or body
     *     is never closed, at the line where it opens, or if a {@code DELIMITER} line is malformed, at
     *     its line
     */
    public static List<Statement> split(String text, int firstLine, SplitRules rules) {
        return new StatementSplitter(text, firstLine, rules).run();
    }

    private List<Statement> run() {
        while (true) {
            Kind kind = lexer.next();
            switch (kind) {
                case END_OF_TEXT -> {
                    finishLast();
                    return statements;
                }
                case LINE_COMMENT, BLOCK_COMMENT -> {
                    // Before a statement they are skipped (start stays unset); inside one they are
                    // kept, because a statement is cut from the text as one slice.
                }
                case DELIMITER -> delimiter();
                default -> code(kind);
            }
        }
    }

    private void code(Kind kind) {
        if (start < 0) {
            if (delimiterCommand && lexer.isWord("DELIMITER")) {
                changeDelimiter();
                return;
            }
            start = lexer.start();
            line = lexer.lineOf(start);
            head = beginEndBodies && lexer.standardDelimiter() ? Head.FIRST_WORD : Head.PLAIN;
            bodyObject = null;
            levels.setLength(0);
            endPending = false;
            afterDot = false;
            statementStart = false;
        }
        codeEnd = lexer.end();
        if (head != Head.PLAIN && head != Head.BODY) {
            readHead(kind);
        }
        if (head == Head.BODY) {
            trackLevels(kind);
        }
    }

    private void delimiter() {
        if (start < 0) {
            return;
        }
        if (endPending) {
            closeBlock();
        }
        if (levels.length() > 0) {
            codeEnd = lexer.end();
            statementStart = true;
            afterDot = false;
            return;
        }
        int end = lexer.start();
        while (end > start && SqlLexer.isSpace(text.charAt(end - 1))) {
            end--;
        }
        emit(end);
    }

    private void finishLast() {
        if (start < 0) {
            return;
        }
        if (endPending) {
            closeBlock();
        }
        if (levels.length() > 0) {
            throw new SqlSyntaxException(lexer.lineOf(outerOpener), unclosedLevel());
        }
        emit(codeEnd);
    }

    private String unclosedLevel() {
        char opener = levels.charAt(0);
        if (opener == 'C') {
            return "the CASE that starts here has no matching END";
        }
        if (opener == 'B') {
            return bodyObject == null
                    ? "the BEGIN that starts here has no matching END"
                    : "the " + bodyObject + " body's BEGIN has no matching END";
        }
        String keyword = compoundNamed(opener);
        return "the " + keyword + " that starts here has no matching END " + keyword;
    }

    private static String compoundNamed(char firstLetter) {
        for (String compound : COMPOUNDS) {
            if (compound.charAt(0) == firstLetter) {
                return compound;
            }
        }
        throw new IllegalStateException("no compound statement starts with " + firstLetter);
    }

    private void emit(int end) {
        statements.add(new Statement(text.substring(start, end), line));
        start = -1;
    }

    /**
     * Reads the rest of a {@code DELIMITER} line and makes its argument the delimiter. Like the mysql
     * client, it needs a blank after the word ({@code DELIMITER;} is no command there) and takes
     * {@code '$$'} as {@code $$}; unlike the client, which ignores whatever follows the argument, it
     * refuses more text on the line, so that no text of a migration is dropped without a word.
     */
    private void changeDelimiter() {
        int command = lexer.start();
        int commandLine = lexer.lineOf(command);
        if (!lexer.startsLine(command)) {
            throw new SqlSyntaxException(
                    commandLine, "DELIMITER is a command of the mysql client and must start its line");
        }
        int from = lexer.end();
        int lineEnd = lexer.skipRestOfLine();
        if (from < lineEnd && !SqlLexer.isSpace(text.charAt(from))) {
            throw new SqlSyntaxException(commandLine, "DELIMITER needs a space before the new delimiter");
        }
        while (from < lineEnd && SqlLexer.isSpace(text.charAt(from))) {
            from++;
        }
        int to = from;
        while (to < lineEnd && !SqlLexer.isSpace(text.charAt(to))) {
            to++;
        }
        int rest = to;
        while (rest < lineEnd && SqlLexer.isSpace(text.charAt(rest))) {
            rest++;
        }
        if (from == to) {
            throw new SqlSyntaxException(
                    commandLine,
                    "DELIMITER needs the new delimiter on the same line, as in DELIMITER $$ (and DELIMITER ; "
                            + "to return to ;)");
        }
        if (rest < lineEnd) {
            throw new SqlSyntaxException(
                    commandLine,
                    "DELIMITER takes one delimiter and nothing else on its line; put \""
                            + text.substring(rest, lineEnd).strip() + "\" on a line of its own");
        }
        char quote = text.charAt(from);
        if (to - from > 2 && (quote == '\'' || quote == '"' || quote == '`') && text.charAt(to - 1) == quote) {
            from++;
            to--;
        }
        String delimiter = text.substring(from, to);
        if (delimiter.indexOf('\\') >= 0) {
            throw new SqlSyntaxException(
                    commandLine, "a delimiter cannot contain a backslash (the mysql client refuses it too)");
        }
        lexer.useDelimiter(delimiter);
    }

    /** Advances the small state machine that decides whether this statement can have a body. */
    private void readHead(Kind kind) {
        switch (head) {
            case FIRST_WORD -> readFirstWord(kind);
            case FIRST_BEGIN -> {
                // MariaDB's anonymous block; any other BEGIN starts a transaction.
                if (lexer.isWord("NOT")) {
                    head = Head.BODY;
                    outerOpener = firstWordStart;
                    levels.append('B');
                } else {
                    head = Head.PLAIN;
                }
            }
            case MODIFIERS -> readModifier(kind);
            case DEFINER_EQUALS -> head = lexer.isSymbol('=') ? Head.DEFINER_USER : Head.PLAIN;
            case DEFINER_USER -> head = isName(kind) ? Head.DEFINER_AFTER_USER : Head.PLAIN;
            case DEFINER_AFTER_USER -> {
                // MySQL writes the definer as user, user@host, 'user'@'host' or CURRENT_USER().
                if (lexer.isSymbol('@')) {
                    head = Head.DEFINER_HOST;
                } else if (lexer.isSymbol('(')) {
                    head = Head.DEFINER_PARENTHESES;
                } else {
                    head = Head.MODIFIERS;
                    readModifier(kind);
                }
            }
            case DEFINER_HOST -> head = isName(kind) ? Head.MODIFIERS : Head.PLAIN;
            case DEFINER_PARENTHESES -> head = lexer.isSymbol(')') ? Head.MODIFIERS : Head.PLAIN;
            default -> throw new IllegalStateException("head already decided: " + head);
        }
    }

    private void readFirstWord(Kind kind) {
        firstWordStart = lexer.start();
        if (kind != Kind.WORD) {
            head = Head.PLAIN;
        } else if (lexer.isWord("CREATE")) {
            head = Head.MODIFIERS;
        } else if (lexer.isWord("BEGIN")) {
            head = Head.FIRST_BEGIN;
        } else if (lexer.isWord("CASE") || isAnyWord(COMPOUNDS)) {
            head = Head.BODY;
            statementStart = true;
        } else {
            head = Head.PLAIN;
        }
    }

    private void readModifier(Kind kind) {
        if (kind != Kind.WORD) {
            head = Head.PLAIN;
        } else if (lexer.isWord("DEFINER")) {
            head = Head.DEFINER_EQUALS;
        } else if (isAnyWord(BODY_OBJECTS)) {
            head = Head.BODY;
            bodyObject = text.substring(lexer.start(), lexer.end()).toLowerCase(Locale.ROOT);
        } else if (!isAnyWord(MODIFIERS)) {
            head = Head.PLAIN;
        }
    }

    private static boolean isName(Kind kind) {
        return kind == Kind.WORD || kind == Kind.STRING || kind == Kind.QUOTED_IDENTIFIER;
    }

    private void trackLevels(Kind kind) {
        boolean keyword = kind == Kind.WORD && !afterDot;
        boolean atStatementStart = statementStart;
        afterDot = lexer.isSymbol('.');
        statementStart = lexer.isSymbol(':');
        if (endPending) {
            endPending = false;
            if (keyword && isAnyWord(END_KINDS)) {
                closeNamed(Character.toUpperCase(text.charAt(lexer.start())));
                return;
            }
            closeBlock();
        }
        if (!keyword) {
            return;
        }
        if (lexer.isWord("BEGIN") || lexer.isWord("CASE") || (atStatementStart && isAnyWord(COMPOUNDS))) {
            if (levels.length() == 0) {
                outerOpener = lexer.start();
            }
            levels.append(Character.toUpperCase(text.charAt(lexer.start())));
        } else if (levels.length() > 0 && lexer.isWord("END")) {
            // What this END closes depends on the next word (END IF closes only an IF).
            endPending = true;
            return;
        }
        // A DO that starts a statement is MySQL's DO expr; any other DO (WHILE … DO, an event's DO)
        // is followed by a statement.
        statementStart = isAnyWord(STATEMENT_STARTERS) && !(atStatementStart && lexer.isWord("DO"));
    }

    /** Closes the innermost level if {@code opener} opened it (END IF, END CASE, …). */
    private void closeNamed(char opener) {
        int last = levels.length() - 1;
        if (last >= 0 && levels.charAt(last) == opener) {
            levels.setLength(last);
        }
    }

    /** Closes the innermost BEGIN or CASE level and every level opened inside it (a plain END). */
    private void closeBlock() {
        endPending = false;
        while (levels.length() > 0) {
            char opener = levels.charAt(levels.length() - 1);
            levels.setLength(levels.length() - 1);
            if (opener == 'B' || opener == 'C') {
                return;
            }
        }
    }

    private boolean isAnyWord(String[] keywords) {
        for (String keyword : keywords) {
            if (lexer.isWord(keyword)) {
                return true;
            }
        }
        return false;
    }
}
