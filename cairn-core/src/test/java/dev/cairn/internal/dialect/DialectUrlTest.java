// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig.Ssl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The URL forms each dialect knows: its file databases made absolute, the file of the {@code client:} form,
 * a database that does not exist yet, the scratch database {@code verify} works on, and the connection
 * properties of each mode.
 */
class DialectUrlTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({
        "jdbc:sqlite:dev.sqlite3, jdbc:sqlite:{dir}/dev.sqlite3",
        "jdbc:sqlite:data/dev.sqlite3?foreign_keys=on, jdbc:sqlite:{dir}/data/dev.sqlite3?foreign_keys=on",
        "jdbc:sqlite:/abs/dev.sqlite3, jdbc:sqlite:/abs/dev.sqlite3",
        "jdbc:sqlite::memory:, jdbc:sqlite::memory:",
        "jdbc:sqlite:, jdbc:sqlite:",
        "jdbc:sqlite:file:dev.db?mode=ro, jdbc:sqlite:file:dev.db?mode=ro",
        "jdbc:h2:./dev, jdbc:h2:{dir}/dev",
        "jdbc:h2:../dev;MODE=MySQL, jdbc:h2:{parent}/dev;MODE=MySQL",
        "jdbc:h2:file:dev, jdbc:h2:file:{dir}/dev",
        "jdbc:h2:file:/abs/dev, jdbc:h2:file:/abs/dev",
        "jdbc:h2:~/dev, jdbc:h2:~/dev",
        "jdbc:h2:mem:x, jdbc:h2:mem:x",
        "jdbc:h2:tcp://db:9092/./dev, jdbc:h2:tcp://db:9092/./dev",
        "jdbc:postgresql://db/app, jdbc:postgresql://db/app"
    })
    void aRelativeDatabaseFileIsMadeAbsoluteAndEverythingElseStays(String url, String expected) {
        String absolute = Dialect.forUrl(url).withAbsoluteFile(url, directory);

        assertThat(absolute)
                .isEqualTo(expected.replace("{dir}", directory.toString())
                        .replace("{parent}", directory.getParent().toString()));
    }

    @Test
    void theClientFormNamesAFileBesideTheConfigurationOrMemory() {
        Client sqlite = Client.named("sqlite").orElseThrow();
        Client h2 = Client.named("h2").orElseThrow();

        assertThat(sqlite.dialect().fileUrl(sqlite, "data/dev.sqlite3", directory))
                .isEqualTo("jdbc:sqlite:" + directory.resolve("data/dev.sqlite3"));
        assertThat(sqlite.dialect().fileUrl(sqlite, Dialect.MEMORY, directory)).isEqualTo("jdbc:sqlite::memory:");
        assertThat(h2.dialect().fileUrl(h2, "data/dev", directory))
                .isEqualTo("jdbc:h2:file:" + directory.resolve("data/dev"));
        // Kept until the JVM ends, so that an application and its migrations share it.
        assertThat(h2.dialect().fileUrl(h2, Dialect.MEMORY, directory))
                .isEqualTo("jdbc:h2:mem:cairn;DB_CLOSE_DELAY=-1");
    }

    @Test
    void aSqliteFileThatDoesNotExistIsMissingSoReadingDoesNotCreateIt() throws IOException {
        Path file = directory.resolve("dev.sqlite3");
        Dialect sqlite = Dialect.forUrl("jdbc:sqlite:x");

        assertThat(sqlite.isMissing("jdbc:sqlite:" + file)).isTrue();
        assertThat(sqlite.isMissing("jdbc:sqlite:" + file + "?foreign_keys=on")).isTrue();
        Files.createFile(file);
        assertThat(sqlite.isMissing("jdbc:sqlite:" + file)).isFalse();
        assertThat(sqlite.isMissing("jdbc:sqlite::memory:")).isFalse();
        assertThat(sqlite.isMissing("jdbc:sqlite:file:" + file + "?mode=ro")).isFalse();
        assertThat(Dialect.forUrl("jdbc:postgresql://db/app").isMissing("jdbc:postgresql://db/app"))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        // PostgreSQL's keeps its prepared catalog queries across DDL (see PostgresDialect.scratchUrl).
        "jdbc:postgresql://db:5432/app?user=u&ssl=true,"
                + " jdbc:postgresql://db:5432/cairn_verify_x?user=u&ssl=true&flushCacheOnDdl=false",
        "jdbc:postgresql://db/app, jdbc:postgresql://db/cairn_verify_x?flushCacheOnDdl=false",
        "jdbc:mysql://db/app, jdbc:mysql://db/cairn_verify_x",
        "'jdbc:mariadb://a:3306,b:3306/app?x=1', 'jdbc:mariadb://a:3306,b:3306/cairn_verify_x?x=1'",
        "jdbc:h2:./dev;MODE=MySQL, jdbc:h2:mem:cairn_verify_x;MODE=MySQL",
        "jdbc:h2:mem:app, jdbc:h2:mem:cairn_verify_x"
    })
    void theScratchDatabaseIsBesideTheTargetAndNeverTheTarget(String target, String scratch) {
        assertThat(Dialect.forUrl(target).scratchUrl(target, "cairn_verify_x", directory))
                .isEqualTo(scratch);
    }

    @Test
    void aSqliteScratchDatabaseIsAFileInItsOwnDirectory() {
        assertThat(Dialect.forUrl("jdbc:sqlite:dev.db").scratchUrl("jdbc:sqlite:dev.db", "cairn_verify_x", directory))
                .isEqualTo("jdbc:sqlite:" + directory.resolve("cairn_verify_x.sqlite3"));
    }

    @Test
    void aServerUrlWithoutADatabaseCannotHaveAScratchBesideIt() {
        assertThatThrownBy(() -> Dialect.forUrl("jdbc:postgresql:app").scratchUrl("jdbc:postgresql:app", "x", null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("verify cannot tell which database PostgreSQL URL names; write it as"
                        + " jdbc:…://host:port/database.");
    }

    @Test
    void postgresqlDropsAScratchDatabaseWithItsSessionsFirstThenPlainly() {
        assertThat(Dialect.forUrl("jdbc:postgresql://db/app").dropDatabase("cairn_verify_x"))
                .containsExactly(
                        "DROP DATABASE IF EXISTS \"cairn_verify_x\" WITH (FORCE)",
                        "DROP DATABASE IF EXISTS \"cairn_verify_x\"");
        assertThat(Dialect.forUrl("jdbc:mysql://db/app").dropDatabase("cairn_verify_x"))
                .containsExactly("DROP DATABASE IF EXISTS `cairn_verify_x`");
    }

    @Test
    void sqliteOpensReadOnlyForReadingAndImmediateForChangesWaitingLockTimeoutForAWriter() {
        Dialect sqlite = Dialect.forUrl("jdbc:sqlite:x");
        Properties reading = new Properties();
        Properties changing = new Properties();

        sqlite.addSessionProperties(reading, true, Duration.ofSeconds(3));
        sqlite.addSessionProperties(changing, false, Duration.ofSeconds(3));

        assertThat(reading).containsEntry("open_mode", "1").containsEntry("busy_timeout", "3000");
        assertThat(changing).containsEntry("transaction_mode", "IMMEDIATE").containsEntry("busy_timeout", "3000");
        Properties server = new Properties();
        Dialect.forUrl("jdbc:postgresql://db/app").addSessionProperties(server, false, Duration.ofSeconds(3));
        assertThat(server).isEmpty();
    }

    @Test
    void onlyServersTakeSslAndAPort() {
        for (Dialect dialect : Dialect.all()) {
            boolean server = dialect.kind() == Dialect.Kind.SERVER;
            assertThat(dialect.supportsSsl()).as(dialect.name()).isEqualTo(server);
            assertThat(dialect.defaultPort() > 0).as(dialect.name()).isEqualTo(server);
        }
        Properties properties = new Properties();
        Dialect.forUrl("jdbc:h2:mem:x")
                .addDriverProperties(properties, Optional.of(Ssl.REQUIRE), Duration.ofSeconds(1));
        assertThat(properties).isEmpty();
    }

    @Test
    void everyDialectSaysHowToStopTheHolderOfItsLock() {
        assertThat(Dialect.forUrl("jdbc:postgresql://db/app").stopLockHolder()).contains("pg_terminate_backend");
        assertThat(Dialect.forUrl("jdbc:mariadb://db/app").stopLockHolder()).startsWith("KILL");
        assertThat(Dialect.all())
                .allSatisfy(dialect -> assertThat(dialect.stopLockHolder()).isNotBlank());
    }
}
