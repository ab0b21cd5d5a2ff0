// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.option;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn migrate [--to V] [--allow-out-of-order] [--dry-run]}: the pending migrations as one new batch. */
final class MigrateCommand extends DatabaseCommand {

    String target;
    boolean dryRun;
    boolean outOfOrder;

    MigrateCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                        this, "migrate", "Apply every pending migration (or those up to version V) as ONE new batch.")
                .addOption(option(String.class, () -> target, value -> target = value, "--to")
                        .paramLabel("V")
                        .description("Stop after this version (or full migration name), which is applied too.")
                        .build())
                .addOption(dryRunOption(() -> dryRun, value -> dryRun = value))
                .addOption(outOfOrderOption(() -> outOfOrder, value -> outOfOrder = value));
    }

    @Override
    void run(Cairn cairn, Output output) {
        Operation operation = target == null ? Operation.migrate() : Operation.migrateTo(target);
        if (outOfOrder) {
            operation = operation.allowingOutOfOrder();
        }
        if (dryRun) {
            output.dryRun(cairn.plan(operation));
        } else {
            output.migrated(cairn.migrate(operation));
        }
    }
}
