// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn down [--dry-run]}: undoes the newest applied migration. */
@Command(name = "down", description = "Undo the newest applied migration.")
final class DownCommand extends DatabaseCommand {

    @Option(names = "--dry-run", description = "Print every statement that would run; change nothing.")
    boolean dryRun;

    DownCommand(Invocation invocation) {
        super(invocation);
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
