// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn schema}: the target's schema, normalised, one object per line. */
final class SchemaCommand extends DatabaseCommand {

    SchemaCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                this,
                "schema",
                "Print the database's schema, normalised and sorted, one object per line (or --json), for review and"
                        + " diffs. Reads only.");
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.schema(cairn.schema());
    }
}
