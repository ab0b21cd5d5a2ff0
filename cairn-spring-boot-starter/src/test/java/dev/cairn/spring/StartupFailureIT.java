// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.MigrationFailedException;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A whole {@link SpringApplication} start that a migration stops: Boot finds
 * {@link CairnFailureAnalyzer} through {@code META-INF/spring.factories} and reports Cairn's message
 * and the action, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private static TestDatabase database;

    @Test
    void aFailedMigrationStopsTheStartWithTheAnalysedMessage(CapturedOutput output) {
        database = databases.create(Engine.SQLITE);
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("cairn.locations", "classpath:cairn/spring/failing"));

        assertThatThrownBy(application::run).hasCauseInstanceOf(MigrationFailedException.class);

        // Boot reports through its logging (the console, in a Boot application's default set-up).
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Migration 20260101000001_broken (up) failed at")
                .contains("20260101000001_broken.sql:3, statement 2")
                .contains("Fix the migration named above")
                .doesNotContain("\tat dev.cairn");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CairnAutoConfiguration.class)
    static class Application {
        @Bean
        DataSource dataSource() {
            return TestDataSources.of(database);
        }
    }
}
