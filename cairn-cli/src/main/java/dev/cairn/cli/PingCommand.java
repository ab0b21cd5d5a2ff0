// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn ping}: connects once and reports the server's product and version. */
final class PingCommand extends DatabaseCommand {

    PingCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(this, "ping", "Test the connection; print the server's product and version.");
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
