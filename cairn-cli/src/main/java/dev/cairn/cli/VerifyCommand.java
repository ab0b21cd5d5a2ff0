// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.VerifyOptions;
import dev.cairn.VerifyResult;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn verify [--from V | --pending]}: proves that each down undoes its up, on a scratch database. */
@Command(
        name = "verify",
        description = {
            "Prove that every migration's down undoes its up, on a scratch database beside the target (dropped"
                    + " afterwards): for each migration, up, down, compare the schema, up again. Every migration gets"
                    + " a verdict: reversible, equivalent, differs, down-failed, up-again-failed or irreversible."
                    + " The target is never changed."
        })
final class VerifyCommand extends DatabaseCommand {

    @Option(
            names = "--from",
            paramLabel = "V",
            description = "Check the migrations from version (or name) V on; those before are only applied.")
    String from;

    @Option(
            names = "--pending",
            description = "Check only the migrations not applied to the target yet (before deploying them).")
    boolean pending;

    @Option(
            names = "--round-trip",
            description = "Check the range as a whole: every up, every down newest first (the schema must come"
                    + " back), every up again (it must match the first ups). For changes split across migrations.")
    boolean roundTrip;

    @Option(
            names = "--strict",
            description = "Fail on an equivalent or irreversible verdict too: only an exact return passes.")
    boolean strict;

    VerifyCommand(Invocation invocation) {
        super(invocation);
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
