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
    private final Integer probePort;

    /**
     * Creates the initializer.
     *
     * @param cairn what to migrate
     * @param strategy what to do with it
     */
    public CairnMigrationInitializer(Cairn cairn, CairnMigrationStrategy strategy) {
        this(cairn, strategy, null);
    }

    /**
     * Creates the initializer that answers health probes while the strategy runs.
     *
     * @param cairn what to migrate
     * @param strategy what to do with it
     * @param probePort the port to answer health probes on meanwhile ({@code cairn.probe-port}), or null
     *     for none
     */
    public CairnMigrationInitializer(Cairn cairn, CairnMigrationStrategy strategy, Integer probePort) {
        this.cairn = Objects.requireNonNull(cairn, "cairn");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.probePort = probePort;
    }

    /** Runs the strategy; a {@link dev.cairn.CairnException} it throws stops the start. */
    @Override
    public void afterPropertiesSet() {
        if (probePort == null) {
            strategy.migrate(cairn);
            return;
        }
        MigrationProbes probes = MigrationProbes.open(probePort);
        try {
            strategy.migrate(cairn);
        } finally {
            probes.close();
        }
    }
}
