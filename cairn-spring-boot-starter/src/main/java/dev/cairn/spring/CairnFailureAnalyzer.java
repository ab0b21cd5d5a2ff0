// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import dev.cairn.CairnException;
import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.LockException;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationFileException;
import dev.cairn.ValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link CairnException} that stopped the start into Spring Boot's failure report: the
 * description is Cairn's own message (which migration, file and line, the database's message, what
 * stays applied), the action says what to do about that kind of failure. Registered in
 * {@code META-INF/spring.factories}.
 */
public class CairnFailureAnalyzer extends AbstractFailureAnalyzer<CairnException> {

    /** Creates the analyzer; Spring Boot does, from {@code META-INF/spring.factories}. */
    public CairnFailureAnalyzer() {}

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CairnException cause) {
        return new FailureAnalysis(
                "Cairn stopped the application's start.\n\n" + cause.getMessage(), action(cause), cause);
    }

    static String action(CairnException cause) {
        if (cause instanceof MigrationFailedException) {
            return "Fix the migration named above and start the application again; what stays applied is listed"
                    + " above, and `cairn status` shows it. To finish a migration by hand instead, record it with"
                    + " `cairn repair`.";
        }
        if (cause instanceof ValidationException) {
            return "Make the migrations agree with the database's history (restore an edited or deleted migration),"
                    + " or set cairn.allow-out-of-order=true for an older pending one; `cairn validate` lists the"
                    + " problems.";
        }
        if (cause instanceof MigrationFileException) {
            return "Correct the migration file named above.";
        }
        if (cause instanceof LockException) {
            return "Another runner holds the migration lock: wait for it to finish, raise cairn.lock-timeout, or,"
                    + " if that runner died, release the lock with `cairn unlock`.";
        }
        if (cause instanceof ConnectionException) {
            return "Check that the database is reachable with the DataSource's settings (or cairn.url, cairn.user"
                    + " and cairn.password).";
        }
        if (cause instanceof ConfigurationException) {
            return "Correct the cairn.* property named above, or set cairn.enabled=false to start without"
                    + " migrating.";
        }
        return "Correct what the message above names, then start the application again.";
    }
}
