// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn unlock}: says whether the migration lock is free, or what holds it (exit 3): the runner's
 * process, or its server session with the statement it runs and for how long, and the commands that
 * end it. Cairn's locks end with their runner's session, so there is never a dead one to clear.
 */
final class UnlockCommand extends DatabaseCommand {

    UnlockCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                this,
                "unlock",
                "Check the migration lock: free, or what holds it (exit 3): the runner, or its server session with the"
                        + " statement it runs, and how to end it. Cairn's locks end with their runner's session, even"
                        + " a killed one's, so none is ever left to clear.");
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.unlocked(cairn.unlock());
    }
}
