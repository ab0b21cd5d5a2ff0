// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal;

import dev.cairn.MigrateResult;
import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.RollbackResult;
import dev.cairn.ServerInfo;
import dev.cairn.Status;
import java.nio.file.Path;

/** STUB: carries out each command. */
public final class Commands {

    private final Settings settings;

    /** Creates the commands for these settings. */
    public Commands(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public MigrateResult migrate(Operation operation) {
        throw new UnsupportedOperationException("not yet");
    }

    public RollbackResult rollback(Operation operation) {
        throw new UnsupportedOperationException("not yet");
    }

    public Plan plan(Operation operation) {
        throw new UnsupportedOperationException("not yet");
    }

    public Status status() {
        throw new UnsupportedOperationException("not yet");
    }

    public ServerInfo ping() {
        throw new UnsupportedOperationException("not yet");
    }

    public Path make(String name) {
        throw new UnsupportedOperationException("not yet");
    }
}
