// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;
import static dev.cairn.cli.Specs.option;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn rollback [--all | --to V | --to-batch N] [--into-baseline] [--dry-run]}: undoes the newest batch, or
 * everything, or back to a version or batch. The three targets exclude each other; picocli rejects
 * two of them as a usage error (exit 2).
 */
final class RollbackCommand extends DatabaseCommand {

    // How far to roll back: at most one of the three.
    boolean all;
    String version;
    Integer batch;

    boolean dryRun;
    boolean intoBaseline;

    RollbackCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        // Options of an exclusive group are required within it: one of them, if the group is given at all.
        ArgGroupSpec target = ArgGroupSpec.builder()
                .exclusive(true)
                .multiplicity("0..1")
                .addArg(flag(() -> all, value -> all = value, "--all")
                        .required(true)
                        .description("Undo every applied migration.")
                        .build())
                .addArg(option(String.class, () -> version, value -> version = value, "--to")
                        .paramLabel("V")
                        .required(true)
                        .description("Undo every migration newer than version V; V stays applied.")
                        .build())
                .addArg(option(Integer.class, () -> batch, value -> batch = value, "--to-batch")
                        .paramLabel("N")
                        .required(true)
                        .description("Undo every batch newer than N (0 undoes everything).")
                        .build())
                .build();
        return Specs.command(this, "rollback", "Undo the newest batch, newest migration first.")
                .addArgGroup(target)
                .addOption(dryRunOption(() -> dryRun, value -> dryRun = value))
                .addOption(flag(() -> intoBaseline, value -> intoBaseline = value, "--into-baseline")
                        .description("Also undo migrations that `cairn baseline` recorded without running them"
                                + " (refused otherwise: their downs never ran on this database).")
                        .build());
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
        if (all) {
            operation = Operation.rollbackAll();
        } else if (version != null) {
            operation = Operation.rollbackTo(version);
        } else if (batch != null) {
            operation = Operation.rollbackToBatch(batch);
        } else {
            operation = Operation.rollback();
        }
        return intoBaseline ? operation.intoBaseline() : operation;
    }
}
