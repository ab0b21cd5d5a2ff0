// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Cairn;
import dev.cairn.ConfigurationException;
import dev.cairn.JavaMigration;
import dev.cairn.MigrationFailedException;
import dev.cairn.Status;
import dev.cairn.ValidationException;
import dev.cairn.spring.scanned.V20260101000005__scanned_and_bean;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The auto-configuration in an application context, on each engine: the same sources run against
 * Spring Boot 3.5 (this module) and 4.0 ({@code boot4/}).
 */
class CairnAutoConfigurationIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private static ApplicationContextRunner runner(TestDatabase db, String location) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class))
                .withBean(DataSource.class, () -> TestDataSources.of(db))
                .withPropertyValues("cairn.locations=classpath:cairn/spring/" + location);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratesBeforeAJdbcTemplateThatReadsTheSchemaInItsInitialisation(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "ok").withUserConfiguration(ReadingJdbcTemplate.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CountingJdbcTemplate.class).usersAtStart).isEqualTo(1);
            assertThat(context).hasSingleBean(Cairn.class);
            assertThat(db.tables()).contains("users", "greetings", "cairn_migrations");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runsNothingWhenDisabled(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "ok").withPropertyValues("cairn.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Cairn.class);
            assertThat(context).doesNotHaveBean(CairnMigrationInitializer.class);
            assertThat(context).doesNotHaveBean(SchemaManagementProvider.class);
            assertThat(db.tables()).doesNotContain("users", "cairn_migrations");
        });
    }

    /**
     * Boot's Hibernate configuration asks every SchemaManagementProvider whether a data source's schema
     * is managed; MANAGED makes its default ddl-auto "none", so Hibernate never drops what Cairn made.
     */
    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE", "H2"})
    void toldBootThatItManagesTheMigratedDataSourcesSchema(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "ok").run(context -> {
            assertThat(context).hasNotFailed();
            SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
            assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
                    .isEqualTo(SchemaManagement.MANAGED);
            assertThat(provider.getSchemaManagement(TestDataSources.of(db)))
                    .as("another data source, even to the same database, is not the one Cairn migrates")
                    .isEqualTo(SchemaManagement.UNMANAGED);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingMigrationFailsTheStartWithCairnsMessage(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "failing").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new CairnFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getCause()).isInstanceOf(MigrationFailedException.class);
            assertThat(analysis.getDescription())
                    .contains("20260101000001_broken")
                    .contains("20260101000001_broken.sql:3")
                    .contains(analysis.getCause().getMessage());
            assertThat(analysis.getAction()).contains("Fix the migration");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStrategyBeanReplacesMigrate(Engine engine) {
        TestDatabase db = databases.create(engine);
        List<Status> seen = new ArrayList<>();
        runner(db, "ok")
                .withBean(CairnMigrationStrategy.class, () -> cairn -> seen.add(cairn.status()))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(seen)
                            .singleElement()
                            .satisfies(status -> assertThat(status.pending()).hasSize(2));
                    assertThat(db.tables()).doesNotContain("users");
                });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aJavaMigrationBeanUsesAnInjectedServiceAndRunsInVersionOrder(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "ok")
                .withUserConfiguration(GreetingMigrationConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Status status = context.getBean(Cairn.class).status();
                    assertThat(status.applied())
                            .extracting(Status.Migration::name)
                            .containsExactly(
                                    "20260101000000_create_users",
                                    "20260101000001_add_second_user",
                                    "20260101000002_create_greetings");
                    assertThat(db.query("SELECT email FROM users WHERE id = 2"))
                            .singleElement()
                            .satisfies(row -> assertThat(row.values()).containsExactly("second@example.com"));
                });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void takesTheTableTheTargetAndTheLockTimeoutFromProperties(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "ok")
                .withPropertyValues(
                        "cairn.table=app_migrations", "cairn.target=20260101000000", "cairn.lock-timeout=5s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(db.tables()).contains("users", "app_migrations").doesNotContain("greetings");
                    assertThat(context.getBean(Cairn.class).status().pending())
                            .extracting(Status.Migration::name)
                            .containsExactly("20260101000002_create_greetings");
                });
    }

    @Test
    void theDdlLockTimeoutPropertyReachesCairn() {
        TestDatabase db = databases.create(Engine.SQLITE);
        runner(db, "ok")
                .withPropertyValues("cairn.lock-timeout-ddl=2s")
                .run(context -> assertThat(context).hasNotFailed());
        runner(db, "ok").withPropertyValues("cairn.lock-timeout-ddl=5ms").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("lockTimeoutDdl must be at least 10ms");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMigrationUserOfItsOwnConnectsThroughCairnUrlNotTheDataSource(Engine engine) {
        TestDatabase db = databases.create(engine);
        List<String> properties =
                new ArrayList<>(List.of("cairn.locations=classpath:cairn/spring/ok", "cairn.url=" + db.url()));
        if (db.user() != null) {
            properties.add("cairn.user=" + db.user());
        }
        if (db.password() != null) {
            properties.add("cairn.password=" + db.password());
        }
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class))
                // The application's own DataSource, which cannot connect: the migration must not use it.
                .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:cairn-test:unused"))
                .withPropertyValues(properties.toArray(String[]::new))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(db.tables()).contains("users", "greetings", "cairn_migrations");
                });
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE"})
    void aBeanWhoseClassIsAlsoInAScannedLocationRunsOnceAsTheBean(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "ok")
                .withPropertyValues("cairn.locations=classpath:dev/cairn/spring/scanned")
                .withBean(V20260101000005__scanned_and_bean.class, () -> new V20260101000005__scanned_and_bean("bean"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Cairn.class).status().applied())
                            .extracting(Status.Migration::name)
                            .containsExactly("20260101000005_scanned_and_bean");
                    assertThat(db.query("SELECT made_by FROM scanned_and_bean"))
                            .extracting(row -> row.get("made_by"))
                            .containsExactly("bean");
                });
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"H2"})
    void anApplicationWithNoMigrationsYetStarts(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "none").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Cairn.class).status().applied()).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE"})
    void aValidateOnlyStrategyStopsTheStartWhenTheHistoryDisagrees(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "ok").run(context -> assertThat(context).hasNotFailed());

        // The same database, started by a build whose migrations are gone: validate, never migrate.
        runner(db, "none")
                .withBean(
                        CairnMigrationStrategy.class,
                        () -> cairn -> cairn.validate().requireValid())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(ValidationException.class)
                            .hasMessageContaining("(2 problems)")
                            .hasMessageContaining(
                                    "20260101000000_create_users is applied (batch 1) but its file is gone");
                });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aVerifyFirstStrategyProvesTheDownsOnAScratchDatabaseThenMigrates(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db, "ok")
                .withBean(CairnMigrationStrategy.class, () -> cairn -> {
                    cairn.verify().requirePassed(false);
                    cairn.migrate();
                })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(db.tables()).contains("users", "greetings", "cairn_migrations");
                });
    }

    @Test
    void aConnectionFailureNamesNeitherThePasswordNorTheStackTrace() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:cairn-test:unused"))
                .withPropertyValues(
                        "cairn.url=jdbc:postgresql://127.0.0.1:1/nowhere",
                        "cairn.user=migrator",
                        "cairn.password=s3cret-Value")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new CairnFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("127.0.0.1").doesNotContain("s3cret-Value");
                    assertThat(analysis.getAction()).contains("cairn.url");
                });
    }

    /** A JdbcTemplate that reads a migrated table while it is created, as a repository's cache might. */
    static final class CountingJdbcTemplate extends JdbcTemplate {
        final int usersAtStart;

        CountingJdbcTemplate(DataSource dataSource) {
            super(dataSource);
            Integer count = queryForObject("SELECT COUNT(*) FROM users", Integer.class);
            usersAtStart = count == null ? -1 : count;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReadingJdbcTemplate {
        @Bean
        CountingJdbcTemplate countingJdbcTemplate(DataSource dataSource) {
            return new CountingJdbcTemplate(dataSource);
        }
    }

    /** An application service that a Java migration needs. */
    static final class EmailDomain {
        String address(String user) {
            return user + "@example.com";
        }
    }

    /** A Java migration that is a Spring bean, given a service by injection. */
    static final class AddSecondUser implements JavaMigration {
        private final EmailDomain domain;

        AddSecondUser(EmailDomain domain) {
            this.domain = domain;
        }

        @Override
        public String name() {
            return "20260101000001_add_second_user";
        }

        @Override
        public void up(Connection connection) throws Exception {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO users (id, email) VALUES (2, ?)")) {
                insert.setString(1, domain.address("second"));
                insert.executeUpdate();
            }
        }

        @Override
        public void down(Connection connection) throws Exception {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users WHERE id = 2")) {
                delete.executeUpdate();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class GreetingMigrationConfiguration {
        @Bean
        EmailDomain emailDomain() {
            return new EmailDomain();
        }

        @Bean
        AddSecondUser addSecondUser(EmailDomain domain) {
            return new AddSecondUser(domain);
        }
    }
}
