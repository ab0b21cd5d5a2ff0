// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a change would do, worked out without changing anything: the batch it would create (for
 * {@code migrate} and {@code up}) and every section it would run, in order, with its statements.
 *
 * @param operation the change asked for
 * @param batch the batch that {@code migrate} or {@code up} would create; empty for rollbacks, or
 *     when there is nothing to do
 * @param migrations the sections that would run, in order
 */
public record Plan(Operation operation, OptionalInt batch, List<Migration> migrations) {

    /** Creates the plan; {@code migrations} is copied. */
    public Plan {
        migrations = List.copyOf(migrations);
    }

    /** Whether the change has nothing to do. */
    public boolean isEmpty() {
        return migrations.isEmpty();
    }

    /**
     * One migration section that a change would run.
     *
     * @param name the migration's name
     * @param version the migration's version
     * @param direction the section that runs
     * @param file the file the section comes from
     * @param transactional false if the section is marked {@code transaction:false} and runs on its own
     * @param statements the statements that will run, in order
     * @param resumeAfter how many statements of the section ran on an earlier run that stopped part-way
     *     (outside a transaction); {@code statements} are the rest. 0 when the section starts afresh
     * @param javaClass for a {@link JavaMigration}, its class's name: the section runs its code, and
     *     {@code statements} is empty; for an SQL migration, empty
     */
    public record Migration(
            String name,
            String version,
            Direction direction,
            Path file,
            boolean transactional,
            List<Statement> statements,
            int resumeAfter,
            Optional<String> javaClass) {

        /** Creates the planned migration; {@code statements} is copied. */
        public Migration {
            statements = List.copyOf(statements);
        }

        /** A planned SQL migration. */
        public Migration(
                String name,
                String version,
                Direction direction,
                Path file,
                boolean transactional,
                List<Statement> statements,
                int resumeAfter) {
            this(name, version, direction, file, transactional, statements, resumeAfter, Optional.empty());
        }
    }

    /**
     * One SQL statement as Cairn will send it to the database.
     *
     * @param sql the statement, without its terminating delimiter
     * @param line the 1-based line of the file where the statement starts
     */
    public record Statement(String sql, int line) {}
}
