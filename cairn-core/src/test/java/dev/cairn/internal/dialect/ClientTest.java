// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The names and URLs each database is known by, written once in its dialect: what {@code client:}
 * accepts, which dialect a URL or product belongs to, and the messages that list them.
 */
class ClientTest {

    @ParameterizedTest
    @CsvSource({
        "postgresql, postgresql, PostgreSQL",
        "Postgres, postgresql, PostgreSQL",
        "PG, postgresql, PostgreSQL",
        "mysql, mysql, MySQL/MariaDB",
        "mariadb, mariadb, MySQL/MariaDB",
        "sqlite3, sqlite, SQLite",
        "' h2 ', h2, H2"
    })
    void aClientNameOrAliasInAnyCaseNamesItsClientAndDialect(String name, String key, String dialect) {
        Client client = Client.named(name).orElseThrow();

        assertThat(client.key()).isEqualTo(key);
        assertThat(client.dialect().name()).isEqualTo(dialect);
    }

    @Test
    void anUnknownClientNameIsEmpty() {
        assertThat(Client.named("oracle")).isEmpty();
        assertThat(Client.forUrl("jdbc:oracle:thin:@db:1521/x")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://db/app, postgresql, org.postgresql.Driver",
        "jdbc:mysql://db/app, mysql, com.mysql.cj.jdbc.Driver",
        "jdbc:mariadb://db/app, mariadb, org.mariadb.jdbc.Driver",
        "jdbc:sqlite:dev.db, sqlite, org.sqlite.JDBC",
        "JDBC:H2:./dev, h2, org.h2.Driver"
    })
    void aUrlNamesItsClientAndItsUsualDriver(String url, String key, String driverClass) {
        Client client = Client.forUrl(url).orElseThrow();

        assertThat(client.key()).isEqualTo(key);
        assertThat(client.driverClass()).isEqualTo(driverClass);
    }

    @Test
    void theSupportedClientsAreListedInOneOrderWithTheirAliases() {
        assertThat(Client.supported())
                .isEqualTo("postgresql (or postgres, pg), mysql, mariadb, sqlite (or sqlite3), h2");
    }

    @Test
    void everyDialectHasItsOwnUrlPrefixesAndNamesSoNoUrlIsClaimedTwice() {
        Set<String> prefixes = Client.all().stream().map(Client::urlPrefix).collect(Collectors.toSet());
        Set<String> names = Client.all().stream()
                .flatMap(client -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(client.key()), client.aliases().stream()))
                .collect(Collectors.toSet());

        assertThat(prefixes).hasSize(Client.all().size());
        assertThat(names).hasSize(Client.all().size() + 3);
        for (Dialect dialect : Dialect.all()) {
            assertThat(dialect.clients())
                    .allSatisfy(client -> assertThat(client.dialect()).isSameAs(dialect));
        }
    }

    @Test
    void anUnsupportedUrlListsEveryDatabaseWithItsUrlForms() {
        assertThatThrownBy(() -> Dialect.forUrl("jdbc:db2://db:50000/x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Cairn does not support the database 'db2'; it supports PostgreSQL (jdbc:postgresql:),"
                        + " MySQL and MariaDB (jdbc:mysql:, jdbc:mariadb:), SQLite (jdbc:sqlite:) and H2"
                        + " (jdbc:h2:).");
        assertThatThrownBy(() -> Dialect.forProduct("Oracle"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Cairn does not support the database 'Oracle'; it supports PostgreSQL");
    }
}
