// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: one {@code KEY=VALUE} a line, as most dotenv tools write it.
 *
 * <ul>
 *   <li>blank lines and lines starting with {@code #} are skipped; {@code export } before a key is
 *       allowed, so the file can also be sourced by a shell;
 *   <li>an unquoted value runs to the end of the line, or to a {@code #} that follows whitespace (an
 *       inline comment), and is trimmed; a {@code #} inside a word, as in {@code pa#ss}, is kept;
 *   <li>a single-quoted value is taken literally; a double-quoted value understands {@code \n},
 *       {@code \"} and {@code \\} (any other backslash is kept as written); after the closing quote
 *       only whitespace or a comment may follow. Quoted values do not span lines;
 *   <li>values are not expanded: {@code $} and {@code ${...}} in them are plain text;
 *   <li>a key given twice takes its last value, as a shell would.
 * </ul>
 *
 * Messages name the line but never quote it: {@code .env} holds passwords.
 */
final class DotEnv {

    private static final Pattern ASSIGNMENT = Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)");

    private DotEnv() {}

    /**
     * The variables of {@code file}, in file order, or an empty map if there is no such file.
     *
     * @param label how messages name the file, such as {@code .env}
     * @throws ConfigurationException if a line is malformed (naming {@code label:line}) or the file is
     *     not UTF-8
     */
    static Map<String, String> read(Path file, String label) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        return parse(TextFiles.readUtf8(file, label), label);
    }

    /** The variables in {@code text}; see {@link #read(Path, String)}. */
    static Map<String, String> parse(String text, String label) {
        Map<String, String> variables = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher matcher = ASSIGNMENT.matcher(line);
            if (!matcher.matches()) {
                throw new ConfigurationException(label + ":" + (i + 1) + ": expected KEY=VALUE, where KEY is"
                        + " letters, digits and _ (not starting with a digit). Fix or remove the line, or"
                        + " start it with # to make it a comment.");
            }
            String key = matcher.group(1);
            variables.put(key, value(matcher.group(2), key, label, i + 1));
        }
        return variables;
    }

    private static String value(String raw, String key, String label, int line) {
        String text = raw.stripLeading();
        if (text.startsWith("'") || text.startsWith("\"")) {
            char quote = text.charAt(0);
            StringBuilder value = new StringBuilder();
            int i = 1;
            boolean closed = false;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == quote) {
                    closed = true;
                    break;
                }
                if (quote == '"' && c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(i + 1);
                    switch (next) {
                        case 'n' -> value.append('\n');
                        case '"' -> value.append('"');
                        case '\\' -> value.append('\\');
                        default -> value.append(c).append(next);
                    }
                    i += 2;
                    continue;
                }
                value.append(c);
                i++;
            }
            if (!closed) {
                throw new ConfigurationException(label + ":" + line + ": the value of " + key + " has no closing "
                        + quote + " quote. Close it on the same line; quoted values cannot span lines.");
            }
            String rest = text.substring(i + 1).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw new ConfigurationException(label + ":" + line + ": the value of " + key + " has text after"
                        + " its closing " + quote + " quote. Put the whole value inside the quotes.");
            }
            return value.toString();
        }
        // An inline comment starts at a # that follows whitespace (the raw text keeps any space after
        // the =), so KEY=#x is the value #x, while KEY= #x is an empty value with a comment.
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw.strip();
    }
}
