// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;
import static dev.cairn.cli.Specs.option;

import dev.cairn.Cairn;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn squash --to V}: replaces every migration up to V by one migration whose up builds their
 * schema and whose down drops it, proven on scratch databases before any file is written.
 */
final class SquashCommand extends DatabaseCommand {

    String version;
    boolean dryRun;

    SquashCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                        this,
                        "squash",
                        "Replace every migration up to V by one whose up builds their schema and whose down drops it,"
                                + " proven on a scratch database before the file is written and the old ones deleted."
                                + " Databases that applied the old migrations read the new one as applied.")
                .addOption(option(String.class, () -> version, value -> version = value, "--to")
                        .paramLabel("V")
                        .required(true)
                        .description("The version (or full name) of the newest migration to replace.")
                        .build())
                .addOption(flag(() -> dryRun, value -> dryRun = value, "--dry-run")
                        .description("Prove the squashed migration and print it; write and delete nothing.")
                        .build());
    }

    /** Once for a fleet: it works on the files, on a scratch database. */
    @Override
    boolean perTarget() {
        return false;
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.squashed(cairn.squash(version, dryRun));
    }
}
