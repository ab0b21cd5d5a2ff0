// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn baseline V}: adopts a database whose schema was made before Cairn, by recording every
 * migration up to V as applied, in one batch marked as a baseline, without running any.
 */
@Command(
        name = "baseline",
        description = {
            "Adopt a database whose schema was made without Cairn: record every migration up to V as applied"
                    + " (one batch, shown as baseline), running none. Refused when the tracking table has rows."
        })
final class BaselineCommand extends DatabaseCommand {

    @Parameters(
            paramLabel = "V",
            description = "The version (or full name) of the newest migration the database already has.")
    String version;

    BaselineCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.baselined(cairn.baseline(version));
    }
}
