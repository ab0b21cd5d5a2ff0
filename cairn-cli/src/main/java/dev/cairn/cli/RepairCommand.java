// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import picocli.CommandLine.Command;

/** {@code cairn repair}: makes the tracking table agree with a fix made by hand. */
@Command(
        name = "repair",
        description = {
            "Record by-hand fixes in the tracking table: a migration that stopped part-way and was"
                    + " finished by hand is recorded as applied (or undone); an applied migration whose file was"
                    + " edited on purpose gets the new checksum. Changes nothing else."
        })
final class RepairCommand extends DatabaseCommand {

    RepairCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.repaired(cairn.repair());
    }
}
