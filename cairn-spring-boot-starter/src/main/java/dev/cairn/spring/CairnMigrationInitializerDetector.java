// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot's database-initialisation ordering that {@link CairnMigrationInitializer} beans
 * initialise the database. Registered in {@code META-INF/spring.factories}; the class it extends is
 * in {@code spring-boot} on Boot 3.5 and in {@code spring-boot-sql} on Boot 4.0, in the same package.
 */
public class CairnMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    /** Creates the detector; Spring Boot does, from {@code META-INF/spring.factories}. */
    public CairnMigrationInitializerDetector() {}

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(CairnMigrationInitializer.class);
    }

    /** Runs before Boot's own script initialiser ({@code schema.sql}, {@code data.sql}), as Flyway does. */
    @Override
    public int getOrder() {
        return 1;
    }
}
