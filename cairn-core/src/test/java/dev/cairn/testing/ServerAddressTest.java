// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Splitting admin URLs into URL and credentials, and pointing them at another database. */
class ServerAddressTest {

    @Test
    void takesUserAndPasswordOutOfTheUrlAndKeepsOtherParameters() {
        ServerAddress a = ServerAddress.parse(
                "jdbc:postgresql://db.example:6543/postgres"
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
        assertThat(ServerAddress.parse("jdbc:mariadb://h:3306/?user=root").withDatabase("d").url())
                .isEqualTo("jdbc:mariadb://h:3306/d");
        assertThat(ServerAddress.parse("jdbc:mariadb://h:3306").withDatabase("d").url())
                .isEqualTo("jdbc:mariadb://h:3306/d");
    }

    @Test
    void refusesAUrlWithoutAServerAndHidesItsPassword() {
        assertThatThrownBy(() -> ServerAddress.parse("jdbc:sqlite:file.db?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:PRODUCT://HOST:PORT/DATABASE")
                .message().doesNotContain("hunter2");
    }
}
