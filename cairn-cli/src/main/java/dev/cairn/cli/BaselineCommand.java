// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.parameter;

import dev.cairn.Cairn;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn baseline V}: adopts a database whose schema was made before Cairn, by recording every
 * migration up to V as applied, in one batch marked as a baseline, without running any.
 */
final class BaselineCommand extends DatabaseCommand {

    String version;

    BaselineCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                        this,
                        "baseline",
                        "Adopt a database whose schema was made without Cairn: record every migration up to V as"
                                + " applied (one batch, shown as baseline), running none. Refused when the tracking"
                                + " table has rows.")
                .addPositional(parameter(String.class, () -> version, value -> version = value)
                        .paramLabel("V")
                        .description("The version (or full name) of the newest migration the database already has.")
                        .build());
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.baselined(cairn.baseline(version));
    }
}
