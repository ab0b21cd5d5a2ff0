// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;
import static dev.cairn.cli.Specs.option;

import dev.cairn.Cairn;
import dev.cairn.VerifyOptions;
import dev.cairn.VerifyResult;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn verify [--from V | --pending]}: proves that each down undoes its up, on a scratch database. */
final class VerifyCommand extends DatabaseCommand {

    String from;
    boolean pending;
    boolean roundTrip;
    boolean strict;

    VerifyCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                        this,
                        "verify",
                        "Prove that every migration's down undoes its up, on a scratch database beside the target"
                                + " (dropped afterwards): for each migration, up, down, compare the schema, up again."
                                + " Every migration gets a verdict: reversible, equivalent, differs, down-failed,"
                                + " up-again-failed or irreversible. The target is never changed.")
                .addOption(option(String.class, () -> from, value -> from = value, "--from")
                        .paramLabel("V")
                        .description("Check the migrations from version (or name) V on; those before are only applied.")
                        .build())
                .addOption(flag(() -> pending, value -> pending = value, "--pending")
                        .description("Check only the migrations not applied to the target yet (before deploying them).")
                        .build())
                .addOption(flag(() -> roundTrip, value -> roundTrip = value, "--round-trip")
                        .description(
                                "Check the range as a whole: every up, every down newest first (the schema must come"
                                        + " back), every up again (it must match the first ups). For changes split"
                                        + " across migrations.")
                        .build())
                .addOption(flag(() -> strict, value -> strict = value, "--strict")
                        .description("Fail on an equivalent or irreversible verdict too: only an exact return passes.")
                        .build());
    }

    /** Once for a fleet: once, on a scratch database of its own. */
    @Override
    boolean perTarget() {
        return false;
    }

    @Override
    void run(Cairn cairn, Output output) {
        VerifyResult result = cairn.verify(new VerifyOptions(Optional.ofNullable(from), pending, roundTrip));
        output.verified(result, strict);
        result.requirePassed(strict);
    }
}
