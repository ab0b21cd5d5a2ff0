// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.ConfigurationException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables that {@code ${VAR}} reads, and the replacement itself. The caller's variables (the
 * process environment, in production) win; the {@code .env} file beside {@code cairn.yml} fills in
 * the rest.
 *
 * <p>Syntax, following the shell:
 * <ul>
 *   <li>{@code ${NAME}} is the variable's value; unset is an error that names it;
 *   <li>{@code ${NAME:-default}} is the default when NAME is unset <em>or empty</em>; the default may
 *       itself contain references, which are only looked up when the default is used, and ends at
 *       the first {@code }} that does not close one of them;
 *   <li>{@code $${} is a literal {@code ${}; any other {@code $} is literal, since passwords contain
 *       {@code $}.
 * </ul>
 * NAME is letters, digits and {@code _}, not starting with a digit. Replaced values are not scanned
 * again.
 */
final class Variables {

    private final Map<String, String> values;
    private final Path dotEnvFile;

    /**
     * Creates the variables.
     *
     * @param given the caller's variables, which win
     * @param dotEnv the variables of the {@code .env} file, which fill in the rest
     * @param dotEnvFile where the {@code .env} file is (or would be), for messages
     */
    Variables(Map<String, String> given, Map<String, String> dotEnv, Path dotEnvFile) {
        Map<String, String> merged = new HashMap<>(dotEnv);
        given.forEach((name, value) -> {
            if (name != null && value != null) {
                merged.put(name, value);
            }
        });
        this.values = Map.copyOf(merged);
        this.dotEnvFile = dotEnvFile;
    }

    /** The value of {@code name}, if set (possibly empty). */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * {@code scalar}'s text with every reference replaced.
     *
     * @param secret whether the value is a secret, so that messages must not quote any of it
     * @throws ConfigurationException if a variable without a default is unset, or a reference is
     *     malformed, naming the line and the setting
     */
    String expand(Scalar scalar, SourceFile source, boolean secret) {
        if (scalar.raw().indexOf('$') < 0) {
            return scalar.raw();
        }
        StringBuilder out = new StringBuilder();
        new Expansion(scalar, source, secret).text(0, -1, true, out);
        return out.toString();
    }

    /** One replacement in progress: a small recursive parser over the text. */
    private final class Expansion {

        private final Scalar scalar;
        private final SourceFile source;
        private final boolean secret;
        private final String text;

        Expansion(Scalar scalar, SourceFile source, boolean secret) {
            this.scalar = scalar;
            this.source = source;
            this.secret = secret;
            this.text = scalar.raw();
        }

        /**
         * Copies text from {@code start} to {@code out}, replacing references. Inside the default of
         * the reference that starts at {@code opened} (else -1), it stops at the closing brace and
         * returns its index. When {@code use} is false nothing is looked up: a default that is not
         * used must not fail on an unset variable.
         */
        int text(int start, int opened, boolean use, StringBuilder out) {
            boolean inDefault = opened >= 0;
            int i = start;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (text.startsWith("$${", i)) {
                    out.append("${");
                    i += 3;
                } else if (text.startsWith("${", i)) {
                    i = reference(i, use, out);
                } else if (inDefault && c == '}') {
                    return i;
                } else {
                    out.append(c);
                    i++;
                }
            }
            if (inDefault) {
                throw malformed(opened, "it has no closing }");
            }
            return i;
        }

        /** Replaces the reference starting at {@code start} ({@code ${}); returns the index after it. */
        private int reference(int start, boolean use, StringBuilder out) {
            int i = start + 2;
            while (i < text.length() && isNameChar(text.charAt(i))) {
                i++;
            }
            String name = text.substring(start + 2, i);
            if (i >= text.length()) {
                throw malformed(start, "it has no closing }");
            }
            boolean withDefault = text.startsWith(":-", i);
            if ((!withDefault && text.charAt(i) != '}') || name.isEmpty() || Character.isDigit(name.charAt(0))) {
                throw malformed(start, "a name is letters, digits and _, not starting with a digit");
            }
            String value = values.get(name);
            if (!withDefault) {
                if (use && value == null) {
                    throw unset(name);
                }
                if (use) {
                    out.append(value);
                }
                return i + 1;
            }
            boolean useDefault = use && (value == null || value.isEmpty());
            StringBuilder fallback = new StringBuilder();
            int close = text(i + 2, start, useDefault, fallback);
            if (useDefault) {
                out.append(fallback);
            } else if (use) {
                out.append(value);
            }
            return close + 1;
        }

        private ConfigurationException unset(String name) {
            return source.error(
                    scalar.line(),
                    "variable " + name + " is not set (used by " + scalar.path()
                            + "). Set it in the environment or in " + dotEnvFile + ", or give a default: ${" + name
                            + ":-…}");
        }

        private ConfigurationException malformed(int start, String why) {
            StringBuilder message = new StringBuilder("malformed variable reference");
            if (!secret) {
                int close = text.indexOf('}', start);
                String reference = close < 0 ? text.substring(start) : text.substring(start, close + 1);
                message.append(' ').append(reference);
            }
            message.append(" in ")
                    .append(scalar.path())
                    .append(": ")
                    .append(why)
                    .append(". Write ${NAME} or ${NAME:-default}; write $${ for a literal ${.");
            return source.error(scalar.line(), message.toString());
        }

        private boolean isNameChar(char c) {
            return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
    }
}
