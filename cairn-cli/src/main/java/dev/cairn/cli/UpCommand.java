// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn up [--allow-out-of-order] [--dry-run]}: applies the next pending migration as a batch of its own. */
@Command(name = "up", description = "Apply the next pending migration as a batch of its own.")
final class UpCommand extends DatabaseCommand {

    @Option(names = "--dry-run", description = "Print every statement that would run; change nothing.")
    boolean dryRun;

    @Option(
            names = "--allow-out-of-order",
            description = "Also apply pending migrations older than the newest applied one (merged from a branch).")
    boolean outOfOrder;

    UpCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    void run(Cairn cairn, Output output) {
        Operation operation = outOfOrder ? Operation.up().allowingOutOfOrder() : Operation.up();
        if (dryRun) {
            output.dryRun(cairn.plan(operation));
        } else {
            output.migrated(cairn.migrate(operation));
        }
    }
}
