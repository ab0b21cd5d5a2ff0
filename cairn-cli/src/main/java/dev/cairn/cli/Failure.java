// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.CairnException;
import dev.cairn.CancelledException;
import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.LockException;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationFileException;
import dev.cairn.ValidationException;
import dev.cairn.VerificationException;

/**
 * Why a command failed, as the user sees it: a type for {@code --json}, the exit code of DESIGN.md
 * and the message. This is the one place that maps exceptions to exit codes.
 *
 * @param type a stable snake_case name for scripts ({@code migration_failed}, {@code usage}, ...)
 * @param exitCode 1 a migration, validation or verification failed (also an internal error), 2 usage or
 *     configuration, 3 connection or lock
 * @param message what to print after {@code error: }
 * @param cause the exception behind it, or null for a usage error found before anything ran
 */
record Failure(String type, int exitCode, String message, Throwable cause) {

    /** Exit code of a failed migration, validation or verification. */
    static final int FAILED = 1;
    /** Exit code of a usage or configuration error. */
    static final int USAGE = 2;
    /** Exit code when the database cannot be reached or the lock cannot be had. */
    static final int UNAVAILABLE = 3;
    /** Exit code of a run cut short by Ctrl-C: what a shell reports for a process ended by SIGINT. */
    static final int INTERRUPTED = 130;

    /** A usage error reported by the command line parser. */
    static Failure usage(String message) {
        return new Failure("usage", USAGE, message, null);
    }

    /** The failure that {@code error} stands for. */
    static Failure of(Throwable error) {
        if (error instanceof CairnException) {
            return of((CairnException) error);
        }
        // A bug, or something the core should have wrapped: say so without a wall of text. It is no usage
        // error and no connection failure, so it is the general failure, 1 (README's exit codes say so).
        return new Failure(
                "internal",
                FAILED,
                "internal error: " + error + ". This is a bug in Cairn: run the command again with -v for the"
                        + " stack trace, and report it with that.",
                error);
    }

    private static Failure of(CairnException error) {
        String message = error.getMessage();
        // CairnException is sealed: this chain names every permitted subtype, so a new kind of failure
        // added to the core makes the last line below throw in tests rather than map silently.
        if (error instanceof ConfigurationException) {
            return new Failure("configuration", USAGE, message, error);
        } else if (error instanceof MigrationFileException) {
            return new Failure("migration_file", FAILED, message, error);
        } else if (error instanceof ValidationException) {
            return new Failure("validation", FAILED, message, error);
        } else if (error instanceof MigrationFailedException) {
            return new Failure("migration_failed", FAILED, message, error);
        } else if (error instanceof ConnectionException) {
            return new Failure("connection", UNAVAILABLE, message, error);
        } else if (error instanceof LockException) {
            return new Failure("lock", UNAVAILABLE, message, error);
        } else if (error instanceof VerificationException) {
            return new Failure("verification", FAILED, message, error);
        } else if (error instanceof CancelledException) {
            return new Failure("interrupted", INTERRUPTED, message, error);
        }
        throw new AssertionError("unmapped failure " + error.getClass().getName(), error);
    }
}
