// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the database stands against the migration files.
 *
 * @param currentVersion the version of the newest applied migration, if any is applied
 * @param currentBatch the newest batch number, 0 if nothing is applied
 * @param migrations every migration, applied ones first in the order they were applied, then the
 *     pending ones in the order they would be applied
 * @param problems disagreements between the files and the tracking table, notices
 *     ({@link Problem#isNotice()}) included
 * @param lockHolder who held the migration lock when the status was read, as the lock names it (such
 *     as {@code held by connection 42 of user deploy from 10.0.0.7:51234}): a runner that is changing
 *     the database now, whose work shows once it commits (on MySQL and MariaDB, as it goes: see
 *     {@link State#RUNNING}); empty if the lock was free, or the database cannot tell (H2)
 */
public record Status(
        Optional<String> currentVersion,
        int currentBatch,
        List<Migration> migrations,
        List<Problem> problems,
        Optional<String> lockHolder) {

    /** Creates the status; the lists are copied. */
    public Status {
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
    }

    /** Creates the status of a database whose migration lock was free. */
    public Status(
            Optional<String> currentVersion, int currentBatch, List<Migration> migrations, List<Problem> problems) {
        this(currentVersion, currentBatch, migrations, problems, Optional.empty());
    }

    /**
     * The applied migrations (including those recorded by a baseline and those whose file is gone), in the
     * order they were applied.
     */
    public List<Migration> applied() {
        return migrations.stream()
                .filter(m -> m.state() == State.APPLIED || m.state() == State.BASELINE || m.state() == State.MISSING)
                .toList();
    }

    /** The migrations whose section stopped part-way; see {@link State#INCOMPLETE}. */
    public List<Migration> incomplete() {
        return migrations.stream().filter(m -> m.state() == State.INCOMPLETE).toList();
    }

    /** The migrations that a runner holding the lock is most likely running now; see {@link State#RUNNING}. */
    public List<Migration> running() {
        return migrations.stream().filter(m -> m.state() == State.RUNNING).toList();
    }

    /** The pending migrations, in the order they would be applied. */
    public List<Migration> pending() {
        return migrations.stream().filter(m -> m.state() == State.PENDING).toList();
    }

    /**
     * One migration as {@code status} sees it, merged from its file and its row in the tracking table.
     *
     * @param name the migration's name
     * @param version the migration's version
     * @param description the comment lines above {@code -- migrate:up}, joined by newlines; empty if none
     * @param state applied, baselined, pending, or applied with its file gone
     * @param batch the batch it was applied in, if applied
     * @param appliedAt when it was applied, if applied
     * @param executionTime how long it took to apply, if applied
     * @param reversible whether its file has a {@code -- migrate:down} section (false if the file is gone)
     * @param file its file, unless the file is gone
     * @param incomplete how far a section got that stopped part-way outside a transaction, if one did
     */
    public record Migration(
            String name,
            String version,
            String description,
            State state,
            Optional<Integer> batch,
            Optional<Instant> appliedAt,
            Optional<Duration> executionTime,
            boolean reversible,
            Optional<Path> file,
            Optional<Incomplete> incomplete) {

        /**
         * The state as a person reads it, the same in every front end: {@code applied},
         * {@code pending}, {@code MISSING FILE}, {@code INCOMPLETE: up stopped after 3 statements},
         * {@code RUNNING: up, 3 statements done} (capitals for what needs attention).
         */
        public String stateLabel() {
            switch (state) {
                case APPLIED:
                    return "applied";
                case BASELINE:
                    return "baseline";
                case PENDING:
                    return "pending";
                case MISSING:
                    return "MISSING FILE";
                case INCOMPLETE:
                    return incomplete
                            .map(i -> "INCOMPLETE: " + i.section().label() + " stopped after " + statements(i))
                            .orElse("INCOMPLETE");
                case RUNNING:
                    return incomplete
                            .map(i -> "RUNNING: " + i.section().label() + ", " + statements(i) + " done")
                            .orElse("RUNNING");
                default:
                    throw new AssertionError(state);
            }
        }

        private static String statements(Incomplete incomplete) {
            int n = incomplete.statementsRun();
            return n + (n == 1 ? " statement" : " statements");
        }
    }

    /** Where a migration stands. */
    public enum State {
        /** Recorded in the tracking table, and its file is present. */
        APPLIED,
        /**
         * Recorded as applied by {@code cairn baseline}, and its file is present: the database had its
         * schema already, so it never ran here, nor its down; a rollback into it is refused unless asked
         * for ({@link dev.cairn.Operation#intoBaseline()}).
         */
        BASELINE,
        /** Its file is present and it is not applied. */
        PENDING,
        /** Recorded in the tracking table, but its file is gone. */
        MISSING,
        /**
         * A section stopped part-way outside a transaction (on MySQL, MariaDB or H2, or in a
         * {@code transaction:false} section): some of its statements ran and stay. The next
         * {@code migrate} (for up) or rollback (for down) resumes after them; {@code repair} records
         * it as done after it was finished by hand.
         */
        INCOMPLETE,
        /**
         * As {@link #INCOMPLETE}, but read while another runner held the migration lock: the section is
         * most likely running in that runner now (on MySQL, MariaDB and H2 its tracking row follows it
         * statement by statement), so it must not be repaired. If it still shows as incomplete once the
         * runner has finished, it stopped.
         */
        RUNNING
    }

    /**
     * How far a section got before it stopped.
     *
     * @param section up (the migration is partly applied) or down (partly undone)
     * @param statementsRun how many of the section's statements ran and stay
     */
    public record Incomplete(Direction section, int statementsRun) {}
}
