// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Cairn;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The starter with Boot's own {@code DataSource} and {@code JdbcTemplate} auto-configuration, from
 * {@code spring.datasource.*}, as an application has them. Those classes moved in Boot 4, so they are
 * looked up by name: the same test runs on both lines.
 */
class BootDataSourceIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratesBootsDataSourceBeforeBootsJdbcTemplateIsUsed(Engine engine) {
        TestDatabase db = databases.create(engine);
        List<String> properties = new ArrayList<>(
                List.of("spring.datasource.url=" + db.url(), "cairn.locations=classpath:cairn/spring/ok"));
        if (db.user() != null) {
            properties.add("spring.datasource.username=" + db.user());
        }
        if (db.password() != null) {
            properties.add("spring.datasource.password=" + db.password());
        }
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        BootClasses.either(
                                "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"),
                        BootClasses.either(
                                "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
                                "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"),
                        CairnAutoConfiguration.class))
                .withPropertyValues(properties.toArray(String[]::new))
                .withUserConfiguration(UsersAtStartConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(Cairn.class);
                    assertThat(context.getBean(UsersAtStart.class).count).isEqualTo(1);
                });
    }

    /** An application bean that reads through Boot's JdbcTemplate while it is created. */
    static final class UsersAtStart {
        final int count;

        UsersAtStart(JdbcTemplate jdbc) {
            Integer users = jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class);
            count = users == null ? -1 : users;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UsersAtStartConfiguration {
        @Bean
        UsersAtStart usersAtStart(JdbcTemplate jdbc) {
            return new UsersAtStart(jdbc);
        }
    }
}
