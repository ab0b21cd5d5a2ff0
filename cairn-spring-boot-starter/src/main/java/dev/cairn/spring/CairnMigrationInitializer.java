// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import dev.cairn.Cairn;
import java.util.Objects;
import org.springframework.beans.factory.InitializingBean;

/**
 * The bean that runs the {@link CairnMigrationStrategy} when it is initialised. Spring Boot knows it as
 * a database initialiser (through {@link CairnMigrationInitializerDetector}), so that the beans that
 * depend on database initialisation ({@code JdbcTemplate}, JPA's {@code EntityManagerFactory}, beans
 * annotated {@code @DependsOnDatabaseInitialization}) are created only after it.
 */
public class CairnMigrationInitializer implements InitializingBean {

    private final Cairn cairn;
    private final CairnMigrationStrategy strategy;

    /**
     * Creates the initializer.
     *
     * @param cairn what to migrate
     * @param strategy what to do with it
     */
    public CairnMigrationInitializer(Cairn cairn, CairnMigrationStrategy strategy) {
        this.cairn = Objects.requireNonNull(cairn, "cairn");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** Runs the strategy; a {@link dev.cairn.CairnException} it throws stops the start. */
    @Override
    public void afterPropertiesSet() {
        strategy.migrate(cairn);
    }
}
