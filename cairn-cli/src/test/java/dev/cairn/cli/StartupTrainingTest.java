// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training behind the start-up cache trains what it says: every command it runs succeeds (a
 * failing one would leave the cache without the paths of the successful run, silently, since the
 * training prints nothing).
 */
class StartupTrainingTest {

    @TempDir
    Path directory;

    @Test
    void everyCommandOfTheTrainingSucceeds() throws Exception {
        assertThat(StartupTraining.train(directory, false)).isEmpty();
    }

    @Test
    void everyCommandOfTheTrainingForEveryDatabaseSucceeds() throws Exception {
        assertThat(StartupTraining.train(directory, true)).isEmpty();
    }
}
