// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn unlock} on SQLite: free, never created, or held by a live runner that it names. */
class UnlockCommandTest {

    @TempDir
    Path directory;

    @Test
    void saysTheLockIsFreeOrThatThereIsNoDatabaseYetAndCreatesNothing() {
        Cli cli = Project.create(directory);

        assertThat(cli.run("unlock").succeeds().out()).startsWith("Nothing to unlock: the database");
        assertThat(cli.database().exists()).isFalse();

        cli.run("migrate").succeeds();
        assertThat(cli.run("unlock").succeeds().out()).contains("is free: nothing was left behind");
        assertThat(cli.run("unlock", "--json").succeeds().json().get("message").asText())
                .contains("is free");
    }

    @Test
    void namesTheLiveRunnerThatHoldsTheLockAndExits3() throws Exception {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();
        Path lockFile = directory.resolve("dev.sqlite3.cairn_migrations.lock");

        try (FileChannel holder = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock held = holder.lock()) {
            assertThat(held.isValid()).isTrue();
            holder.truncate(0);
            holder.write(ByteBuffer.wrap(
                    "pid 777 on ci-runner-3, since 2026-11-24T06:00:00Z\n".getBytes(StandardCharsets.UTF_8)));

            Cli.Run run = cli.run("unlock").exits(3);

            assertThat(run.err())
                    .contains(
                            "held by pid 777 on ci-runner-3",
                            "It is still alive",
                            "Wait for it to finish, or end that process (kill 777 on ci-runner-3).")
                    .doesNotContain("pg_terminate_backend");
        }
        assertThat(cli.run("unlock").succeeds().out()).contains("is free");
    }
}
