// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.CairnConfig;
import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig;
import dev.cairn.MigrationListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a setting is decided, once: the builder's override, else the file's value, else the default, with
 * relative paths against the file's directory or the working directory.
 */
class SettingsTest {

    @TempDir
    Path project;

    private EnvironmentConfig staging() throws IOException {
        Path file = Files.writeString(
                project.resolve("cairn.yml"),
                String.join(
                        "\n",
                        "migrations:",
                        "  directory: db/migrations",
                        "  table: history",
                        "  schema: ops",
                        "  schema-file: db/schema.txt",
                        "seeds:",
                        "  directory: db/seeds",
                        "environments:",
                        "  staging:",
                        "    url: jdbc:sqlite:staging.sqlite3",
                        "    user: me",
                        "    password: s3cret",
                        "    lock-timeout: 5s"));
        return CairnConfig.load(file, Map.of()).environment("staging");
    }

    @Test
    void theFileDecidesWhatTheBuilderLeavesOut() throws IOException {
        Settings settings = Settings.resolve(new Settings.Draft(), staging());

        assertThat(settings.environment()).isEqualTo("staging");
        assertThat(settings.migrationsDirectory()).isEqualTo(project.resolve("db/migrations"));
        assertThat(settings.seedsDirectory()).isEqualTo(project.resolve("db/seeds"));
        assertThat(settings.schemaFile()).contains(project.resolve("db/schema.txt"));
        assertThat(settings.table()).hasToString("ops.history");
        assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.target()).isEqualTo("jdbc:sqlite:" + project.resolve("staging.sqlite3"));
        assertThat(settings.listener()).isSameAs(MigrationListener.NONE);
    }

    @Test
    void eachOverrideReplacesOneSettingAndKeepsTheRest() throws IOException {
        Settings.Draft draft = new Settings.Draft();
        draft.workingDirectory = project.resolve("elsewhere");
        draft.url = "jdbc:sqlite::memory:";
        draft.migrationsDirectory = Path.of("mine");
        draft.lockTimeout = Duration.ofMinutes(2);
        draft.table = "other_history";

        Settings settings = Settings.resolve(draft, staging());

        assertThat(settings.target()).isEqualTo("jdbc:sqlite::memory:");
        assertThat(settings.migrationsDirectory()).isEqualTo(project.resolve("elsewhere/mine"));
        assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.table()).hasToString("ops.other_history");
        assertThat(settings.seedsDirectory()).isEqualTo(project.resolve("db/seeds"));
        assertThat(settings.schemaFile()).contains(project.resolve("db/schema.txt"));
        assertThat(settings.environment()).isEqualTo("staging");
    }

    @Test
    void withoutAFileEverySettingIsItsDefaultInTheWorkingDirectory() {
        Settings.Draft draft = new Settings.Draft();
        draft.workingDirectory = project;
        draft.url = "jdbc:sqlite:dev.sqlite3";

        Settings settings = Settings.resolve(draft, null);

        assertThat(settings.environment()).isEqualTo(Settings.CUSTOM);
        assertThat(settings.migrationsDirectory()).isEqualTo(project.resolve("database/migrations"));
        assertThat(settings.seedsDirectory()).isEqualTo(project.resolve("database/seeds"));
        assertThat(settings.schemaFile()).isEmpty();
        assertThat(settings.table()).hasToString("cairn_migrations");
        assertThat(settings.lockTimeout()).isEqualTo(EnvironmentConfig.DEFAULT_LOCK_TIMEOUT);
    }

    @Test
    void aNamedEnvironmentWithoutAFileKeepsItsName() {
        Settings.Draft draft = new Settings.Draft();
        draft.url = "jdbc:sqlite::memory:";
        draft.environment = "ci";

        assertThat(Settings.resolve(draft, null).environment()).isEqualTo("ci");
    }

    @Test
    void aDataSourceIsTheTargetWhateverTheFileSays() throws IOException {
        Settings.Draft draft = new Settings.Draft();
        draft.dataSource = new NoDataSource();

        Settings settings = Settings.resolve(draft, staging());

        assertThat(settings.target()).isEqualTo("data source NoDataSource");
        assertThat(settings.connector().url()).isEmpty();
        assertThat(settings.migrationsDirectory()).isEqualTo(project.resolve("db/migrations"));
    }

    @Test
    void aTableOrSchemaThatIsNoPlainIdentifierIsRefusedNamingTheKey() {
        Settings.Draft draft = new Settings.Draft();
        draft.url = "jdbc:sqlite::memory:";
        draft.schema = "ops; DROP TABLE x";

        assertThatThrownBy(() -> Settings.resolve(draft, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("migrations.schema 'ops; DROP TABLE x' is not a plain identifier");
    }

    @Test
    void withLockTimeoutChangesOnlyTheLockTimeout() {
        Settings.Draft draft = new Settings.Draft();
        draft.url = "jdbc:sqlite::memory:";
        Settings settings = Settings.resolve(draft, null);

        Settings now = settings.withLockTimeout(Duration.ZERO);

        assertThat(now.lockTimeout()).isZero();
        assertThat(now.connector()).isSameAs(settings.connector());
        assertThat(now.migrationsDirectory()).isEqualTo(settings.migrationsDirectory());
        assertThat(Optional.of(now.table())).contains(settings.table());
    }

    /** A data source that is never asked for a connection: the settings only name it. */
    private static final class NoDataSource implements DataSource {
        @Override
        public Connection getConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Test
    void credentialsTravelAsAPairAndNeverJoinAUrlOrUserThatBringsItsOwn() {
        Optional<String> fileUser = Optional.of("app");
        Optional<String> filePassword = Optional.of("file-secret");

        assertThat(choose(null, null, null, fileUser, filePassword)).isEqualTo("app/file-secret");
        assertThat(choose("jdbc:mariadb://other:3306/app", null, null, fileUser, filePassword))
                .isEqualTo("app/file-secret");
        assertThat(choose("jdbc:mariadb://db:3306/app?user=root", null, null, fileUser, filePassword))
                .isEqualTo("-/-");
        assertThat(choose("jdbc:postgresql://db/app?sslmode=require&User=root", null, null, fileUser, filePassword))
                .isEqualTo("-/-");
        assertThat(choose("jdbc:mysql://root:pw@db/app", null, null, fileUser, filePassword))
                .isEqualTo("-/-");
        assertThat(choose("jdbc:h2:tcp://db/app;USER=sa", null, null, fileUser, filePassword))
                .isEqualTo("-/-");
        assertThat(choose("jdbc:oracle:thin:scott/tiger@db:1521/app", null, null, fileUser, filePassword))
                .isEqualTo("-/-");
        assertThat(choose(null, "root", null, fileUser, filePassword)).isEqualTo("root/-");
        assertThat(choose(null, "root", "pw", fileUser, filePassword)).isEqualTo("root/pw");
        assertThat(choose(null, null, "pw", fileUser, filePassword)).isEqualTo("app/pw");
        assertThat(choose("jdbc:mariadb://db/app?user=root", "deploy", "pw", fileUser, filePassword))
                .isEqualTo("deploy/pw");
    }

    private static String choose(
            String url, String user, String password, Optional<String> fileUser, Optional<String> filePassword) {
        dev.cairn.internal.connect.Credentials chosen =
                dev.cairn.internal.connect.Credentials.choose(url, user, password, fileUser, filePassword);
        return chosen.user().orElse("-") + "/" + chosen.password().orElse("-");
    }
}
