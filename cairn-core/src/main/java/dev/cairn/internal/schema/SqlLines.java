// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts SQL text that a snapshot holds on one line back into the lines a person would write it on, so
 * that {@link DefinitionDiff} can diff it line by line. The rules, all matched case-insensitively on
 * whole words and never inside a quoted string, a quoted identifier or a dollar-quoted literal:
 * <ul>
 *   <li>a new line before the clauses of a query: {@code SELECT}, {@code FROM}, {@code WHERE},
 *       {@code GROUP BY}, {@code HAVING}, {@code ORDER BY}, {@code LIMIT}, {@code OFFSET},
 *       {@code RETURNING}, {@code VALUES}, {@code SET}, each join ({@code LEFT OUTER JOIN} …, with its
 *       {@code ON} condition on the same line), and {@code UNION [ALL]}, {@code EXCEPT},
 *       {@code INTERSECT} on a line of their own;
 *   <li>a new line after each comma of a select list, and before each {@code AND}/{@code OR} of a
 *       {@code WHERE} or {@code HAVING} condition (not the {@code AND} of a {@code BETWEEN});
 *   <li>for procedural bodies (PL/pgSQL, MySQL, SQLite triggers): a new line after each {@code ;},
 *       before {@code DECLARE}, {@code ELSIF}, {@code WHEN} (not {@code EXIT WHEN}), before and after
 *       {@code BEGIN}, {@code ELSE}, {@code EXCEPTION} (not {@code RAISE EXCEPTION}), before
 *       {@code END [IF|LOOP|CASE|WHILE|REPEAT]}, and after {@code THEN} and {@code LOOP}; an
 *       {@code IF} or {@code RETURN} then starts its own line because what comes before it ends one.
 * </ul>
 * Only the query itself and subqueries are cut: inside the parentheses of a function call, a window or
 * an {@code IN} list ({@code extract(year FROM d)}, {@code array_agg(x ORDER BY y)}) nothing is, nor
 * inside a {@code CASE … END} expression, which reads best whole. A dollar quote right after {@code AS}
 * or {@code DO} holds a function's code and is cut like the rest; any other dollar quote is a literal.
 */
final class SqlLines {

    private static final Set<String> CLAUSES =
            Set.of("SELECT", "FROM", "WHERE", "HAVING", "LIMIT", "OFFSET", "RETURNING", "VALUES", "SET");
    private static final Set<String> SET_OPERATIONS = Set.of("UNION", "EXCEPT", "INTERSECT");
    private static final Set<String> JOIN_WORDS = Set.of("NATURAL", "LEFT", "RIGHT", "FULL", "INNER", "CROSS", "OUTER");
    private static final Set<String> BLOCK_KINDS = Set.of("IF", "LOOP", "CASE", "WHILE", "REPEAT");
    private static final Set<String> CONDITIONS = Set.of("WHERE", "HAVING");
    private static final Set<String> SUBQUERY_STARTS = Set.of("SELECT", "WITH", "VALUES");

    private final String sql;
    private final TreeSet<Integer> cuts = new TreeSet<>();
    private final Deque<Level> levels = new ArrayDeque<>();
    private final Deque<Body> bodies = new ArrayDeque<>();
    /** Open {@code CASE} expressions (and statements), inside which nothing is cut but at {@code ;}. */
    private int cases;
    /** The word just before, upper case; empty after anything but a word. */
    private String previous = "";

    private SqlLines(String sql) {
        this.sql = sql;
        levels.push(new Level(true));
    }

    /** The lines of {@code sql}, trimmed, without empty ones. */
    static List<String> of(String sql) {
        return new SqlLines(sql).lines();
    }

    private List<String> lines() {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            String tag = c == '$' ? dollarTag(i) : null;
            if (c == '\'' || c == '"') {
                i = quoted(i);
                previous = "";
            } else if (tag != null) {
                i = dollarQuoted(i, tag);
                previous = "";
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                i = word(i);
            } else {
                punctuation(i, c);
                i++;
            }
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        cuts.add(sql.length());
        for (int cut : cuts) {
            String line = sql.substring(start, cut).strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
            start = cut;
        }
        return lines;
    }

