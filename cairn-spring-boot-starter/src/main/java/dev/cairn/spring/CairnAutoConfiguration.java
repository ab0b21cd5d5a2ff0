// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import dev.cairn.Cairn;
import dev.cairn.ConfigurationException;
import dev.cairn.JavaMigration;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationListener;
import dev.cairn.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the application's {@link DataSource} at start-up: when there is one {@code DataSource} bean
 * and {@code cairn.enabled} is not {@code false}, makes a {@link Cairn} bean from {@code cairn.*}, and a
 * {@link CairnMigrationInitializer} that runs the {@link CairnMigrationStrategy} (by default: migrate).
 *
 * <p>Ordering: the initializer is a database initialiser to Spring Boot (see
 * {@link CairnMigrationInitializerDetector}), and {@link DatabaseInitializationDependencyConfigurer}
 * makes every bean that Boot detects as depending on database initialisation ({@code JdbcTemplate},
 * JPA, {@code @DependsOnDatabaseInitialization}) depend on it. Boot's own classes that moved between
 * 3.5 and 4.0 are named here only as strings.
 */
@AutoConfiguration(
        afterName = {
            // Boot 3.5
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            // Boot 4.0 (spring-boot-jdbc)
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
        })
// In spring-boot on Boot 3.5, in spring-boot-sql (which spring-boot-jdbc brings) on Boot 4.0.
@ConditionalOnClass(name = "org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer")
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "cairn", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(CairnProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class CairnAutoConfiguration {

    /** Creates the configuration; Spring Boot does. */
    public CairnAutoConfiguration() {}

    /**
     * The application's {@code Cairn}: on the {@code DataSource} bean, or on {@code cairn.url} (or
     * {@code spring.datasource.url}) as {@code cairn.user} when those are set; migrations from
     * {@code cairn.locations} through the application's class loader, plus every {@link JavaMigration}
     * bean; progress goes to Spring's logging and to every {@link MigrationListener} bean.
     *
     * @throws ConfigurationException if there is more than one {@code DataSource} and no primary one
     */
    @Bean
    @ConditionalOnMissingBean
    public Cairn cairn(
            CairnProperties properties,
            ObjectProvider<DataSource> dataSources,
            ObjectProvider<JavaMigration> javaMigrations,
            ObjectProvider<MigrationListener> listeners,
            ResourceLoader resourceLoader,
            Environment environment) {
        Cairn.Builder builder = Cairn.configure();
        if (properties.getUrl() != null || properties.getUser() != null) {
            String url = properties.getUrl() != null
                    ? properties.getUrl()
                    : environment.getProperty("spring.datasource.url");
            if (url == null) {
                throw new ConfigurationException("cairn.user is set but there is no URL to use it with:"
                        + " set cairn.url (or spring.datasource.url).");
            }
            builder.url(url).user(properties.getUser()).password(properties.getPassword());
        } else {
            DataSource dataSource = dataSources.getIfUnique();
            if (dataSource == null) {
                throw new ConfigurationException("There is more than one DataSource bean and none is primary:"
                        + " mark the one to migrate @Primary, or set cairn.url, cairn.user and cairn.password.");
            }
            builder.dataSource(dataSource);
        }
        ClassLoader classLoader = resourceLoader.getClassLoader();
        if (classLoader != null) {
            builder.classLoader(classLoader);
        }
        builder.locations(properties.getLocations().toArray(String[]::new));
        if (properties.getTable() != null) {
            builder.table(properties.getTable());
        }
        if (properties.getSchema() != null) {
            builder.schema(properties.getSchema());
        }
        if (properties.getLockTimeout() != null) {
            builder.lockTimeout(properties.getLockTimeout());
        }
        if (properties.getLockTimeoutDdl() != null) {
            builder.lockTimeoutDdl(properties.getLockTimeoutDdl());
        }
        List<JavaMigration> beans = javaMigrations.orderedStream().collect(Collectors.toList());
        builder.javaMigrations(beans);
        List<MigrationListener> hearers = new ArrayList<>();
        hearers.add(new StartupLog());
        listeners.orderedStream().forEach(hearers::add);
        return builder.listener(new Listeners(hearers)).load();
    }

    /**
     * The default strategy: migrate every pending migration (up to {@code cairn.target}, if set), out of
     * order if {@code cairn.allow-out-of-order}, and log what was applied.
     */
    @Bean
    @ConditionalOnMissingBean
    public CairnMigrationStrategy cairnMigrationStrategy(CairnProperties properties) {
        Operation base =
                properties.getTarget() != null ? Operation.migrateTo(properties.getTarget()) : Operation.migrate();
        Operation operation = properties.isAllowOutOfOrder() ? base.allowingOutOfOrder() : base;
        return cairn -> {
            MigrateResult result = cairn.migrate(operation);
            if (result.applied().isEmpty()) {
                StartupLog.LOG.info(
                        "Schema is up to date{}",
                        result.nothingToDo().map(why -> ": " + why).orElse(""));
            } else {
                StartupLog.LOG.info(
                        "Migrated {} migration(s) in {} ms",
                        result.applied().size(),
                        result.duration().toMillis());
            }
        };
    }

    /**
     * Says to Boot that Cairn manages the migrated data source's schema (Hibernate's default
     * {@code ddl-auto} becomes {@code none}). Its interface is in spring-boot on Boot 3.5 and in
     * spring-boot-jdbc on Boot 4.0, in the same package: named by string in the condition.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.jdbc.SchemaManagementProvider")
    static class SchemaManagementConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CairnSchemaManagementProvider cairnSchemaManagementProvider(ObjectProvider<DataSource> dataSources) {
            return new CairnSchemaManagementProvider(dataSources.getIfUnique());
        }
    }

    /** Runs the strategy when it is initialised, before the beans that depend on the database. */
    @Bean
    @ConditionalOnMissingBean
    public CairnMigrationInitializer cairnMigrationInitializer(
            Cairn cairn, CairnMigrationStrategy strategy, CairnProperties properties) {
        return new CairnMigrationInitializer(cairn, strategy, properties.getProbePort());
    }
}
