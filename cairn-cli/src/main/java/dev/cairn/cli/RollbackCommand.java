// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn rollback [--all | --to V | --to-batch N] [--dry-run]}: undoes the newest batch, or
 * everything, or back to a version or batch. The three targets exclude each other; picocli rejects
 * two of them as a usage error (exit 2).
 */
@Command(name = "rollback", description = "Undo the newest batch, newest migration first.")
final class RollbackCommand extends DatabaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    @Option(names = "--dry-run", description = "Print every statement that would run; change nothing.")
    boolean dryRun;

    RollbackCommand(Invocation invocation) {
        super(invocation);
    }

    /** How far to roll back; at most one of the three. */
    static final class Target {

        @Option(names = "--all", required = true, description = "Undo every applied migration.")
        boolean all;

        @Option(
                names = "--to",
                paramLabel = "V",
                required = true,
                description = "Undo every migration newer than version V; V stays applied.")
        String version;

        @Option(
                names = "--to-batch",
                paramLabel = "N",
                required = true,
                description = "Undo every batch newer than N (0 undoes everything).")
        Integer batch;
    }

    @Override
    void run(Cairn cairn, Output output) {
        if (dryRun) {
            output.dryRun(cairn.plan(operation()));
        } else if (target == null) {
            output.rolledBack(cairn.rollback());
        } else if (target.all) {
            output.rolledBack(cairn.rollbackAll());
        } else if (target.version != null) {
            output.rolledBack(cairn.rollbackTo(target.version));
        } else {
            output.rolledBack(cairn.rollbackToBatch(target.batch));
        }
    }

    private Operation operation() {
        if (target == null) {
            return Operation.rollback();
        } else if (target.all) {
            return Operation.rollbackAll();
        } else if (target.version != null) {
            return Operation.rollbackTo(target.version);
        }
        return Operation.rollbackToBatch(target.batch);
    }
}
