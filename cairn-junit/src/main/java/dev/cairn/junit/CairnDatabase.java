// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class its own database with every migration applied, dropped after the class's last
 * test (also when a test or the class fails). Its tests, constructor and {@code @BeforeAll} /
 * {@code @BeforeEach} methods take it as a parameter: a {@link javax.sql.DataSource}, the
 * {@link MigratedDatabase} (URL, user, password, name, connections) or the {@link dev.cairn.Cairn}
 * configured for it.
 *
 * <pre>{@code
 * @CairnDatabase(engine = Engine.POSTGRESQL, locations = "classpath:db/migrations")
 * class AccountRepositoryTest {
 *     @Test
 *     void savesAnAccount(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * <p>The migrations run once per test run for each engine, locations and table, into a template;
 * each class gets a copy of it (see the module's README for how each database copies). The tests of
 * one class share their database: each test cleans up after itself, or works in a transaction it
 * rolls back. A {@code @Nested} class shares its outer class's database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CairnExtension.class)
public @interface CairnDatabase {

    /** The database product; SQLite, which needs no server, by default. */
    Engine engine() default Engine.SQLITE;

    /**
     * Where the migrations are, as in {@code cairn.yml}'s {@code migrations.locations}:
     * {@code classpath:PACKAGE} (read through the test class's class loader, so
     * {@code src/main/resources} and {@code src/test/resources} both count) or {@code filesystem:DIR}
     * (relative to the working directory, which Maven and Gradle set to the module's directory).
     */
    String[] locations() default "classpath:db/migrations";

    /**
     * For {@link Engine#POSTGRESQL} and {@link Engine#MARIADB}: the admin JDBC URL of the server on which
     * to create the databases, such as {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres};
     * its user must be allowed to create databases. Empty: the engine's system property, else its
     * environment variable (see {@link Engine#urlVariable()}), else (PostgreSQL only) an embedded server.
     */
    String url() default "";

    /** The tracking table's name; empty for Cairn's default. */
    String table() default "";
}
