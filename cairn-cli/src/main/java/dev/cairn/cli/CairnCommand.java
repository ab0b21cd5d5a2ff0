// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command, {@code cairn}: holds the global options (inherited by every subcommand, so they
 * work before or after its name) and {@code -h}/{@code -V}. Run without a subcommand it is a usage
 * error.
 */
@Command(
        name = "cairn",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Database schema migrations in batches, with rollbacks.",
        footer = {
            "",
            "Exit codes:",
            "  0  success",
            "  1  a migration, validation or verification failed, or a change was refused",
            "  2  usage or configuration error (also a --to that names nothing to stop at)",
            "  3  cannot connect, or the lock could not be had in time"
        })
final class CairnCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    CairnCommand(GlobalOptions options) {
        this.options = options;
    }

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: give one of "
                        + String.join(", ", spec.subcommands().keySet()) + ".");
    }
}
