// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state labels every front end shows (the CLI's status table, the Maven and Gradle plugins' logs). */
class StatusMigrationTest {

    @Test
    void eachStateHasItsLabelWithHowFarAStoppedSectionGot() {
        assertThat(migration(Status.State.APPLIED, null).stateLabel()).isEqualTo("applied");
        assertThat(migration(Status.State.PENDING, null).stateLabel()).isEqualTo("pending");
        assertThat(migration(Status.State.MISSING, null).stateLabel()).isEqualTo("MISSING FILE");
        assertThat(migration(Status.State.INCOMPLETE, new Status.Incomplete(Direction.UP, 3))
                        .stateLabel())
                .isEqualTo("INCOMPLETE: up stopped after 3 statements");
        assertThat(migration(Status.State.INCOMPLETE, new Status.Incomplete(Direction.DOWN, 1))
                        .stateLabel())
                .isEqualTo("INCOMPLETE: down stopped after 1 statement");
        assertThat(migration(Status.State.RUNNING, new Status.Incomplete(Direction.UP, 2))
                        .stateLabel())
                .isEqualTo("RUNNING: up, 2 statements done");
        assertThat(migration(Status.State.RUNNING, null).stateLabel()).isEqualTo("RUNNING");
    }

    private static Status.Migration migration(Status.State state, Status.Incomplete incomplete) {
        return new Status.Migration(
                "20260101000000_create_users",
                "20260101000000",
                "",
                state,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                Optional.empty(),
                Optional.ofNullable(incomplete));
    }
}
