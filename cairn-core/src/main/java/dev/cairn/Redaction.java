// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes passwords from text before it is shown, logged or put in an exception. Cairn's own
 * messages never include a password; this is for text that might: a JDBC URL written by the user,
 * or a driver's error message. The library and the {@code cairn} tool both mask with it, so that the
 * rules of what counts as a password are written once.
 */
public final class Redaction {

    /** What a password is replaced with. */
    public static final String MASK = "****";

    /** The length from which a secret is masked also inside a longer word; see {@link #text}. */
    public static final int LONG_SECRET = 12;

    /** The length below which a secret is masked only where text marks it as a password; see {@link #text}. */
    public static final int SHORT_SECRET = 4;

    // Text that ends where a password begins: "password=" or "password:" (with spaces around), any case.
    private static final Pattern MARKED = Pattern.compile("(?i)password\\s*[=:]\\s*$");

    // Any parameter whose name ends in "password" (password, sslpassword, …), in any case, as a query
    // parameter (?password=, &password=) or a property (;password=), up to the next separator.
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password\\s*=)([^&;]*)");

    // user:secret@ after // (MySQL and others accept it). The secret stops at characters that a URI
    // would have percent-encoded, so that a later @ (as in Azure's user=admin@server) is not mistaken
    // for the end of a password.
    private static final Pattern USER_INFO = Pattern.compile("(//[^/?#@:\\s]*:)([^/?#@\\s]*)@");

    // Oracle's thin form, jdbc:oracle:thin:user/secret@host: a user/secret pair straight after the
    // scheme and its driver type (never after //, which begins a host), ending at the @ before the host.
    private static final Pattern SLASHED_CREDENTIALS =
            Pattern.compile("^(jdbc:[A-Za-z0-9]+:(?:[A-Za-z0-9]+:)?[^:/@\\s]+/)([^@\\s]*)@");

    private Redaction() {}

    /**
     * {@code jdbcUrl} with every password in it replaced by {@value #MASK}: {@code password=} parameters
     * (in any case, up to {@code &} or {@code ;}), the secret of {@code user:secret@}, and that of
     * Oracle's {@code user/secret@}.
     *
     * @param jdbcUrl a JDBC URL, or null
     * @return the URL without passwords, or null if {@code jdbcUrl} is null
     */
    public static String url(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        masked = USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        return SLASHED_CREDENTIALS.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    }

    /**
     * The passwords written in {@code jdbcUrl}, in the forms {@link #url(String)} masks: for masking them
     * wherever else they may turn up, such as in a driver's message or a stack trace.
     *
     * @param jdbcUrl a JDBC URL, or null
     * @return the non-empty secrets, in the order found; empty for null
     */
    public static List<String> secretsIn(String jdbcUrl) {
        List<String> secrets = new ArrayList<>();
        if (jdbcUrl == null) {
            return secrets;
        }
        for (Pattern pattern : List.of(PASSWORD_PARAMETER, USER_INFO, SLASHED_CREDENTIALS)) {
            Matcher matcher = pattern.matcher(jdbcUrl);
            while (matcher.find()) {
                if (!matcher.group(2).isEmpty()) {
                    secrets.add(matcher.group(2));
                }
            }
        }
        return secrets;
    }

    /**
     * {@code text} with each non-empty secret replaced by {@value #MASK} wherever it can be that secret,
     * rather than wherever its characters occur:
     *
     * <ul>
     *   <li>a secret of {@value #LONG_SECRET} characters or more, everywhere: a text that long turns up
     *       inside another word only because it is the secret;
     *   <li>a shorter one where it stands on its own: not where a letter, digit or {@code _} continues it
     *       on a side where it begins or ends with one (a password {@code postgres} is not cut out of
     *       {@code jdbc:postgresql:}, nor {@code 2026} out of a version {@code 20261124153000});
     *   <li>one of fewer than {@value #SHORT_SECRET} characters, whose characters stand alone everywhere
     *       (a batch number, a port, a line), only where text marks it as a password: right after
     *       {@code password=} or {@code password:} (in any case), quoted whole ({@code '1'}, {@code "1"}),
     *       or as the secret of {@code user:1@}.
     * </ul>
     *
     * For text that may also hold a JDBC URL with a password in it, apply {@link #url(String)} as well.
     *
     * @param text the text, or null
     * @param secrets the values to hide; nulls and empty strings are ignored
     * @return the text without secrets, or null if {@code text} is null
     */
    public static String text(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        // Longest first, so that a secret containing another is hidden whole.
        List<String> ordered = secrets.stream()
                .filter(secret -> secret != null && !secret.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String secret : ordered) {
            result = mask(result, secret);
        }
        return result;
    }

    private static String mask(String text, String secret) {
        int found = text.indexOf(secret);
        if (found < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (found >= 0) {
            int end = found + secret.length();
            if (isSecretAt(text, found, end, secret)) {
                out.append(text, copied, found).append(MASK);
                copied = end;
                found = text.indexOf(secret, end);
            } else {
                found = text.indexOf(secret, found + 1);
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether {@code secret}, found at {@code start} to {@code end} of {@code text}, can be the secret there. */
    private static boolean isSecretAt(String text, int start, int end, String secret) {
        if (secret.length() >= LONG_SECRET) {
            return true;
        }
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        boolean continued = isWordChar(secret.charAt(0)) && isWordChar(before)
                || isWordChar(secret.charAt(secret.length() - 1)) && isWordChar(after);
        if (continued) {
            return false;
        }
        if (secret.length() >= SHORT_SECRET) {
            return true;
        }
        boolean quoted = (before == '\'' || before == '"') && after == before;
        boolean userInfo = before == ':' && after == '@';
        return quoted || userInfo || MARKED.matcher(text.substring(0, start)).find();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
