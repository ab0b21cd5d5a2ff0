// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.spring.CairnEndpoint.CairnStatus;
import dev.cairn.spring.CairnEndpoint.MigrationEntry;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The actuator endpoint {@code cairn} in an application context, on each engine and on Boot 3.5 and 4.0. */
class CairnEndpointIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private static ApplicationContextRunner runner(TestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(CairnAutoConfiguration.class, CairnEndpointAutoConfiguration.class))
                .withBean(DataSource.class, () -> TestDataSources.of(db))
                .withPropertyValues("cairn.locations=classpath:cairn/spring/ok");
    }

    @Test
    void bootFindsTheEndpointsAutoConfigurationInTheImportsFile() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                        .getCandidates())
                .contains(CairnEndpointAutoConfiguration.class.getName());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsTheMigrationsAppliedAtStartUp(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db).run(context -> {
            assertThat(context).hasNotFailed();
            CairnStatus status = context.getBean(CairnEndpoint.class).status();
            assertThat(status.environment()).isNotBlank();
            assertThat(status.target()).isNotBlank();
            if (db.password() != null && !db.password().isEmpty()) {
                assertThat(status.target()).doesNotContain(db.password());
            }
            assertThat(status.applied()).isEqualTo(2);
            assertThat(status.pending()).isZero();
            assertThat(status.currentBatch()).isEqualTo(1);
            assertThat(status.currentVersion()).isEqualTo("20260101000002");
            assertThat(status.problems()).isEmpty();
            assertThat(status.migrations())
                    .extracting(MigrationEntry::name, MigrationEntry::version, MigrationEntry::state)
                    .containsExactly(
                            tuple("20260101000000_create_users", "20260101000000", "APPLIED"),
                            tuple("20260101000002_create_greetings", "20260101000002", "APPLIED"));
            assertThat(status.migrations()).allSatisfy(m -> {
                assertThat(m.batch()).isEqualTo(1);
                assertThat(Instant.parse(m.appliedAt())).isBefore(Instant.now().plusSeconds(60));
                assertThat(m.description()).isNotNull();
            });
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsAMigrationLeftPendingByTheTarget(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db).withPropertyValues("cairn.target=20260101000000").run(context -> {
            assertThat(context).hasNotFailed();
            CairnStatus status = context.getBean(CairnEndpoint.class).status();
            assertThat(status.applied()).isEqualTo(1);
            assertThat(status.pending()).isEqualTo(1);
            MigrationEntry pending = status.migrations().get(1);
            assertThat(pending.name()).isEqualTo("20260101000002_create_greetings");
            assertThat(pending.state()).isEqualTo("PENDING");
            assertThat(pending.batch()).isNull();
            assertThat(pending.appliedAt()).isNull();
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsEverythingPendingWhenTheStrategyMigratesNothing(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db).withBean(CairnMigrationStrategy.class, () -> cairn -> {}).run(context -> {
            assertThat(context).hasNotFailed();
            CairnStatus status = context.getBean(CairnEndpoint.class).status();
            assertThat(status.applied()).isZero();
            assertThat(status.pending()).isEqualTo(2);
            assertThat(status.currentBatch()).isZero();
            assertThat(status.currentVersion()).isNull();
            assertThat(status.migrations()).extracting(MigrationEntry::state).containsOnly("PENDING");
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE", "POSTGRESQL"})
    void theStatusIsWrittenAsJsonByTheJacksonOfThisBoot(Engine engine) throws Exception {
        TestDatabase db = databases.create(engine);
        runner(db).withPropertyValues("cairn.target=20260101000000").run(context -> {
            String json = json(context.getBean(CairnEndpoint.class).status());
            assertThat(json)
                    .contains("\"applied\":1", "\"pending\":1", "\"currentBatch\":1", "\"problems\":[]")
                    .contains("\"name\":\"20260101000000_create_users\"", "\"state\":\"APPLIED\"")
                    .containsPattern("\"appliedAt\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\"");
            // Jackson 3 may order the properties differently: find the pending migration's object.
            Matcher pending =
                    Pattern.compile("\\{[^{}]*\"state\":\"PENDING\"[^{}]*}").matcher(json);
            assertThat(pending.find()).as(json).isTrue();
            assertThat(pending.group())
                    .contains("\"name\":\"20260101000002_create_greetings\"", "\"batch\":null", "\"appliedAt\":null");
        });
    }

    /** Writes a value with Jackson 3 (Boot 4) or else Jackson 2 (Boot 3.5): the same sources run on both. */
    private static String json(Object value) throws ReflectiveOperationException {
        Class<?> mapper;
        try {
            mapper = Class.forName("tools.jackson.databind.ObjectMapper");
        } catch (ClassNotFoundException jackson2) {
            mapper = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
        }
        Object instance = mapper.getConstructor().newInstance();
        return (String) mapper.getMethod("writeValueAsString", Object.class).invoke(instance, value);
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE", "POSTGRESQL"})
    void noEndpointWithoutActuator(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db).withClassLoader(new FilteredClassLoader(Endpoint.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("cairn");
            assertThat(context).doesNotHaveBean(CairnEndpoint.class);
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"SQLITE", "POSTGRESQL"})
    void noEndpointWhenDisabled(Engine engine) {
        TestDatabase db = databases.create(engine);
        runner(db).withPropertyValues("cairn.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(CairnEndpoint.class);
        });
    }
}
