// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.junit.Engine;
import dev.cairn.junit.TestDatabaseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a server's URL comes from, and the messages for what is missing. */
class SettingsTest {
    private static final List<String> LOCATIONS = List.of("classpath:db/migrations");
    private static final ClassLoader LOADER = SettingsTest.class.getClassLoader();
    private static final String PROPERTY = "cairn.test.postgres.url";

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    private static Settings postgres(String url, Map<String, String> environment) {
        return Settings.resolve(Engine.POSTGRESQL, LOCATIONS, url, "", LOADER, environment);
    }

    @Test
    void theAttributeComesFirstThenThePropertyThenTheVariable() {
        Map<String, String> environment = Map.of("CAIRN_TEST_POSTGRES_URL", "jdbc:postgresql://env:5432/postgres");
        System.setProperty(PROPERTY, "jdbc:postgresql://property:5432/postgres");

        assertThat(postgres("jdbc:postgresql://attribute:5432/postgres", environment)
                        .url())
                .contains("jdbc:postgresql://attribute:5432/postgres");
        Settings fromProperty = postgres("", environment);
        assertThat(fromProperty.url()).contains("jdbc:postgresql://property:5432/postgres");
        assertThat(fromProperty.urlSource()).isEqualTo("-Dcairn.test.postgres.url");

        System.clearProperty(PROPERTY);
        Settings fromVariable = postgres(" ", environment);
        assertThat(fromVariable.url()).contains("jdbc:postgresql://env:5432/postgres");
        assertThat(fromVariable.urlSource()).isEqualTo("CAIRN_TEST_POSTGRES_URL");

        assertThat(postgres("", Map.of()).url()).as("none: the embedded server").isEmpty();
    }

    @Test
    void anEmbeddedEngineTakesNoUrl() {
        Settings sqlite = Settings.resolve(
                Engine.SQLITE, LOCATIONS, "", "", LOADER, Map.of("CAIRN_TEST_POSTGRES_URL", "jdbc:x://y/z"));
        assertThat(sqlite.url()).isEmpty();
    }

    @Test
    void equalSettingsShareATemplate() {
        assertThat(postgres("", Map.of())).isEqualTo(postgres("", Map.of()));
        assertThat(postgres("", Map.of())).isNotEqualTo(postgres("jdbc:postgresql://other/postgres", Map.of()));
    }

    @Test
    void aMissingDriverNamesTheDependencyToAdd() {
        // A class loader that sees only the JDK: no JDBC driver.
        ClassLoader jdkOnly = new ClassLoader(null) {};
        Settings settings =
                Settings.resolve(Engine.MARIADB, LOCATIONS, "jdbc:mariadb://h:3306/", "", jdkOnly, Map.of());

        assertThatThrownBy(settings::requireDriver)
                .isInstanceOf(TestDatabaseException.class)
                .hasMessage("MariaDB's JDBC driver (org.mariadb.jdbc.Driver) is not on the test class path: add"
                        + " org.mariadb.jdbc:mariadb-java-client (or com.mysql:mysql-connector-j for a jdbc:mysql:"
                        + " URL) to the project's test dependencies.");
    }

    @Test
    void mariaDbWithoutAServerSaysHowToGiveOne() {
        Settings settings = Settings.resolve(Engine.MARIADB, LOCATIONS, "", "", LOADER, Map.of());

        assertThatThrownBy(() -> Template.build(settings))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("MariaDB was asked for with no server given")
                .hasMessageContaining("-Dcairn.test.mariadb.url, or the environment variable CAIRN_TEST_MARIADB_URL");
    }

    @Test
    void anEmptyLocationIsRefused() {
        assertThatThrownBy(() -> Settings.resolve(Engine.SQLITE, List.of(" "), "", "", LOADER, Map.of()))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("locations is empty or holds a blank entry");
    }

    @Test
    void aServerUrlIsTakenApartWithoutItsCredentials() {
        ServerUrl url = ServerUrl.parse("jdbc:postgresql://db:5432/postgres?user=me&password=a%26b+c&ssl=false", "x");

        assertThat(url.user()).isEqualTo("me");
        assertThat(url.password()).isEqualTo("a&b+c");
        assertThat(url.admin()).isEqualTo("jdbc:postgresql://db:5432/postgres?ssl=false");
        assertThat(url.url("cairn_test_x")).isEqualTo("jdbc:postgresql://db:5432/cairn_test_x?ssl=false");
        assertThat(ServerUrl.parse("jdbc:mariadb://db:3306/?user=root", "x").url("t"))
                .isEqualTo("jdbc:mariadb://db:3306/t");
        assertThat(ServerUrl.parse("jdbc:mariadb://db:3306?user=root", "x").url("t"))
                .isEqualTo("jdbc:mariadb://db:3306/t");
    }

    @Test
    void aUrlThatIsNotAServersSaysWhereItCameFromWithoutThePassword() {
        assertThatThrownBy(() -> ServerUrl.parse("jdbc:postgresql:postgres?password=secret", "CAIRN_TEST_POSTGRES_URL"))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageStartingWith("CAIRN_TEST_POSTGRES_URL is not a server URL")
                .hasMessageNotContaining("secret");
    }
}
