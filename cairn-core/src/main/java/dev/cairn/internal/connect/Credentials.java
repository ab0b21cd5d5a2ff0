// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import dev.cairn.Redaction;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which user and password go with the URL a command connects to, when the command line (or the
 * library's builder) overrides some of the file's connection settings. Credentials travel as a pair:
 * the file's password belongs to the file's user and the file's URL, so it is never sent along with a
 * user or URL that brings credentials of its own.
 *
 * <ul>
 *   <li>{@code --user} and {@code --password} always win.
 *   <li>A {@code --url} that carries credentials ({@code user=} or {@code password=} parameters, {@code
 *       user:secret@} or Oracle's {@code user/secret@}) takes neither the file's user nor its password.
 *   <li>A {@code --user} without {@code --password} takes no password from the file.
 *   <li>A {@code --url} without credentials, and no {@code --user}, takes the file's user and password,
 *       as when the same account is pointed at another host.
 * </ul>
 *
 * @param user the user to send as a driver property, if any
 * @param password the password to send as a driver property, if any
 */
public record Credentials(Optional<String> user, Optional<String> password) {

    /** A user named in a URL: a {@code user=} (or {@code username=}) parameter, or {@code user@} after {@code //}. */
    private static final Pattern URL_USER =
            Pattern.compile("(?i)([?&;]\\s*user(name)?\\s*=)|(//[^/?#@\\s]+@)|(^jdbc:oracle:[a-z]+:[^:/@\\s]+/)");

    /**
     * The credentials to connect with.
     *
     * @param url the {@code --url} override, or null
     * @param user the {@code --user} override, or null
     * @param password the {@code --password} override, or null
     * @param fileUser the file's user
     * @param filePassword the file's password
     */
    public static Credentials choose(
            String url, String user, String password, Optional<String> fileUser, Optional<String> filePassword) {
        boolean urlHasOwn = url != null && carriesCredentials(url);
        Optional<String> chosenUser = user != null ? Optional.of(user) : urlHasOwn ? Optional.empty() : fileUser;
        Optional<String> chosenPassword =
                password != null ? Optional.of(password) : urlHasOwn || user != null ? Optional.empty() : filePassword;
        return new Credentials(chosenUser, chosenPassword);
    }

    /** Whether {@code url} names a user or a password of its own. */
    static boolean carriesCredentials(String url) {
        return URL_USER.matcher(url).find() || !Redaction.secretsIn(url).isEmpty();
    }
}
