// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn migrate [--to V] [--dry-run]}: applies the pending migrations as one new batch. */
@Command(name = "migrate",
        description = "Apply every pending migration (or those up to version V) as ONE new batch.")
final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--to", paramLabel = "V",
            description = "Stop after this version (or full migration name), which is applied too.")
    String target;

    @Option(names = "--dry-run", description = "Print every statement that would run; change nothing.")
    boolean dryRun;

    MigrateCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    void run(Cairn cairn, Output output) {
        if (dryRun) {
            output.dryRun(cairn.plan(target == null ? Operation.migrate() : Operation.migrateTo(target)));
        } else {
            output.migrated(target == null ? cairn.migrate() : cairn.migrate(target));
        }
    }
}
