// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What human output needs to know about the terminal it is written to: whether to colour it, how
 * wide a text shows, and text made safe to print. File names, descriptions and SQL come from files
 * that anyone may have written; a control character or an ANSI escape in them would move the cursor,
 * hide a line or change colours, so {@link #printable} shows each as an escape ({@code \x1b}).
 *
 * <p>Colour follows the common conventions: {@code --color=always} or {@code never} (also
 * {@code --no-color}) decide; otherwise ({@code auto}) colour is on where the stream is a terminal,
 * unless {@code NO_COLOR} is set (to any value) or {@code TERM} is {@code dumb}.
 */
final class Terminal {

    /** No colour, for a stream that is not a terminal. */
    static final Terminal PLAIN = new Terminal(false);

    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    private Terminal(boolean colour) {
        this.colour = colour;
    }

    /** When to colour, as {@code --color} says. */
    enum When {
        AUTO,
        ALWAYS,
        NEVER
    }

    /**
     * The terminal for one stream.
     *
     * @param when what {@code --color} says
     * @param environment the environment variables, for {@code NO_COLOR} and {@code TERM}
     * @param isTerminal whether the stream is known to be a terminal
     */
    static Terminal of(When when, Map<String, String> environment, boolean isTerminal) {
        return switch (when) {
            case ALWAYS -> new Terminal(true);
            case NEVER -> PLAIN;
            case AUTO ->
                new Terminal(
                        isTerminal && !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM")));
        };
    }

    /** Whether this terminal shows colours. */
    boolean colour() {
        return colour;
    }

    /** {@code text} in red (bold): a failure. */
    String failure(String text) {
        return styled("1;31", text);
    }

    /** {@code text} in yellow: a warning, something to look at. */
    String warning(String text) {
        return styled("33", text);
    }

    /** {@code text} in green: proven, done. */
    String success(String text) {
        return styled("32", text);
    }

    private String styled(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }

    /**
     * Whether file descriptor {@code fd} (1 stdout, 2 stderr) of this process is a terminal. Read from
     * {@code /proc} where there is one (Linux); elsewhere from {@link System#console()}, which answers for
     * stdin and stdout together, and so stands for stderr too.
     */
    static boolean isTerminal(int fd) {
        try {
            String target =
                    Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            // No /proc: ask the console below.
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22 and later return a console also for redirected streams; isTerminal() tells.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }

    /**
     * {@code text} with every character that a terminal would act on instead of showing it written as
     * an escape: C0 controls but tab and line breaks ({@code \x1b} for ESC; a carriage return only where
     * it ends a line), DEL, C1 controls ({@code \x9b}) and the invisible bidirectional controls
     * (U+202E and its kin), which could make a name read as another. Everything else, letters of every
     * script included, stays as it is. For text of several lines: a description, SQL, a message.
     */
    static String printable(String text) {
        return escaped(text, true);
    }

    /**
     * {@code text} made safe as {@link #printable} does, and on one line: tabs and line breaks are
     * escaped too ({@code \n}). For a name or a file name, which must not break a table or a line.
     */
    static String oneLine(String text) {
        return escaped(text, false);
    }

    private static String escaped(String text, boolean lines) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            String escape = lines && (c == '\n' || c == '\t' || crlf) ? null : escape(c);
            if (escape != null && safe == null) {
                safe = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\r':
                return "\\r";
            default:
                break;
        }
        if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
            return String.format("\\x%02x", (int) c);
        }
        if (c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }

    /**
     * How many columns {@code text} takes on a terminal: two for East Asian wide and full-width letters
     * and for emoji, none for combining marks and other zero-width characters, one for the rest. Text
     * that {@link #printable} made safe has no control characters left to count.
     */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) { // printable ASCII, nearly every character of a table: one column
                width++;
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            width += width(codePoint);
            i += Character.charCount(codePoint);
        }
        return width;
    }

    private static int width(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || c == 0x200b
                || c >= 0x1160 && c <= 0x11ff) { // Hangul vowels and final consonants join the syllable before
            return 0;
        }
        return wide(c) ? 2 : 1;
    }

    /** East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, summarised) and emoji. */
    private static boolean wide(int c) {
        return c >= 0x1100 && c <= 0x115f // Hangul initial consonants
                || c >= 0x2e80 && c <= 0x303e // CJK radicals, Kangxi, CJK symbols and punctuation
                || c >= 0x3041 && c <= 0x33ff // Hiragana, Katakana, Bopomofo, CJK compatibility
                || c >= 0x3400 && c <= 0x4dbf // CJK extension A
                || c >= 0x4e00 && c <= 0x9fff // CJK unified ideographs
                || c >= 0xa000 && c <= 0xa4cf // Yi
                || c >= 0xa960 && c <= 0xa97f // Hangul Jamo extended A
                || c >= 0xac00 && c <= 0xd7a3 // Hangul syllables
                || c >= 0xf900 && c <= 0xfaff // CJK compatibility ideographs
                || c >= 0xfe10 && c <= 0xfe19 // vertical forms
                || c >= 0xfe30 && c <= 0xfe6f // CJK compatibility forms, small forms
                || c >= 0xff00 && c <= 0xff60 // full-width forms
                || c >= 0xffe0 && c <= 0xffe6 // full-width signs
                || c >= 0x1f300 && c <= 0x1f64f // pictographs, emoticons
                || c >= 0x1f900 && c <= 0x1f9ff // supplemental symbols and pictographs
                || c >= 0x1fa70 && c <= 0x1faff // symbols and pictographs extended A
                || c >= 0x1f680 && c <= 0x1f6ff // transport and map symbols
                || c >= 0x20000 && c <= 0x3fffd; // CJK extensions B and later
    }

    /** {@code text} padded with spaces to {@code columns} columns, on the right or (numbers) the left. */
    static String pad(String text, int columns, boolean right) {
        String padding = " ".repeat(Math.max(0, columns - width(text)));
        return right ? padding + text : text + padding;
    }
}