    /**
     * Skips a {@code '…'} string (with {@code ''}, and backslash escapes in an {@code E'…'} one) or a
     * {@code "…"} name.
     */
    private int quoted(int start) {
        char quote = sql.charAt(start);
        boolean backslashes = quote == '\''
                && start > 0
                && Character.toUpperCase(sql.charAt(start - 1)) == 'E'
                && (start == 1 || !identifierPart(sql.charAt(start - 2)));
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                // A doubled quote is a quote inside: scanning on from it reads it as a new string.
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $tag$} or {@code $$} at {@code i}, or null (a parameter {@code $1}, a {@code $} inside a name). */
    private String dollarTag(int i) {
        if (i > 0 && identifierPart(sql.charAt(i - 1))) {
            return null;
        }
        int j = i + 1;
        if (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }

    /** A function's code after {@code AS}/{@code DO} is opened (or closed) as code; any other is skipped. */
    private int dollarQuoted(int start, String tag) {
        int end = start + tag.length();
        if (!bodies.isEmpty() && bodies.peek().tag().equals(tag)) {
            cuts.add(start);
            while (levels.size() > bodies.peek().depth()) {
                levels.pop();
            }
            bodies.pop();
            return end;
        }
        if (previous.equals("AS") || previous.equals("DO")) {
            bodies.push(new Body(tag, levels.size()));
            levels.push(new Level(true));
            cuts.add(end);
            return end;
        }
        int close = sql.indexOf(tag, end);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private void punctuation(int i, char c) {
        Level level = levels.peek();
        if (c == '(') {
            levels.push(new Level(SUBQUERY_STARTS.contains(wordAt(i + 1))));
        } else if (c == ')'
                && levels.size() > (bodies.isEmpty() ? 1 : bodies.peek().depth() + 1)) {
            levels.pop();
        } else if (c == ',' && level.code && level.clause.equals("SELECT") && cases == 0) {
            cuts.add(i + 1);
        } else if (c == ';') {
            cuts.add(i + 1);
            level.clause = "";
        }
        if (c != ' ') {
            previous = "";
        }
    }

    /** Reads the word at {@code start}, cuts around it if it is a keyword; returns where to read on. */
    private int word(int start) {
        int end = wordEnd(start);
        String word = sql.substring(start, end).toUpperCase(Locale.ROOT);
        boolean qualified = start > 0 && sql.charAt(start - 1) == '.';
        int next = levels.peek().code && !qualified ? keyword(word, start, end) : end;
        previous = qualified ? "" : sql.substring(start, next).toUpperCase(Locale.ROOT);
        previous = previous.substring(previous.lastIndexOf(' ') + 1);
        return next;
    }

    /** Cuts around a keyword at query level; returns the end of it (of the last word of a compound). */
    private int keyword(String word, int start, int end) {
        Level level = levels.peek();
        String following = wordAt(end);
        int afterFollowing = following.isEmpty() ? end : wordEnd(skipSpaces(end));
        if (CLAUSES.contains(word)) {
            boolean partOfStatement =
                    word.equals("FROM") && Set.of("DISTINCT", "DELETE").contains(previous)
                            || word.equals("SET") && Set.of("DELETE", "UPDATE").contains(previous);
            if (!partOfStatement) {
                cuts.add(start);
                level.clause = word;
            }
            return end;
        }
        switch (word) {
            case "GROUP", "ORDER" -> {
                if (following.equals("BY")) {
                    cuts.add(start);
                    level.clause = word;
                    return afterFollowing;
                }
            }
            case "UNION", "EXCEPT", "INTERSECT" -> {
                int last = following.equals("ALL") || following.equals("DISTINCT") ? afterFollowing : end;
                cuts.add(start);
                cuts.add(last);
                level.clause = word;
                return last;
            }
            case "JOIN" -> {
                if (!JOIN_WORDS.contains(previous)) {
                    cuts.add(start);
                }
                level.clause = word;
            }
            case "NATURAL", "LEFT", "RIGHT", "FULL", "INNER", "CROSS" -> {
                if (!JOIN_WORDS.contains(previous) && joinAhead(end)) {
                    cuts.add(start);
                }
            }
            case "AND", "OR" -> {
                if (word.equals("AND") && level.between) {
                    level.between = false;
                } else if (CONDITIONS.contains(level.clause) && cases == 0) {
                    cuts.add(start);
                }
            }
            case "BETWEEN" -> level.between = true;
            case "INTO" -> level.clause = word;
            case "CASE" -> cases++;
            case "END" -> {
                return end(start, end, following, afterFollowing);
            }
            default -> {
                return procedural(word, start, end, following, afterFollowing);
            }
        }
        return end;
    }

    /** {@code END} of a block ({@code END IF} …) starts a line; of a {@code CASE} expression, not. */
    private int end(int start, int end, String following, int afterFollowing) {
        if (BLOCK_KINDS.contains(following)) {
            if (following.equals("CASE") && cases > 0) {
                cases--;
            }
            cuts.add(start);
            levels.peek().clause = "";
            return afterFollowing;
        }
        if (cases > 0) {
            cases--;
        } else {
            cuts.add(start);
            levels.peek().clause = "";
        }
        return end;
    }

    /** The keywords of procedural bodies, which only ever start or end a statement or block. */
    private int procedural(String word, int start, int end, String following, int afterFollowing) {
        boolean outsideCase = cases == 0;
        boolean before = switch (word) {
            case "BEGIN", "DECLARE", "ELSIF", "ELSEIF" -> true;
            case "ELSE" -> outsideCase;
            case "EXCEPTION" -> !previous.equals("RAISE");
            case "WHEN" -> outsideCase && !Set.of("EXIT", "CONTINUE").contains(previous);
            default -> false;
        };
        boolean after = switch (word) {
            case "BEGIN", "LOOP" -> true;
            case "ELSE", "THEN" -> outsideCase;
            case "EXCEPTION" -> !previous.equals("RAISE");
            default -> false;
        };
        if (!before && !after) {
            return end;
        }
        levels.peek().clause = "";
        int last = word.equals("BEGIN") && following.equals("ATOMIC") ? afterFollowing : end;
        if (before) {
            cuts.add(start);
        }
        if (after) {
            cuts.add(last);
        }
        return last;
    }

    /** Whether the words from {@code i} on are the rest of a join ({@code [LEFT] [OUTER] JOIN}). */
    private boolean joinAhead(int i) {
        String word = wordAt(i);
        while (JOIN_WORDS.contains(word)) {
            i = wordEnd(skipSpaces(i));
            word = wordAt(i);
        }
        return word.equals("JOIN");
    }

    /** The word after the spaces at {@code i}, upper case; empty if something else comes first. */
    private String wordAt(int i) {
        int start = skipSpaces(i);
        if (start >= sql.length() || !Character.isLetter(sql.charAt(start))) {
            return "";
        }
        return sql.substring(start, wordEnd(start)).toUpperCase(Locale.ROOT);
    }

    private int skipSpaces(int i) {
        while (i < sql.length() && sql.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private int wordEnd(int start) {
        int i = start;
        while (i < sql.length() && identifierPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** One query level: the whole text, a subquery or function body, or the parentheses of a call. */
    private static final class Level {
        /** Whether keywords here are cut: not in a call's arguments or a list. */
        final boolean code;
        /** The clause being read ({@code SELECT}, {@code WHERE}, …), which decides how commas and ANDs cut. */
        String clause = "";
        /** After {@code BETWEEN}, until its {@code AND}. */
        boolean between;

        Level(boolean code) {
            this.code = code;
        }
    }

    /** An open dollar-quoted function body: its tag and the level depth outside it. */
    private record Body(String tag, int depth) {}
}
