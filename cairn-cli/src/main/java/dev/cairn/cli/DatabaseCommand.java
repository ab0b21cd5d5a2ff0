// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import java.util.concurrent.Callable;

/**
 * A command that works on the configured database: it builds the {@link Cairn} from the global
 * options, calls one API method and hands the result to the output. Failures are exceptions, which
 * {@link Main} turns into messages and exit codes.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    private final Invocation invocation;

    DatabaseCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public final Integer call() {
        run(invocation.load(), invocation.output());
        return 0;
    }

    /** Calls one method of {@code cairn} and shows its result on {@code output}. */
    abstract void run(Cairn cairn, Output output);
}
