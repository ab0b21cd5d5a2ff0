// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn down [--dry-run]}: undoes the newest applied migration. */
final class DownCommand extends DatabaseCommand {

    boolean dryRun;

    DownCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(this, "down", "Undo the newest applied migration.")
                .addOption(dryRunOption(() -> dryRun, value -> dryRun = value));
    }

    @Override
    void run(Cairn cairn, Output output) {
        if (dryRun) {
            output.dryRun(cairn.plan(Operation.down()));
        } else {
            output.rolledBack(cairn.down());
        }
    }
}
