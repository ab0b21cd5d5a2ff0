// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** With Maven's own decrypter, on the master password and encrypted password of the server-credentials sample. */
class CredentialsTest {

    private static final String MASTER = "{qB2tpuov66cHTOm7x9580xEIhA/OHzwLNzEgSqzhSEM=}";
    private static final String ENCRYPTED = "{HWlry/we0e8HSiRBh19PtbkT9KCLU8Jh1NnkuoyA/i8=}";
    private static final String PLAIN = "h2-S3cret-pw";

    @TempDir
    Path directory;

    @Test
    void aServerGivesItsUserAndItsDecryptedPassword() throws Exception {
        Credentials credentials = Credentials.resolve("db", null, null, settings(ENCRYPTED), decrypter(MASTER));

        assertThat(credentials).isEqualTo(new Credentials(Optional.of("app"), Optional.of(PLAIN)));
    }

    @Test
    void userAndPasswordOfTheConfigurationWinOverTheServer() throws Exception {
        assertThat(Credentials.resolve("db", "admin", null, settings(ENCRYPTED), decrypter(MASTER)))
                .isEqualTo(new Credentials(Optional.of("admin"), Optional.of(PLAIN)));
        assertThat(Credentials.resolve("db", null, "other", settings(ENCRYPTED), decrypter(MASTER)))
                .isEqualTo(new Credentials(Optional.of("app"), Optional.of("other")));
    }

    @Test
    void withoutAServerOnlyTheConfigurationCounts() throws Exception {
        assertThat(Credentials.resolve(null, null, null, settings(ENCRYPTED), decrypter(MASTER)))
                .isEqualTo(new Credentials(Optional.empty(), Optional.empty()));
    }

    @Test
    void anUnknownServerIsAConfigurationErrorThatNamesIt() throws Exception {
        assertThatThrownBy(() -> Credentials.resolve("prod-db", null, null, settings(ENCRYPTED), decrypter(MASTER)))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("There is no <server> with the id 'prod-db' in settings.xml");
    }

    @Test
    void aPasswordThatCannotBeDecryptedFailsWithoutShowingIt() throws Exception {
        // Another master password: the encrypted text no longer decrypts.
        String otherMaster = new DefaultPlexusCipher().encryptAndDecorate("another-master", "settings.security");

        assertThatThrownBy(() -> Credentials.resolve("db", null, null, settings(ENCRYPTED), decrypter(otherMaster)))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Cannot read the password of the server 'db' in settings.xml: ")
                .hasMessageNotContaining(PLAIN)
                .hasMessageNotContaining(ENCRYPTED);
    }

    private static Settings settings(String password) {
        Server server = new Server();
        server.setId("db");
        server.setUsername("app");
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    private SettingsDecrypter decrypter(String master) throws IOException {
        Path security = directory.resolve("settings-security-" + Math.abs(master.hashCode()) + ".xml");
        Files.writeString(security, "<settingsSecurity><master>" + master + "</master></settingsSecurity>");
        return new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), security.toString()));
    }
}
