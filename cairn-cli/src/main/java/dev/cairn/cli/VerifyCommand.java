// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.ConfigurationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn verify [--from V | --pending]}: proves that each down undoes its up, on a scratch database. */
@Command(
        name = "verify",
        description = {
            "Prove that every migration's down undoes its up: on a scratch database beside the target"
                    + " (dropped afterwards), up, down, compare the schema, up again. The target is never changed."
        })
final class VerifyCommand extends DatabaseCommand {

    @Option(
            names = "--from",
            paramLabel = "V",
            description = "Check the migrations from version V on; those before are only applied.")
    String from;

    @Option(
            names = "--pending",
            description = "Check only the migrations not applied to the target yet (before deploying them).")
    boolean pending;

    VerifyCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    void run(Cairn cairn, Output output) {
        if (from != null && pending) {
            throw new ConfigurationException("Give --from or --pending to verify, not both.");
        }
        output.verified(from != null ? cairn.verifyFrom(from) : pending ? cairn.verifyPending() : cairn.verify());
    }
}
