// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Fleet;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn status}: where the database stands against the migration files; reads only. */
final class StatusCommand extends DatabaseCommand {

    StatusCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                this,
                "status",
                "Show the current version, the applied and pending migrations, any problems, and the runner that holds"
                        + " the migration lock, if one does.");
    }

    /** A table of the targets by version, for people; each target's own status with -v or --json. */
    @Override
    int onFleet(Invocation invocation, Fleet fleet) {
        if (invocation.options.json || invocation.options.verbose) {
            return super.onFleet(invocation, fleet);
        }
        return FleetStatus.print(invocation, fleet);
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.status(cairn.status());
    }
}
