// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Redaction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The passwords given on the command line, found before picocli parses anything so that even its
 * own error messages (which echo arguments) and stack traces are redacted. The core already keeps
 * passwords out of its messages; this is the second line of defence for what the CLI writes. What
 * counts as a password in a URL is {@link Redaction}'s rule, the same as the core's.
 */
final class Secrets {

    /** What a secret is replaced with. */
    static final String MASK = Redaction.MASK;

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** No secrets: text passes unchanged. */
    static Secrets none() {
        return new Secrets(List.of());
    }

    /**
     * The values of {@code --password} and any password inside a {@code --url}, each also as it looks
     * inside a JSON string and percent-encoded in a URL, the forms in which the CLI's output or a
     * driver's message may carry it.
     */
    static Secrets fromArguments(String... args) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            String password = value(args, i, "--password");
            if (password != null && !password.isEmpty()) {
                found.add(password);
            }
            found.addAll(Redaction.secretsIn(value(args, i, "--url")));
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : found) {
            forms.add(secret);
            forms.add(json(secret));
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            forms.add(encoded);
            forms.add(encoded.replace("+", "%20"));
        }
        return new Secrets(List.copyOf(forms));
    }

    /** {@code text} as it is written inside a JSON string. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code text} with every secret replaced by {@value #MASK} where it can be one (see {@link Redaction#text}). */
    String redact(String text) {
        return Redaction.text(text, values);
    }

    /**
     * {@code line}, one JSON document, with every secret masked inside its strings only, so that the
     * document stays valid JSON and no number or key is cut into.
     */
    String redactJson(String line) {
        if (values.isEmpty()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != '"') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < line.length() && line.charAt(end) != '"') {
                end += line.charAt(end) == '\\' ? 2 : 1;
            }
            end = Math.min(end + 1, line.length());
            // With its quotes, so that a string that is the password whole counts as quoted.
            out.append(redact(line.substring(i, end)));
            i = end;
        }
        return out.toString();
    }

    /** Whether {@code text} is one JSON document on a line of its own, as {@code --json} writes it. */
    static boolean isJsonDocument(String text) {
        String line = text.strip();
        return line.startsWith("{\"") && line.endsWith("}") && line.indexOf('\n') < 0;
    }

    /** Whether there is anything to redact. */
    boolean isEmpty() {
        return values.isEmpty();
    }

    private static String value(String[] args, int i, String option) {
        String arg = args[i];
        if (arg.equals(option)) {
            return i + 1 < args.length ? args[i + 1] : null;
        }
        if (arg.startsWith(option + "=")) {
            return arg.substring(option.length() + 1);
        }
        return null;
    }
}
