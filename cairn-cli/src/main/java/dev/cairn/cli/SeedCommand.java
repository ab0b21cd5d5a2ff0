// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn seed make NAME | seed run [NAME…]}: data files, run in name order and not tracked. */
@Command(name = "seed", description = "Seed data: SQL files in the seeds directory, run in name order, not tracked.")
final class SeedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: give `seed make NAME` or `seed run`.");
    }

    /** {@code cairn seed make NAME}. */
    @Command(name = "make", description = "Write a new seed file NAME.sql in the seeds directory.")
    static final class Make extends DatabaseCommand {

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "The seed's name, such as 01_users.")
        List<String> words;

        Make(Invocation invocation) {
            super(invocation);
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
    @Command(name = "run", description = "Run the seed files (or those named), in name order, each in a transaction.")
    static final class Run extends DatabaseCommand {

        @Parameters(arity = "0..*", paramLabel = "NAME", description = "Seed files to run (default: all).")
        List<String> names = List.of();

        Run(Invocation invocation) {
            super(invocation);
        }

        @Override
        void run(Cairn cairn, Output output) {
            output.seeded(cairn.seedRun(names));
        }
    }
}
