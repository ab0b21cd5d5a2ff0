// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.util.List;

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
 */
public record PlannedMigration(
        String name,
        String version,
        Direction direction,
        Path file,
        boolean transactional,
        List<PlannedStatement> statements,
        int resumeAfter) {

    /** Creates the planned migration; {@code statements} is copied. */
    public PlannedMigration {
        statements = List.copyOf(statements);
    }
}
