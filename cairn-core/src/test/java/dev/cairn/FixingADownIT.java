// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checksum model on every engine: an applied migration's up section is what the tracking table
 * vouches for, its down section may be fixed after it failed (a notice, not a refusal), formatting and
 * comments are no edit, a changed up still refuses, and a tracking table of an earlier version (one
 * whole-file checksum per row, no {@code down_checksum} column) keeps working and is brought up to date
 * by the next command that writes.
 */
class FixingADownIT {

    private static final String NAME = "1_create_users";
    private static final String UP = "CREATE TABLE users (id integer PRIMARY KEY, email varchar(100));";
    private static final String BROKEN_DOWN = "DROP TABLE no_such_table;";
    private static final String DOWN = "DROP TABLE users;";

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase db;

    private Cairn cairn() {
        return TestCairn.configure(db, migrations()).load();
    }

    private Path migrations() {
        return project.resolve("migrations");
    }

    private Path write(String name, String up, String down) throws IOException {
        Files.createDirectories(migrations());
        Path file = migrations().resolve(name + ".sql");
        Files.writeString(file, "-- migrate:up\n" + up + "\n-- migrate:down\n" + down + "\n");
        return file;
    }

    /** Each tracking row as name@batch/algorithm, with "+down" when it records a down checksum. */
    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row : db.query("SELECT * FROM cairn_migrations ORDER BY id")) {
            rows.add(row.get("name") + "@" + ((Number) row.get("batch")).intValue() + "/"
                    + ((Number) row.get("checksum_algorithm")).intValue()
                    + (row.get("down_checksum") == null ? "" : "+down"));
        }
        return rows;
    }

    private List<String> userTables() {
        return db.tables().stream()
                .filter(table -> !table.startsWith("cairn_migrations"))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDownThatFailedCanBeFixedAndThenRollsBack(Engine engine) throws IOException {
        db = databases.create(engine);
        write(NAME, UP, BROKEN_DOWN);
        cairn().migrate();
        assertThat(rows()).containsExactly(NAME + "@1/2+down");

        assertThatThrownBy(() -> cairn().rollback())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Fix the statement and run the command again.");
        assertThat(rows()).containsExactly(NAME + "@1/2+down");
        assertThat(userTables()).containsExactly("users");

        write(NAME, UP, DOWN);
        Status status = cairn().status();
        assertThat(status.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.DOWN_CHANGED);
            assertThat(problem.isNotice()).isTrue();
            assertThat(problem.message())
                    .isEqualTo(NAME + ": its down section (in " + NAME + ".sql) was changed after it was"
                            + " applied; a rollback runs it as it is now. Prove that it undoes the up section"
                            + " with `cairn verify --from " + NAME + "`");
        });
        ValidateResult validated = cairn().validate();
        assertThat(validated.isValid()).isTrue();
        assertThat(validated.notices()).extracting(Problem::migration).containsExactly(NAME);

        RollbackResult result = cairn().rollback();

        assertThat(result.reverted()).extracting(MigrationRun::name).containsExactly(NAME);
        assertThat(rows()).isEmpty();
        assertThat(userTables()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPairedMigrationsDownFileCanBeFixedTheSameWay(Engine engine) throws IOException {
        db = databases.create(engine);
        Files.createDirectories(migrations());
        Files.writeString(migrations().resolve(NAME + ".up.sql"), UP + "\n");
        Path down = Files.writeString(migrations().resolve(NAME + ".down.sql"), BROKEN_DOWN + "\n");
        cairn().migrate();
        assertThatThrownBy(() -> cairn().rollback()).isInstanceOf(MigrationFailedException.class);

        Files.writeString(down, DOWN + "\n");
        assertThat(cairn().status().problems())
                .extracting(Problem::kind, Problem::message)
                .singleElement()
                .satisfies(problem -> assertThat(problem.toList())
                        .containsExactly(
                                Problem.Kind.DOWN_CHANGED,
                                NAME + ": its down section (in " + NAME + ".down.sql) was changed after it was"
                                        + " applied; a rollback runs it as it is now. Prove that it undoes the up"
                                        + " section with `cairn verify --from " + NAME + "`"));
        cairn().rollback();

        assertThat(rows()).isEmpty();
        assertThat(userTables()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reformattingAndCommentingAFileIsNoEdit(Engine engine) throws IOException {
        db = databases.create(engine);
        write(NAME, UP, DOWN);
        cairn().migrate();

        Files.writeString(migrations().resolve(NAME + ".sql"), """
                -- Users, reformatted by a formatter, with comments.
                -- migrate:up
                CREATE TABLE users (
                    id    integer PRIMARY KEY, -- the key
                    email varchar(100)         /* may be null */
                );
                -- migrate:down
                DROP TABLE   users ;  -- all of it
                """);
        write("2_create_posts", "CREATE TABLE posts (id integer PRIMARY KEY);", "DROP TABLE posts;");

        assertThat(cairn().status().problems()).isEmpty();
        assertThat(cairn().validate().problems()).isEmpty();
        cairn().migrate();
        assertThat(rows()).containsExactly(NAME + "@1/2+down", "2_create_posts@2/2+down");
        cairn().rollbackAll();
        assertThat(rows()).isEmpty();
        assertThat(userTables()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEditedUpSectionStillRefusesNamingTheFile(Engine engine) throws IOException {
        db = databases.create(engine);
        write(NAME, UP, DOWN);
        cairn().migrate();

        write(NAME, UP.replace("varchar(100)", "varchar(200)"), DOWN);
        write("2_create_posts", "CREATE TABLE posts (id integer PRIMARY KEY);", "DROP TABLE posts;");
        String problem = NAME + ".sql: the up section was changed after it was applied (more than comments or"
                + " whitespace); revert that edit and write a new migration instead (a change to the down section"
                + " alone is allowed), or, if the edit is deliberate and reviewed, run `cairn repair` to record it";

        assertThatThrownBy(() -> cairn().migrate())
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsExactly(problem));
        assertThatThrownBy(() -> cairn().rollback())
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsExactly(problem));
        assertThat(cairn().status().problems())
                .extracting(Problem::kind, Problem::message)
                .containsExactly(tuple(Problem.Kind.EDITED, problem));
        assertThat(cairn().validate().isValid()).isFalse();
        assertThat(rows()).containsExactly(NAME + "@1/2+down");
        assertThat(userTables()).containsExactly("users");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTrackingTableOfAnEarlierVersionKeepsWorkingAndTheNextWriteBringsItUpToDate(Engine engine) throws IOException {
        db = databases.create(engine);
        Path file = write(NAME, UP, BROKEN_DOWN);
        String applied = Files.readString(file);
        db.execute(UP.replace(";", ""));
        makeVersion1Table(engine, wholeFileChecksum(applied));
        write("2_create_posts", "CREATE TABLE posts (id integer PRIMARY KEY);", "DROP TABLE posts;");

        // Read-only commands read it as it is, and change nothing.
        Status status = cairn().status();
        assertThat(status.applied()).extracting(Status.Migration::name).containsExactly(NAME);
        assertThat(status.problems()).isEmpty();
        assertThat(cairn().validate().isValid()).isTrue();
        assertThat(db.columns("cairn_migrations")).doesNotContain("down_checksum");

        // With one checksum for the whole file, a fixed down cannot be told from any other edit.
        write(NAME, UP, DOWN);
        String advice = NAME + ".sql was changed after it was applied. Its tracking row was written by an"
                + " earlier Cairn, which checksummed the whole file, so it cannot tell whether only the down section"
                + " changed. To fix the down section: put the file back as it was applied, run `cairn migrate --to "
                + NAME + "` (it applies nothing newer, and records each section's checksum), then make your change"
                + " to the down section again. To change the up section, put it back and write a new migration"
                + " instead; if the edit is deliberate and reviewed, run `cairn repair` to record it";
        assertThat(cairn().status().problems())
                .extracting(Problem::kind, Problem::message)
                .containsExactly(tuple(Problem.Kind.EDITED, advice));
        assertThatThrownBy(() -> cairn().rollback())
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).containsExactly(advice));
        assertThat(rows()).containsExactly(NAME + "@1/1");

        // The advice, followed: the file as applied, then migrate --to, which applies nothing newer.
        Files.writeString(file, applied);
        assertThat(cairn().migrate(NAME).applied()).isEmpty();
        assertThat(db.columns("cairn_migrations")).contains("down_checksum");
        assertThat(rows()).containsExactly(NAME + "@1/2+down");
        assertThat(userTables()).containsExactly("users");

        write(NAME, UP, DOWN);
        assertThat(cairn().status().problems()).extracting(Problem::kind).containsExactly(Problem.Kind.DOWN_CHANGED);
        cairn().rollback();
        assertThat(rows()).isEmpty();
        assertThat(userTables()).isEmpty();
    }

    /**
     * Adding the column needs a user who may alter the table, where reading and writing rows did not:
     * read-only commands go on working, and the write command says what it was doing and who may.
     */
    @Test
    void aUserWhoMayNotAlterAnEarlierTrackingTableIsToldWhoMay() throws IOException {
        db = databases.create(Engine.POSTGRESQL);
        Path file = write(NAME, UP, DOWN);
        db.execute(UP.replace(";", ""));
        makeVersion1Table(Engine.POSTGRESQL, wholeFileChecksum(Files.readString(file)));
        String role = db.name() + "_writer";
        db.execute("CREATE ROLE " + role + " LOGIN");
        try {
            db.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON cairn_migrations TO " + role);
            Cairn asWriter = Cairn.configure()
                    .url(db.url())
                    .user(role)
                    .migrationsDirectory(migrations())
                    .load();

            assertThat(asWriter.status().applied())
                    .extracting(Status.Migration::name)
                    .containsExactly(NAME);
            assertThatThrownBy(asWriter::migrate)
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("failed while adding the columns that an earlier version of Cairn did not"
                            + " make (down_checksum, origin) to the tracking table cairn_migrations: ERROR: must be"
                            + " owner of table cairn_migrations")
                    .hasMessageContaining("Run this command once as a user who may alter that table (its owner); the"
                            + " columns are added once, and later commands need only read and write the table.");
            assertThat(db.columns("cairn_migrations")).doesNotContain("down_checksum", "origin");

            cairn().migrate();
            assertThat(asWriter.migrate().applied()).isEmpty();
            assertThat(rows()).containsExactly(NAME + "@1/2+down");
        } finally {
            db.execute("DROP OWNED BY " + role);
            db.execute("DROP ROLE " + role);
        }
    }

    /** The tracking table as Cairn made it before checksum algorithm 2, with {@code 1_create_users} applied. */
    private void makeVersion1Table(Engine engine, String checksum) {
        String timestamp;
        String appliedAt;
        switch (engine) {
            case SQLITE -> {
                timestamp = "text";
                appliedAt = "'2026-01-02T03:04:05.006Z'";
            }
            case MARIADB -> {
                timestamp = "datetime(3)";
                appliedAt = "'2026-01-02 03:04:05.006'";
            }
            default -> {
                timestamp = "timestamp with time zone";
                appliedAt = "TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05.006+00:00'";
            }
        }
        db.execute("CREATE TABLE cairn_migrations (id integer NOT NULL PRIMARY KEY, version varchar(255) NOT NULL,"
                + " name varchar(255) NOT NULL UNIQUE, batch integer NOT NULL, checksum varchar(64) NOT NULL,"
                + " checksum_algorithm integer NOT NULL, applied_at " + timestamp + " NOT NULL, execution_ms bigint"
                + " NOT NULL, incomplete varchar(4), statements_run integer, statements_checksum varchar(64))");
        db.execute("INSERT INTO cairn_migrations (id, version, name, batch, checksum, checksum_algorithm, applied_at,"
                + " execution_ms) VALUES (1, '1', '" + NAME + "', 1, '" + checksum + "', 1, " + appliedAt + ", 5)");
    }

    /** Checksum algorithm 1, as earlier versions computed it: SHA-256 of the file (LF, no BOM). */
    private static String wholeFileChecksum(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
