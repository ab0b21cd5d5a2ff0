// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn rollback [--all | --to V | --to-batch N] [--into-baseline] [--dry-run]}: undoes the newest batch, or
 * everything, or back to a version or batch. The three targets exclude each other; picocli rejects
 * two of them as a usage error (exit 2).
 */
@Command(name = "rollback", description = "Undo the newest batch, newest migration first.")
final class RollbackCommand extends DatabaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    @Option(names = "--dry-run", description = "Print every statement that would run; change nothing.")
    boolean dryRun;

    @Option(
            names = "--into-baseline",
            description = "Also undo migrations that `cairn baseline` recorded without running them (refused"
                    + " otherwise: their downs never ran on this database).")
    boolean intoBaseline;

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
        } else {
            output.rolledBack(cairn.rollback(operation()));
        }
    }

    private Operation operation() {
        Operation operation;
        if (target == null) {
            operation = Operation.rollback();
        } else if (target.all) {
            operation = Operation.rollbackAll();
        } else if (target.version != null) {
            operation = Operation.rollbackTo(target.version);
        } else {
            operation = Operation.rollbackToBatch(target.batch);
        }
        return intoBaseline ? operation.intoBaseline() : operation;
    }
}
