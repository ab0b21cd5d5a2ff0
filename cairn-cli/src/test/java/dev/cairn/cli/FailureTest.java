// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.Direction;
import dev.cairn.LockException;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationFileException;
import dev.cairn.ValidationException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exit codes of DESIGN.md, one per kind of failure. */
class FailureTest {

    @Test
    void configurationIsAUsageError() {
        assertThat(Failure.of(new ConfigurationException("bad")))
                .extracting(Failure::type, Failure::exitCode)
                .containsExactly("configuration", 2);
    }

    @Test
    void failedMigrationsFilesAndValidationExitWithOne() {
        assertThat(Failure.of(new MigrationFileException(Path.of("a.sql"), 3, "no marker")))
                .extracting(Failure::type, Failure::exitCode)
                .containsExactly("migration_file", 1);
        assertThat(Failure.of(new ValidationException("refused", List.of("x is irreversible"))))
                .extracting(Failure::type, Failure::exitCode)
                .containsExactly("validation", 1);
        MigrationFailedException failed = new MigrationFailedException(
                "1_a",
                Direction.UP,
                Path.of("1_a.sql"),
                2,
                1,
                "42P01",
                "no such table",
                List.of(),
                "Nothing was changed.",
                new SQLException("no such table"));
        assertThat(Failure.of(failed))
                .extracting(Failure::type, Failure::exitCode)
                .containsExactly("migration_failed", 1);
    }

    @Test
    void connectionAndLockExitWithThree() {
        assertThat(Failure.of(new ConnectionException("down", null)))
                .extracting(Failure::type, Failure::exitCode)
                .containsExactly("connection", 3);
        assertThat(Failure.of(LockException.heldBy("cairn_migrations", "held by pid 1", Duration.ofSeconds(1))))
                .extracting(Failure::type, Failure::exitCode)
                .containsExactly("lock", 3);
    }

    @Test
    void anythingElseIsAnInternalErrorThatPointsAtVerbose() {
        Failure failure = Failure.of(new IllegalStateException("boom"));
        assertThat(failure.exitCode()).isEqualTo(1);
        assertThat(failure.type()).isEqualTo("internal");
        assertThat(failure.message())
                .isEqualTo("internal error: java.lang.IllegalStateException: boom. This is a bug in Cairn: run the"
                        + " command again with -v for the stack trace, and report it with that.");
    }

    @Test
    void theMessageIsTheExceptionsOwn() {
        assertThat(Failure.of(new ConfigurationException("Environment 'x' is not in cairn.yml"))
                        .message())
                .isEqualTo("Environment 'x' is not in cairn.yml");
    }
}
