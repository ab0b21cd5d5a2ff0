// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The user and password that the plugin's configuration gives Cairn, each empty where it gives none (then
 * {@code cairn.yml}'s apply). {@code <user>} and {@code <password>} win; a {@code settings.xml} server
 * named by {@code <serverId>} gives what they leave out, its password decrypted as Maven decrypts it
 * ({@code mvn --encrypt-password}).
 *
 * @param user the user to connect as, if the configuration gives one
 * @param password the password to send, if the configuration gives one
 */
record Credentials(Optional<String> user, Optional<String> password) {

    /**
     * Resolves the credentials.
     *
     * @throws MojoExecutionException if {@code serverId} names no server of {@code settings}, or its
     *     password cannot be decrypted (the message never holds the password)
     */
    static Credentials resolve(
            String serverId, String user, String password, Settings settings, SettingsDecrypter decrypter)
            throws MojoExecutionException {
        Optional<String> serverUser = Optional.empty();
        Optional<String> serverPassword = Optional.empty();
        if (serverId != null && !serverId.isBlank()) {
            Server server = settings == null ? null : settings.getServer(serverId);
            if (server == null) {
                throw new MojoExecutionException("There is no <server> with the id '" + serverId + "' in settings.xml"
                        + " (~/.m2/settings.xml, or the file given with -s): add one with <username> and"
                        + " <password>, or correct <serverId> (-Dcairn.serverId).");
            }
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            if (!result.getProblems().isEmpty()) {
                // A decryption problem's message names the server and what failed, never the plain password.
                throw new MojoExecutionException("Cannot read the password of the server '" + serverId
                        + "' in settings.xml: "
                        + result.getProblems().stream()
                                .map(SettingsProblem::getMessage)
                                .collect(Collectors.joining("; ")));
            }
            Server decrypted = result.getServer() != null ? result.getServer() : server;
            serverUser = Optional.ofNullable(decrypted.getUsername());
            serverPassword = Optional.ofNullable(decrypted.getPassword());
        }
        return new Credentials(
                user != null ? Optional.of(user) : serverUser,
                password != null ? Optional.of(password) : serverPassword);
    }
}
