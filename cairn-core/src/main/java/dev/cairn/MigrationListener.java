// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;

/**
 * Hears about a change while it runs, to show progress. Every method has an empty default; the
 * calls come on the thread that runs the change. An exception thrown here aborts the change like a
 * failed statement would.
 */
public interface MigrationListener {

    /** A listener that does nothing. */
    MigrationListener NONE = new MigrationListener() {};

    /**
     * Another runner holds the migration lock; this runner waits up to {@code lock-timeout}. Called
     * once per wait.
     *
     * @param holder who holds the lock, as far as the database can tell
     */
    default void waitingForLock(String holder) {}

    /**
     * The notice of {@link #waitingForLock}, as the command line, the build plugins and the Spring Boot
     * starter all word it, so that a wait reads the same wherever it is logged.
     *
     * @param holder who holds the lock, as {@link #waitingForLock} was told
     */
    static String lockWaitNotice(String holder) {
        return "Waiting for the migration lock: " + holder + " (up to lock-timeout) ...";
    }

    /**
     * A read (of the tracking table, for {@code status}, {@code validate} or a dry run) waits for
     * another writer, which SQLite makes readers do while a writer commits; it waits up to
     * {@code lock-timeout}. Called once per wait, before the wait.
     *
     * @param situation who is writing where, what the read waits for, and for how long at most
     */
    default void waitingForWriter(String situation) {}

    /** The change was planned under the lock and is about to start; {@code plan} is not empty. */
    default void planned(Plan plan) {}

    /**
     * What {@code lint} says of the migrations a {@code migrate} or {@code up} is about to apply, told
     * after {@link #planned} and before the first runs; the run goes on whatever it found.
     */
    default void linted(LintResult result) {}

    /**
     * Statement {@code statement} (1-based) of {@code migration} gave up waiting {@code timeout} for a table
     * lock ({@code lock-timeout-ddl}) on its {@code attempt} of {@code attempts}; it is tried again after
     * {@code pause}. Nothing of it took effect.
     */
    default void lockTimedOut(
            Plan.Migration migration, int statement, Duration timeout, int attempt, int attempts, Duration pause) {}

    /** A migration's section is about to run. */
    default void migrationStarting(Plan.Migration migration) {}

    /**
     * A statement of the section that {@link #migrationStarting} announced is about to run: for a
     * progress display of long migrations. Called for every statement, so keep it cheap.
     *
     * @param migration the section, as {@link #migrationStarting} had it
     * @param number the statement's 1-based number in its section (of {@code migration.resumeAfter() +
     *     migration.statements().size()})
     */
    default void statementStarting(Plan.Migration migration, int number) {}

    /** A migration's section ran and its history row is written (committed or not, see the batch). */
    default void migrationFinished(MigrationRun run) {}

    /** {@code verify} has checked a migration on its own; {@code checked} holds its verdict. */
    default void verified(VerifyResult.Checked checked) {}
}
