// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import picocli.CommandLine.Command;

/** {@code cairn ping}: connects once and reports the server's product and version. */
@Command(name = "ping", description = "Test the connection; print the server's product and version.")
final class PingCommand extends DatabaseCommand {

    PingCommand(Invocation invocation) {
        super(invocation);
    }

    /** Once for a fleet: it asks the environment's own server. */
    @Override
    boolean perTarget() {
        return false;
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.pinged(cairn.ping());
    }
}
