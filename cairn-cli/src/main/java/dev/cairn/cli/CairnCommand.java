// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The top command, {@code cairn}: holds the global options (inherited by every subcommand, so they
 * work before or after its name) and {@code -h}/{@code -V}. Run without a subcommand it is a usage
 * error.
 */
final class CairnCommand implements Callable<Integer> {

    private final CommandSpec spec;

    CairnCommand(GlobalOptions options) {
        spec = Specs.command(this, "cairn", "Database schema migrations in batches, with rollbacks.")
                .versionProvider(new Version())
                // The usage settings, the footer and the version go to every subcommand, as the options do.
                .scopeType(ScopeType.INHERIT);
        spec.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .footer(
                        "",
                        "Exit codes:",
                        "  0  success",
                        "  1  a migration, validation or verification failed, or a change was refused",
                        "  2  usage or configuration error (also a --to that names nothing to stop at)",
                        "  3  cannot connect, or the lock could not be had in time");
        options.addTo(spec);
        Specs.addHelpOptions(spec);
    }

    /** The command with its options, to which {@link Main} adds the subcommands. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: give one of "
                        + String.join(", ", spec.subcommands().keySet()) + ".");
    }
}
