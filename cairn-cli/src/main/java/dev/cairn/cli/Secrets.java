// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Redaction;
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

    /** The values of {@code --password} and any password inside a {@code --url}. */
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
        return new Secrets(List.copyOf(found));
    }

    /** {@code text} with every secret replaced by {@value #MASK}. */
    String redact(String text) {
        return Redaction.text(text, values);
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
