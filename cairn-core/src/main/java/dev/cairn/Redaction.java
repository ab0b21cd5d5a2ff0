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
     * {@code text} with every occurrence of each non-empty secret replaced by {@value #MASK}. For text
     * that may also hold a JDBC URL with a password in it, apply {@link #url(String)} as well.
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
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String secret : ordered) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
