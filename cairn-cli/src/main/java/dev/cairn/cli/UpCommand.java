// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn up [--allow-out-of-order] [--dry-run]}: applies the next pending migration as a batch of its own. */
final class UpCommand extends DatabaseCommand {

    boolean dryRun;
    boolean outOfOrder;

    UpCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(this, "up", "Apply the next pending migration as a batch of its own.")
                .addOption(dryRunOption(() -> dryRun, value -> dryRun = value))
                .addOption(outOfOrderOption(() -> outOfOrder, value -> outOfOrder = value));
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
