// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import picocli.CommandLine.Command;

/**
 * {@code cairn unlock}: says whether the migration lock is free, or which live runner holds it
 * (exit 3). Cairn's locks end with their runner, so there is never a dead one to clear.
 */
@Command(
        name = "unlock",
        description = {
            "Check the migration lock: free, or held by a live runner (named; exit 3). Cairn's locks"
                    + " end with the runner that holds them, even a killed one, so none is ever left to clear."
        })
final class UnlockCommand extends DatabaseCommand {

    UnlockCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.unlocked(cairn.unlock());
    }
}
