// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn migrate [--to V] [--allow-out-of-order] [--dry-run]}: the pending migrations as one new batch. */
@Command(name = "migrate", description = "Apply every pending migration (or those up to version V) as ONE new batch.")
final class MigrateCommand extends DatabaseCommand {

    @Option(
            names = "--to",
            paramLabel = "V",
            description = "Stop after this version (or full migration name), which is applied too.")
    String target;

    @Option(names = "--dry-run", description = "Print every statement that would run; change nothing.")
    boolean dryRun;

    @Option(
            names = "--allow-out-of-order",
            description = "Also apply pending migrations older than the newest applied one (merged from a branch).")
    boolean outOfOrder;

    MigrateCommand(Invocation invocation) {
        super(invocation);
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
