// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;
import static dev.cairn.cli.Specs.parameters;

import dev.cairn.Cairn;
import dev.cairn.RepairOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn repair [NAME...] [--finished-by-hand | --forget] [--dry-run]}: makes the tracking table
 * agree with a fix made by hand, and only with what the user vouches for.
 */
final class RepairCommand extends DatabaseCommand {

    List<String> migrations = new ArrayList<>();
    boolean finishedByHand;
    boolean forget;
    boolean dryRun;

    RepairCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                        this,
                        "repair",
                        "Record fixes made by hand in the tracking table, and nothing else: an applied migration whose"
                                + " file was edited on purpose gets the new checksum; a migration that stopped"
                                + " part-way is recorded as applied (or undone) when you confirm with"
                                + " --finished-by-hand that you ran the rest; --forget takes named migrations out of"
                                + " the tracking table (a part-run up that you undid by hand, or one whose file is"
                                + " gone). What needs your word and lacks it is refused, and then nothing is changed.")
                .addPositional(parameters(String.class, "0..*", () -> migrations, value -> migrations = value)
                        .paramLabel("NAME")
                        .description("Migrations to repair, by name or version (default: every one that needs it).")
                        .build())
                .addOption(flag(() -> finishedByHand, value -> finishedByHand = value, "--finished-by-hand")
                        .description(
                                "Confirm that you ran by hand the statements Cairn did not complete of each part-run"
                                        + " migration chosen, so that it is recorded as applied (or, for a down,"
                                        + " undone).")
                        .build())
                .addOption(flag(() -> forget, value -> forget = value, "--forget")
                        .description("Take the named migrations out of the tracking table: what they made stays in the"
                                + " database, and a migration whose file is there is pending again.")
                        .build())
                .addOption(flag(() -> dryRun, value -> dryRun = value, "--dry-run")
                        .description("Print what would be recorded or forgotten; change nothing.")
                        .build());
    }

    @Override
    void run(Cairn cairn, Output output) {
        RepairOptions options = new RepairOptions(migrations, finishedByHand, forget, dryRun);
        output.repaired(cairn.repair(options));
    }
}
