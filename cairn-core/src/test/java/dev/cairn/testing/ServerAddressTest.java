// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Splitting admin URLs into URL and credentials, and pointing them at another database. */
class ServerAddressTest {

    @Test
    void takesUserAndPasswordOutOfTheUrlAndKeepsOtherParameters() {
        ServerAddress a = ServerAddress.parse("jdbc:postgresql://db.example:6543/postgres"
                + "?user=admin&sslmode=require&password=p%26ss&connectTimeout=3");

        assertThat(a.url()).isEqualTo("jdbc:postgresql://db.example:6543/postgres?sslmode=require&connectTimeout=3");
        assertThat(a.user()).isEqualTo("admin");
        assertThat(a.password()).isEqualTo("p&ss");
        assertThat(a.toString()).doesNotContain("p&ss").doesNotContain("p%26ss").contains("user admin");
    }

    @Test
    void withoutCredentialsBothAreNull() {
        ServerAddress a = ServerAddress.parse("jdbc:postgresql://127.0.0.1:5432/postgres");

        assertThat(a.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(a.user()).isNull();
        assertThat(a.password()).isNull();
    }

    @Test
    void withDatabaseReplacesOnlyTheDatabase() {
        ServerAddress a = ServerAddress.parse("jdbc:postgresql://h:1/postgres?user=u&sslmode=disable");

        assertThat(a.withDatabase("cairn_t_x").url()).isEqualTo("jdbc:postgresql://h:1/cairn_t_x?sslmode=disable");
        assertThat(a.withDatabase("cairn_t_x").user()).isEqualTo("u");
        // MariaDB's admin URLs often name no database at all.
        assertThat(ServerAddress.parse("jdbc:mariadb://h:3306/?user=root")
                        .withDatabase("d")
                        .url())
                .isEqualTo("jdbc:mariadb://h:3306/d");
        assertThat(ServerAddress.parse("jdbc:mariadb://h:3306")
                        .withDatabase("d")
                        .url())
                .isEqualTo("jdbc:mariadb://h:3306/d");
    }

    @Test
    void aMariaDbAdminUrlNamesNoDatabaseAndMayHaveAnEmptyPassword() {
        ServerAddress a = ServerAddress.parse("jdbc:mariadb://127.0.0.1:3306/?user=root&password=");

        assertThat(a.url()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/");
        assertThat(a.user()).isEqualTo("root");
        assertThat(a.password()).isEmpty();
        assertThat(a.withDatabase("cairn_t_x").url()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/cairn_t_x");
    }

    @Test
    void takesCredentialsWrittenBeforeTheHostOutOfTheUrl() {
        ServerAddress a = ServerAddress.parse("jdbc:mariadb://app:s%40cr+t@db.example:3306/?useSsl=true");

        assertThat(a.url()).isEqualTo("jdbc:mariadb://db.example:3306/?useSsl=true");
        assertThat(a.user()).isEqualTo("app");
        assertThat(a.password()).isEqualTo("s@cr+t");
        assertThat(a.withDatabase("d").url()).isEqualTo("jdbc:mariadb://db.example:3306/d?useSsl=true");

        // An unescaped @ in the password: the host starts after the last one.
        ServerAddress raw = ServerAddress.parse("jdbc:mariadb://app:p@ss@h:3306");
        assertThat(raw.url()).isEqualTo("jdbc:mariadb://h:3306");
        assertThat(raw.password()).isEqualTo("p@ss");

        ServerAddress userOnly = ServerAddress.parse("jdbc:postgresql://admin@h/postgres");
        assertThat(userOnly.url()).isEqualTo("jdbc:postgresql://h/postgres");
        assertThat(userOnly.user()).isEqualTo("admin");
        assertThat(userOnly.password()).isNull();

        // A parameter wins over the part before the @.
        assertThat(ServerAddress.parse("jdbc:mariadb://a:b@h/?user=c").user()).isEqualTo("c");
    }

    @Test
    void credentialParametersAreFoundInAnyCaseAndAPlusStaysAPlus() {
        ServerAddress a =
                ServerAddress.parse("jdbc:mariadb://h:3306/?User=root&PASSWORD=a+b%2Bc&allowMultiQueries=true");

        assertThat(a.url()).isEqualTo("jdbc:mariadb://h:3306/?allowMultiQueries=true");
        assertThat(a.user()).isEqualTo("root");
        assertThat(a.password()).isEqualTo("a+b+c");
    }

    @Test
    void aMalformedEscapeIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> ServerAddress.parse("jdbc:mariadb://h/?user=u&password=%zzhunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed %-escape in the user or password of"
                        + " 'jdbc:mariadb://h/?user=u&password=***'; write % itself as %25");
        assertThatThrownBy(() -> ServerAddress.parse("jdbc:mariadb://u:%zzhunter2@h:3306/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mariadb://u:***@h:3306/")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void refusesAUrlWithoutAServerAndHidesItsPassword() {
        assertThatThrownBy(() -> ServerAddress.parse("jdbc:sqlite:file.db?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:PRODUCT://HOST:PORT/DATABASE")
                .message()
                .doesNotContain("hunter2");
    }
}
