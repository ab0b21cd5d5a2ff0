// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code verify} on every database: a reversible set passes; each kind of down that does not restore
 * the schema is caught, naming the migration and the object; the target is never touched and the
 * scratch database is gone afterwards.
 */
class VerifyIT {

    /** The schema every case starts from: two tables with a foreign key, an index and a view. */
    private static final String BASE = String.join(
            "\n",
            "-- migrate:up",
            "CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL, nick varchar(100) DEFAULT 'a');",
            "CREATE UNIQUE INDEX users_email ON users (email);",
            "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL,",
            "    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);",
            "CREATE VIEW user_emails AS SELECT id, email FROM users;",
            "-- migrate:down",
            "DROP VIEW user_emails;",
            "DROP TABLE posts;",
            "DROP TABLE users;",
            "");

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** The test's database, which each test that needs one makes first. */
    private TestDatabase db;

    private Cairn cairn() throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        Cairn.Builder builder = Cairn.configure().url(db.url()).migrationsDirectory(project.resolve("migrations"));
        if (db.user() != null) {
            builder.user(db.user());
        }
        if (db.password() != null && !db.password().isEmpty()) {
            builder.password(db.password());
        }
        return builder.load();
    }

    private void migration(String name, String text) throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        Files.writeString(project.resolve("migrations/" + name + ".sql"), text);
    }

    private static String dropIndex(Engine engine, String index, String table) {
        return engine == Engine.MARIADB ? "DROP INDEX " + index + " ON " + table : "DROP INDEX " + index;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReversibleSetPassesAndNeitherTheTargetNorTheScratchDatabaseRemains(Engine engine) throws IOException {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        migration(
                "2_add_bio",
                "-- migrate:up\nALTER TABLE users ADD COLUMN bio varchar(200);\n"
                        + "-- migrate:down\nALTER TABLE users DROP COLUMN bio;\n");
        migration("3_archive", "-- migrate:up\nCREATE TABLE archive (id integer);\n");

        VerifyResult result = cairn.verify();

        assertThat(result.migrations())
                .extracting(VerifyResult.Checked::outcome)
                .containsExactly(
                        VerifyResult.Outcome.REVERSIBLE,
                        VerifyResult.Outcome.REVERSIBLE,
                        VerifyResult.Outcome.IRREVERSIBLE);
        assertThat(db.tables()).isEmpty();
        assertNoScratchLeft(engine, result.scratch());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachDownThatDoesNotRestoreTheSchemaIsCaughtNamingTheMigrationAndTheObject(Engine engine) throws IOException {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        Map<String, String[]> cases = Map.of(
                "a forgotten column",
                        new String[] {
                            "ALTER TABLE users ADD COLUMN extra integer;", "", "table users / column extra: added"
                        },
                "a type that comes back different",
                        new String[] {
                            "ALTER TABLE users DROP COLUMN nick;",
                            "ALTER TABLE users ADD COLUMN nick text DEFAULT 'a';",
                            // Each database spells varchar its own way (character varying on PostgreSQL).
                            "table users / column nick: type "
                        },
                "a default that comes back different",
                        new String[] {
                            "ALTER TABLE users DROP COLUMN nick;",
                            "ALTER TABLE users ADD COLUMN nick varchar(100) DEFAULT 'b';",
                            "table users / column nick: default"
                        },
                "an index that comes back non-unique",
                        new String[] {
                            dropIndex(engine, "users_email", "users") + ";",
                            "CREATE INDEX users_email ON users (email);",
                            "users_email"
                        },
                "a foreign key not restored",
                        new String[] {
                            "DROP TABLE posts;",
                            "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL);",
                            "table posts / foreign key"
                        },
                "a view not restored", new String[] {"DROP VIEW user_emails;", "", "view user_emails: missing"});
        for (Map.Entry<String, String[]> scenario : cases.entrySet()) {
            String[] parts = scenario.getValue();
            migration("2_change", "-- migrate:up\n" + parts[0] + "\n-- migrate:down\n" + parts[1] + "\n");

            assertThatThrownBy(cairn::verify)
                    .as(scenario.getKey())
                    .isInstanceOfSatisfying(VerificationException.class, e -> {
                        assertThat(e.migration()).isEqualTo("2_change");
                        assertThat(e.differences())
                                .as(scenario.getKey())
                                .anySatisfy(difference -> assertThat(difference).contains(parts[2]));
                    })
                    .hasMessageContaining("2_change does not undo itself")
                    .hasMessageContaining("The target database was not touched");
        }
        assertThat(db.tables()).isEmpty();
        if (engine == Engine.POSTGRESQL || engine == Engine.MARIADB) {
            assertNoScratchLeft(engine, "");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pendingOnlyChecksWhatTheTargetHasNotAppliedAndLeavesTheTargetAsItWas(Engine engine) throws IOException {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        cairn.migrate();
        var tablesBefore = db.tables();
        migration("2_broken_down", "-- migrate:up\nALTER TABLE users ADD COLUMN extra integer;\n-- migrate:down\n");

        assertThatThrownBy(cairn::verifyPending)
                .isInstanceOfSatisfying(
                        VerificationException.class,
                        e -> assertThat(e.migration()).isEqualTo("2_broken_down"));
        migration(
                "2_broken_down",
                "-- migrate:up\nALTER TABLE users ADD COLUMN extra integer;\n"
                        + "-- migrate:down\nALTER TABLE users DROP COLUMN extra;\n");
        VerifyResult result = cairn.verifyPending();

        assertThat(result.migrations())
                .extracting(VerifyResult.Checked::outcome)
                .containsExactly(VerifyResult.Outcome.APPLIED, VerifyResult.Outcome.REVERSIBLE);
        assertThat(db.tables()).isEqualTo(tablesBefore);
        assertThat(db.columns("users")).doesNotContain("extra");
        assertThat(cairn.status().pending()).extracting(Status.Migration::name).containsExactly("2_broken_down");
    }

    @org.junit.jupiter.api.Test
    void theReadmeExampleChecksMigrationsOnAnInMemoryH2() throws IOException {
        migration("1_base", BASE);

        VerifyResult result = Cairn.configure()
                .url("jdbc:h2:mem:readme")
                .migrationsDirectory(project.resolve("migrations"))
                .load()
                .verify();

        assertThat(result.migrations())
                .extracting(VerifyResult.Checked::outcome)
                .containsExactly(VerifyResult.Outcome.REVERSIBLE);
    }

    private void assertNoScratchLeft(Engine engine, String scratchUrl) {
        switch (engine) {
            case POSTGRESQL ->
                assertThat(db.query("SELECT datname FROM pg_database WHERE datname LIKE 'cairn_verify_%'"))
                        .isEmpty();
            case MARIADB ->
                assertThat(db.query("SELECT schema_name FROM information_schema.schemata WHERE"
                                + " schema_name LIKE 'cairn_verify_%'"))
                        .isEmpty();
            case SQLITE ->
                assertThat(Path.of(scratchUrl.substring("jdbc:sqlite:".length())))
                        .doesNotExist();
            default -> assertThat(scratchUrl).startsWith("jdbc:h2:mem:cairn_verify_");
        }
    }
}
