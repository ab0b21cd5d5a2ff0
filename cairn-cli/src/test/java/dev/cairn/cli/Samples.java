// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Direction;
import dev.cairn.MigrationRun;
import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.Problem;
import dev.cairn.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Result values as the core would return them, to test the outputs without a database. */
final class Samples {

    static final String USERS = "20261124153000_create_users";
    static final String EMAIL = "20261124153100_add_email_index";

    private Samples() {}

    static Plan.Migration planned(
            Path directory, String name, Direction direction, boolean transactional, Plan.Statement... statements) {
        return new Plan.Migration(
                name,
                name.substring(0, 14),
                direction,
                directory.resolve("database/migrations/" + name + ".sql"),
                transactional,
                List.of(statements),
                0);
    }

    static Plan migratePlan(Path directory) {
        return new Plan(
                Operation.migrate(),
                OptionalInt.of(3),
                List.of(
                        planned(
                                directory,
                                USERS,
                                Direction.UP,
                                true,
                                new Plan.Statement("CREATE TABLE users (id bigint PRIMARY KEY)", 2),
                                new Plan.Statement("INSERT INTO users VALUES (1) -- the first", 3)),
                        planned(
                                directory,
                                EMAIL,
                                Direction.UP,
                                false,
                                new Plan.Statement("CREATE INDEX CONCURRENTLY users_email ON users (email)", 2))));
    }

    static MigrationRun run(String name, Direction direction, int batch, long millis) {
        return new MigrationRun(name, name.substring(0, 14), direction, batch, Duration.ofMillis(millis));
    }

    static Status status(Path directory) {
        return new Status(
                Optional.of("20261124153000"),
                1,
                List.of(
                        new Status.Migration(
                                USERS,
                                "20261124153000",
                                "Creates users.\nBreaking: drops nothing.",
                                Status.State.APPLIED,
                                Optional.of(1),
                                Optional.of(Instant.parse("2026-11-24T15:31:02Z")),
                                Optional.of(Duration.ofMillis(12)),
                                false,
                                Optional.of(directory.resolve("database/migrations/" + USERS + ".sql")),
                                Optional.empty()),
                        new Status.Migration(
                                "20261120000000_gone",
                                "20261120000000",
                                "",
                                Status.State.MISSING,
                                Optional.of(1),
                                Optional.of(Instant.parse("2026-11-24T15:31:02Z")),
                                Optional.of(Duration.ofMillis(3)),
                                false,
                                Optional.empty(),
                                Optional.empty()),
                        new Status.Migration(
                                EMAIL,
                                "20261124153100",
                                "",
                                Status.State.PENDING,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                true,
                                Optional.of(directory.resolve("database/migrations/" + EMAIL + ".sql")),
                                Optional.empty())),
                List.of(new Problem(
                        Problem.Kind.MISSING_FILE,
                        "20261120000000_gone",
                        "20261120000000_gone is applied but its file is gone.")));
    }
}
