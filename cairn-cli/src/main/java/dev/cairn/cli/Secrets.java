// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The passwords given on the command line, found before picocli parses anything so that even its
 * own error messages (which echo arguments) and stack traces are redacted. The core already keeps
 * passwords out of its messages; this is the second line of defence for what the CLI writes.
 */
final class Secrets {

    /** What a secret is replaced with. */
    static final String MASK = "****";

    // password=VALUE in a JDBC URL's query (PostgreSQL, MySQL) or property list (SQL Server: ;password=).
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)password=([^&;]+)");
    // user:VALUE@host in a URL's authority (jdbc:postgresql://user:secret@host/db).
    private static final Pattern URL_USER_INFO = Pattern.compile("//[^/@:]*:([^/@]+)@");

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
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            String password = value(args, i, "--password");
            if (password != null) {
                found.add(password);
            }
            String url = value(args, i, "--url");
            if (url != null) {
                collect(URL_PASSWORD.matcher(url), found);
                collect(URL_USER_INFO.matcher(url), found);
            }
        }
        found.removeIf(String::isEmpty);
        List<String> longestFirst = new ArrayList<>(found);
        // A secret that contains another must be replaced first, or its tail would leak.
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(List.copyOf(longestFirst));
    }

    /** {@code text} with every secret replaced by {@value #MASK}. */
    String redact(String text) {
        String result = text;
        for (String value : values) {
            result = result.replace(value, MASK);
        }
        return result;
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

    private static void collect(Matcher matcher, Set<String> found) {
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
    }
}
