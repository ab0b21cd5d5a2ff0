// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of the placeholders a migration may use, such as {@code ${target}} (the fleet target it
 * runs on), put into its text before the text is cut into statements. {@code $${name}} stands for the
 * text {@code ${name}} itself. Checksums are taken of the text as written, so a migration that names
 * its target checksums the same on every target.
 *
 * @param values each placeholder's name and value
 */
public record Placeholders(Map<String, String> values) {

    /** No placeholder has a value: one written is an error. */
    public static final Placeholders NONE = new Placeholders(Map.of());

    /** {@code ${name}}, or {@code $${name}} for the text itself. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(\\$?)\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    /** Copies the map. */
    public Placeholders {
        values = Map.copyOf(values);
    }

    /** These placeholders and {@code name} with {@code value}. */
    public Placeholders with(String name, String value) {
        Map<String, String> more = new HashMap<>(values);
        more.put(name, value);
        return new Placeholders(more);
    }

    /**
     * {@code text} with each placeholder replaced by its value.
     *
     * @param firstLine the line {@code text} starts on, for the error
     * @throws SqlSyntaxException for a placeholder without a value, with its line
     */
    public String apply(String text, int firstLine) {
        if (!text.contains("${")) {
            return text; // nearly every section: nothing to look at
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder replaced = new StringBuilder(text.length());
        while (matcher.find()) {
            String name = matcher.group(2);
            String value;
            if (!matcher.group(1).isEmpty()) {
                value = "${" + name + "}";
            } else if (values.containsKey(name)) {
                value = values.get(name);
            } else {
                int line = firstLine
                        + (int) text.substring(0, matcher.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
                throw new SqlSyntaxException(
                        line,
                        "uses the placeholder ${" + name + "}, which has no value here: "
                                + (values.isEmpty()
                                        ? "no placeholder has one"
                                        : "the placeholders are " + String.join(", ", sorted()))
                                + " (${target} is the schema or database a fleet runs the migration on). Write $${"
                                + name + "} for the text ${" + name + "} itself.");
            }
            matcher.appendReplacement(replaced, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(replaced);
        return replaced.toString();
    }

    private List<String> sorted() {
        return values.keySet().stream().sorted().map(name -> "${" + name + "}").toList();
    }
}
