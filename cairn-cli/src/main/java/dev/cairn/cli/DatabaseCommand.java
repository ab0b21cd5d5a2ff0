// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.Fleet;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command that works on the configured database: it builds the {@link Cairn} from the global
 * options, calls one API method and hands the result to the output. Failures are exceptions, which
 * {@link Main} turns into messages and exit codes.
 */
abstract class DatabaseCommand implements Specs.Declared {

    /** This run's invocation: its options, streams and output, for the subclasses too. */
    final Invocation invocation;

    DatabaseCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    /** {@code --dry-run} of the commands that run migrations' statements. */
    static OptionSpec dryRunOption(Supplier<Boolean> get, Consumer<Boolean> set) {
        return Specs.flag(get, set, "--dry-run")
                .description("Print every statement that would run; change nothing.")
                .build();
    }

    /** {@code --allow-out-of-order} of the commands that apply pending migrations. */
    static OptionSpec outOfOrderOption(Supplier<Boolean> get, Consumer<Boolean> set) {
        return Specs.flag(get, set, "--allow-out-of-order")
                .description(
                        "Also apply pending migrations older than the newest applied one (merged from a" + " branch).")
                .build();
    }

    @Override
    public final Integer call() {
        Cairn cairn = invocation.load();
        Optional<Fleet> fleet = cairn.fleet();
        if (fleet.isPresent() && perTarget()) {
            return onFleet(invocation, fleet.get());
        }
        if (fleet.isEmpty()) {
            FleetRun.refuseOptions(invocation.options, cairn.environmentName());
        }
        run(cairn, invocation.output());
        return 0;
    }

    /** Runs the command on each target of {@code fleet}; the exit code. */
    int onFleet(Invocation invocation, Fleet fleet) {
        return FleetRun.run(invocation, fleet, this::run);
    }

    /**
     * Whether the command runs on each target of a fleet (it reads or changes the database); one that
     * works on the files, or once on a scratch database, runs once.
     */
    boolean perTarget() {
        return true;
    }

    /** Calls one method of {@code cairn} and shows its result on {@code output}. */
    abstract void run(Cairn cairn, Output output);
}
