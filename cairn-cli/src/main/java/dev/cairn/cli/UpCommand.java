// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;

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
                .addOption(flag(() -> dryRun, value -> dryRun = value, "--dry-run")
                        .description("Print every statement that would run; change nothing.")
                        .build())
                .addOption(flag(() -> outOfOrder, value -> outOfOrder = value, "--allow-out-of-order")
                        .description("Also apply pending migrations older than the newest applied one (merged from a"
                                + " branch).")
                        .build());
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
