// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Makes the annotated class a test of the project's own migrations: {@code cairn verify} runs on a
 * scratch database of the engine, and each migration becomes a test that passes when its down
 * restores the schema its up started from, and fails with what differs or failed, and where. The
 * class needs no methods:
 *
 * <pre>{@code
 * @VerifyMigrations(engine = Engine.POSTGRESQL)
 * class MigrationsTest {}
 * }</pre>
 *
 * <p>A migration with no down section (irreversible on purpose) is reported as skipped, or fails
 * with {@link #strict()}. With {@link #roundTrip()}, the migrations are checked as a whole instead:
 * one test that runs every up, every down newest first and every up again. The class is run by the
 * {@code cairn-verify} test engine in this jar, beside Jupiter, which any JUnit Platform launcher
 * (Maven Surefire, Gradle, an IDE) finds by itself. It is {@link Testable}, so that an IDE offers to
 * run the class although it has no test methods.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
public @interface VerifyMigrations {

    /** The database product to verify on; SQLite by default. Verify only where the project runs. */
    Engine engine() default Engine.SQLITE;

    /** Where the migrations are, as in {@link CairnDatabase#locations()}. */
    String[] locations() default "classpath:db/migrations";

    /** The server's admin URL, as in {@link CairnDatabase#url()}. */
    String url() default "";

    /**
     * Check the range as a whole ({@code cairn verify --round-trip}): for migrations that undo each other
     * only together.
     */
    boolean roundTrip() default false;

    /**
     * Require every down to restore the schema exactly ({@code cairn verify --strict}): an
     * {@code equivalent} verdict and a migration without a down fail too.
     */
    boolean strict() default false;
}
