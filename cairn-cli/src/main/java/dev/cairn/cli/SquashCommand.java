// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn squash --to V}: replaces every migration up to V by one migration whose up builds their
 * schema and whose down drops it, proven on scratch databases before any file is written.
 */
@Command(
        name = "squash",
        description = {
            "Replace every migration up to V by one whose up builds their schema and whose down drops it,"
                    + " proven on a scratch database before the file is written and the old ones deleted. Databases"
                    + " that applied the old migrations read the new one as applied."
        })
final class SquashCommand extends DatabaseCommand {

    @Option(
            names = "--to",
            required = true,
            paramLabel = "V",
            description = "The version (or full name) of the newest migration to replace.")
    String version;

    @Option(names = "--dry-run", description = "Prove the squashed migration and print it; write and delete nothing.")
    boolean dryRun;

    SquashCommand(Invocation invocation) {
        super(invocation);
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
