// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.parameters;

import dev.cairn.Cairn;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code cairn seed make NAME | seed run [NAME…]}: data files, run in name order and not tracked. */
final class SeedCommand implements Specs.Declared {

    private final CommandSpec spec =
            Specs.command(this, "seed", "Seed data: SQL files in the seeds directory, run in name order, not tracked.");

    /** The command alone; {@link Main} adds its two subcommands. */
    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: give `seed make NAME` or `seed run`.");
    }

    /** {@code cairn seed make NAME}. */
    static final class Make extends DatabaseCommand {

        List<String> words;

        Make(Invocation invocation) {
            super(invocation);
        }

        @Override
        public CommandSpec spec() {
            return Specs.command(this, "make", "Write a new seed file NAME.sql in the seeds directory.")
                    .addPositional(parameters(String.class, "1..*", () -> words, value -> words = value)
                            .paramLabel("NAME")
                            .description("The seed's name, such as 01_users.")
                            .build());
        }

        /** Once for a fleet: it writes a file. */
        @Override
        boolean perTarget() {
            return false;
        }

        @Override
        void run(Cairn cairn, Output output) {
            output.made(cairn.seedMake(String.join(" ", words)));
        }
    }

    /** {@code cairn seed run [NAME…]}. */
    static final class Run extends DatabaseCommand {

        List<String> names = List.of();

        Run(Invocation invocation) {
            super(invocation);
        }

        @Override
        public CommandSpec spec() {
            return Specs.command(
                            this, "run", "Run the seed files (or those named), in name order, each in a transaction.")
                    .addPositional(parameters(String.class, "0..*", () -> names, value -> names = value)
                            .paramLabel("NAME")
                            .description("Seed files to run (default: all).")
                            .build());
        }

        @Override
        void run(Cairn cairn, Output output) {
            output.seeded(cairn.seedRun(names));
        }
    }
}
