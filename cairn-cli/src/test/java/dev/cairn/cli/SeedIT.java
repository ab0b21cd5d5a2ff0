// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code seed make} and {@code seed run} on every database, each in a fresh database. */
class SeedIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** The test's database, which each test makes first. */
    private TestDatabase database;

    private String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of("--url", database.url()));
        if (database.user() != null) {
            all.addAll(List.of("--user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            all.addAll(List.of("--password", database.password()));
        }
        return Stream.concat(all.stream(), Stream.of(command)).toArray(String[]::new);
    }

    private long count(String table) {
        return ((Number) database.query("SELECT count(*) AS n FROM " + table)
                        .get(0)
                        .get("n"))
                .longValue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seedsRunInNameOrderEachInATransactionAndAreNotTracked(Engine engine) throws IOException {
        database = databases.create(engine);
        Cli cli = new Cli(directory)
                .migration(
                        "20260101000000_create_users",
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE users (id integer PRIMARY KEY, name varchar(50) NOT NULL);",
                                "CREATE TABLE roles (id integer PRIMARY KEY, user_id integer NOT NULL);",
                                "-- migrate:down",
                                "DROP TABLE roles;",
                                "DROP TABLE users;",
                                ""));
        cli.run(args("migrate")).succeeds();

        assertThat(cli.run(args("seed", "make", "02", "roles")).succeeds().out())
                .contains("database/seeds/02_roles.sql");
        Path seeds = directory.resolve("database/seeds");
        // Name order decides: 02_roles needs the users that 01_users inserts.
        Files.writeString(
                seeds.resolve("02_roles.sql"),
                Files.readString(seeds.resolve("02_roles.sql"))
                        + "DELETE FROM roles;\nINSERT INTO roles (id, user_id) SELECT id, id FROM users;\n");
        Files.writeString(
                seeds.resolve("01_users.sql"),
                "DELETE FROM users;\nINSERT INTO users VALUES (1, 'Ada');\nINSERT INTO users VALUES (2, 'Bo');\n");

        Cli.Run run = cli.run(args("seed", "run")).succeeds();
        assertThat(run.out()).containsSubsequence("seed  01_users.sql", "seed  02_roles.sql", "Ran 2 seeds");
        assertThat(count("users")).isEqualTo(2);
        assertThat(count("roles")).isEqualTo(2);
        // Not tracked: running them again runs them again (these files are written to allow that).
        cli.run(args("seed", "run", "01_users")).succeeds();
        assertThat(count("users")).isEqualTo(2);
        assertThat(database.query("SELECT name FROM cairn_migrations")).hasSize(1);

        // A failing seed is rolled back whole; the ones before it stay.
        Files.writeString(
                seeds.resolve("03_broken.sql"),
                "INSERT INTO users VALUES (3, 'Cy');\nINSERT INTO no_such_table VALUES (1);\n");
        Cli.Run failed = cli.run(args("seed", "run")).exits(1);
        assertThat(failed.err()).contains("Seed 03_broken.sql failed at", "03_broken.sql:2", "rolled back");
        assertThat(count("users")).isEqualTo(2);
    }
}
