// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn make NAME}: writes a new, empty migration named with the current UTC time. */
@Command(name = "make", description = "Write a new, empty migration file, named with a timestamp.")
final class MakeCommand extends DatabaseCommand {

    // Several words are one name ("cairn make add users table"), so quoting is not needed.
    @Parameters(arity = "1..*", paramLabel = "NAME", description = "What the migration changes, such as create_users.")
    List<String> words;

    MakeCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    void run(Cairn cairn, Output output) {
        output.made(cairn.make(String.join(" ", words)));
    }
}
