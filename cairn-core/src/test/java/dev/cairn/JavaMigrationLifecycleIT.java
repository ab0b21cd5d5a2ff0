// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.javamigrations.given.V2__checksummed;
import dev.cairn.javamigrations.given.V2__welcome_users;
import dev.cairn.javamigrations.needsmailer.V2__send_welcome_mails;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Java migration between two SQL ones through everything a user does after the first migrate, on
 * every engine: each rollback form, a refusal for one without a down, the round-trip verify, a changed
 * checksum and its repair, a commit it must not make, instances given to the builder, and the dry run.
 */
class JavaMigrationLifecycleIT {

    private static final String PACKAGE = "classpath:dev/cairn/javamigrations/";

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase db;

    private Path migrations() throws IOException {
        Path directory = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(directory.resolve("1_create_users.sql"), """
                -- migrate:up
                CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL);
                -- migrate:down
                DROP TABLE users;
                """);
        Files.writeString(directory.resolve("3_create_posts.sql"), """
                -- migrate:up
                CREATE TABLE posts (id integer PRIMARY KEY, author integer);
                -- migrate:down
                DROP TABLE posts;
                """);
        return directory;
    }

    private Cairn cairn(String javaPackage) throws IOException {
        return TestCairn.configure(db, project)
                .locations("filesystem:" + migrations(), PACKAGE + javaPackage)
                .load();
    }

    private Cairn given(JavaMigration... java) throws IOException {
        return TestCairn.configure(db, migrations()).javaMigrations(java).load();
    }

    private List<String> emails() {
        return db.query("SELECT email FROM users ORDER BY id").stream()
                .map(row -> (String) row.get("email"))
                .toList();
    }

    private List<String> tracked() {
        return db.query("SELECT name FROM cairn_migrations ORDER BY id").stream()
                .map(row -> (String) row.get("name"))
                .toList();
    }

    private static List<String> names(RollbackResult result) {
        return result.reverted().stream().map(MigrationRun::name).toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aJavaMigrationWithoutDownIsRefusedByRollbackBeforeAnythingChanges(Engine engine) throws IOException {
        db = databases.create(engine);
        Cairn cairn = cairn("irreversible");
        cairn.migrate();

        ValidationException e = catchThrowableOfType(ValidationException.class, cairn::rollback);

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("Cannot ")
                .contains("1 migration cannot be undone. Nothing was changed.")
                .contains("2_add_admins_for_good: it is irreversible (class"
                        + " dev.cairn.javamigrations.irreversible.V2__add_admins_for_good does not override"
                        + " down(Connection))");
        assertThat(tracked()).containsExactly("1_create_users", "2_add_admins_for_good", "3_create_posts");
        assertThat(db.tableExists("posts")).isTrue();
        assertThat(emails()).containsExactly("admin@example.com");
        assertThat(catchThrowableOfType(ValidationException.class, cairn::rollbackAll))
                .isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> cairn.rollbackTo("1")))
                .isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> cairn.plan(Operation.rollback())))
                .isNotNull();
        assertThat(tracked()).containsExactly("1_create_users", "2_add_admins_for_good", "3_create_posts");
        assertThat(cairn.status().migrations())
                .filteredOn(m -> m.name().equals("2_add_admins_for_good"))
                .singleElement()
                .satisfies(m -> assertThat(m.reversible()).isFalse());

        // What does not reach it still rolls back.
        assertThat(names(cairn.rollbackTo("2"))).containsExactly("3_create_posts");
        assertThat(tracked()).containsExactly("1_create_users", "2_add_admins_for_good");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyRollbackFormUndoesAJavaMigration(Engine engine) throws IOException {
        db = databases.create(engine);
        Cairn cairn = cairn("ok");
        cairn.migrate();

        assertThat(names(cairn.rollbackTo("1"))).containsExactly("3_create_posts", "2_add_admins");
        assertThat(tracked()).containsExactly("1_create_users");
        assertThat(emails()).isEmpty();
        assertThat(db.tableExists("posts")).isFalse();

        assertThat(cairn.migrate().batch()).hasValue(2);
        assertThat(emails()).hasSize(3);
        assertThat(names(cairn.rollbackToBatch(1))).containsExactly("3_create_posts", "2_add_admins");
        assertThat(emails()).isEmpty();

        assertThat(cairn.up().applied()).extracting(MigrationRun::name).containsExactly("2_add_admins");
        assertThat(emails()).hasSize(3);
        assertThat(names(cairn.down())).containsExactly("2_add_admins");
        assertThat(emails()).isEmpty();
        assertThat(tracked()).containsExactly("1_create_users");

        cairn.migrate();
        assertThat(names(cairn.rollbackAll())).containsExactly("3_create_posts", "2_add_admins", "1_create_users");
        assertThat(db.tableExists("users")).isFalse();
        assertThat(tracked()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void verifyAsARoundTripRunsEveryJavaDownAndUpAgain(Engine engine) throws IOException {
        db = databases.create(engine);

        VerifyResult result = cairn("ok").verify(VerifyOptions.all().asRoundTrip());

        assertThat(result.passed(true)).as(result.toString()).isTrue();
        assertThat(result.roundTrip()).hasValueSatisfying(roundTrip -> {
            assertThat(roundTrip.migrations()).containsExactly("1_create_users", "2_add_admins", "3_create_posts");
            assertThat(roundTrip.failure()).isEmpty();
            assertThat(roundTrip.leftBehind()).isEmpty();
            assertThat(roundTrip.afterReUp()).isEmpty();
        });
        assertThat(db.tableExists("users")).isFalse(); // the target is never touched
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void verifyAsARoundTripStopsAtAJavaMigrationWithoutDown(Engine engine) throws IOException {
        db = databases.create(engine);

        VerifyResult result = cairn("irreversible").verify(VerifyOptions.all().asRoundTrip());

        assertThat(result.passed(false)).isFalse();
        assertThat(result.roundTrip())
                .hasValueSatisfying(roundTrip -> assertThat(roundTrip.failure())
                        .hasValueSatisfying(
                                failure -> assertThat(failure.migration()).isEqualTo("2_add_admins_for_good")));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aChangedChecksumIsReportedAsEditedAndRepairRecordsTheNewOne(Engine engine) throws IOException {
        db = databases.create(engine);
        given(new V2__checksummed("1")).migrate();
        String recorded = checksumOf("2_checksummed");
        assertThat(given(new V2__checksummed("1")).validate().problems()).isEmpty();

        Cairn edited = given(new V2__checksummed("2"));

        assertThat(edited.status().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.EDITED);
            assertThat(problem.migration()).isEqualTo("2_checksummed");
        });
        ValidateResult validated = edited.validate();
        assertThat(validated.isValid()).isFalse();
        assertThat(validated.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.EDITED);
            assertThat(problem.migration()).isEqualTo("2_checksummed");
        });
        ValidationException refused = catchThrowableOfType(ValidationException.class, edited::rollback);
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage())
                .contains("class dev.cairn.javamigrations.given.V2__checksummed: its checksum() changed after it was"
                        + " applied")
                .contains("`cairn repair`");

        RepairResult repaired = edited.repair();

        assertThat(repaired.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.migration()).isEqualTo("2_checksummed");
            assertThat(repair.kind()).isEqualTo(RepairResult.Kind.CHECKSUM);
        });
        assertThat(checksumOf("2_checksummed")).isNotEqualTo(recorded);
        assertThat(edited.validate().problems()).isEmpty();
        assertThat(edited.status().problems()).isEmpty();
        assertThat(given(new V2__checksummed("1")).validate().isValid()).isFalse();
        // The data is as the first release's up left it: repair records, it does not run anything.
        assertThat(emails()).containsExactly("release-1@example.com");
    }

    private String checksumOf(String name) {
        return String.valueOf(db.query("SELECT checksum FROM cairn_migrations WHERE name = ?", name)
                .get(0)
                .get("checksum"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aJavaMigrationThatCommitsFailsWithCairnsReason(Engine engine) throws IOException {
        db = databases.create(engine);

        MigrationFailedException e = catchThrowableOfType(
                MigrationFailedException.class, () -> cairn("commits").migrate());

        assertThat(e).isNotNull();
        assertThat(e.migration()).isEqualTo("2_commits_its_own_work");
        assertThat(e.getMessage())
                .contains("A Java migration must not call commit() on the connection Cairn gives it: it runs inside"
                        + " the batch's transaction, which Cairn commits with the migration's tracking row (or rolls"
                        + " back when it fails).");
        if (db.tableExists("users")) {
            assertThat(emails()).isEmpty(); // the refused commit committed nothing
            assertThat(tracked()).containsExactly("1_create_users");
        } else {
            assertThat(engine).isIn(Engine.POSTGRESQL, Engine.SQLITE);
            assertThat(db.tableExists("cairn_migrations")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void givenInstancesRunInOrderWithTheSqlMigrations(Engine engine) throws IOException {
        db = databases.create(engine);
        Cairn cairn = given(new V2__welcome_users(id -> "user" + id + "@example.com"));

        MigrateResult result = cairn.migrate();

        assertThat(result.applied())
                .extracting(MigrationRun::name)
                .containsExactly("1_create_users", "2_welcome_users", "3_create_posts");
        assertThat(result.applied()).extracting(MigrationRun::batch).containsOnly(1);
        assertThat(emails()).containsExactly("user1@example.com", "user2@example.com");
        assertThat(tracked()).containsExactly("1_create_users", "2_welcome_users", "3_create_posts");
        Status.Migration java = cairn.status().migrations().get(1);
        assertThat(java.name()).isEqualTo("2_welcome_users");
        assertThat(java.description()).isEqualTo("Welcome rows for the first users, addresses from the application.");
        assertThat(java.file()).contains(Path.of("dev/cairn/javamigrations/given/V2__welcome_users.class"));
        assertThat(java.reversible()).isTrue();

        assertThat(names(cairn.rollback())).containsExactly("3_create_posts", "2_welcome_users", "1_create_users");
        assertThat(db.tableExists("users")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theDryRunNamesTheJavaClassAndHasNoStatementsForIt(Engine engine) throws IOException {
        db = databases.create(engine);
        Cairn cairn = cairn("ok");

        Plan plan = cairn.plan(Operation.migrate());

        assertThat(plan.batch()).hasValue(1);
        assertThat(plan.migrations())
                .extracting(Plan.Migration::name)
                .containsExactly("1_create_users", "2_add_admins", "3_create_posts");
        Plan.Migration java = plan.migrations().get(1);
        assertThat(java.javaClass()).contains("dev.cairn.javamigrations.ok.V2__add_admins");
        assertThat(java.statements()).isEmpty();
        assertThat(java.direction()).isEqualTo(Direction.UP);
        assertThat(java.transactional()).isTrue();
        assertThat(java.file().getFileName()).hasToString("V2__add_admins.class");
        assertThat(plan.migrations().get(0).javaClass()).isEmpty();
        assertThat(plan.migrations().get(0).statements()).hasSize(1);
        assertThat(db.tableExists("cairn_migrations")).isFalse();
        assertThat(emailsIfAny()).isEmpty();

        cairn.migrate();
        Plan back = cairn.plan(Operation.rollbackTo("1"));
        assertThat(back.migrations())
                .extracting(Plan.Migration::name, Plan.Migration::direction, Plan.Migration::javaClass)
                .containsExactly(
                        tuple("3_create_posts", Direction.DOWN, Optional.empty()),
                        tuple(
                                "2_add_admins",
                                Direction.DOWN,
                                Optional.of("dev.cairn.javamigrations.ok.V2__add_admins")));
        assertThat(back.migrations().get(1).statements()).isEmpty();
        assertThat(emails()).hasSize(3); // the plan changed nothing
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAppliedJavaMigrationNoLongerGivenIsMissingAndBlocksItsRollback(Engine engine) throws IOException {
        db = databases.create(engine);
        given(new V2__welcome_users(id -> "user" + id + "@example.com")).migrate();

        Cairn without = given();
        Status status = without.status();

        assertThat(status.migrations())
                .filteredOn(m -> m.name().equals("2_welcome_users"))
                .singleElement()
                .satisfies(m -> assertThat(m.state()).isEqualTo(Status.State.MISSING));
        assertThat(status.problems())
                .extracting(Problem::kind, Problem::migration)
                .containsExactly(tuple(Problem.Kind.MISSING_FILE, "2_welcome_users"));
        ValidationException e = catchThrowableOfType(ValidationException.class, without::rollback);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("2_welcome_users");
        assertThat(tracked()).containsExactly("1_create_users", "2_welcome_users", "3_create_posts");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAppliedJavaMigrationThatAScanCannotMakeIsUnusableNotMissing(Engine engine) throws IOException {
        db = databases.create(engine);
        given(new V2__send_welcome_mails(() -> {})).migrate();

        Status status = cairn("needsmailer").status();

        assertThat(status.migrations()).extracting(Status.Migration::name).contains("2_send_welcome_mails");
        assertThat(status.migrations())
                .filteredOn(m -> m.name().equals("2_send_welcome_mails"))
                .singleElement()
                .satisfies(m -> assertThat(m.state()).isNotEqualTo(Status.State.MISSING));
        assertThat(status.problems())
                .extracting(Problem::kind, Problem::migration)
                .containsExactly(tuple(Problem.Kind.UNPARSEABLE, "V2__send_welcome_mails.class"));
        assertThat(status.problems().get(0).message())
                .contains("V2__send_welcome_mails has no public constructor without parameters");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void verifyGivesAJavaMigrationWithoutDownTheVerdictIrreversible(Engine engine) throws IOException {
        db = databases.create(engine);

        VerifyResult result = cairn("irreversible").verify();

        // Declared on purpose: it fails only a strict check.
        assertThat(result.passed(false)).as(result.toString()).isTrue();
        assertThat(result.passed(true)).isFalse();
        assertThat(result.migrations())
                .extracting(VerifyResult.Checked::name, VerifyResult.Checked::verdict)
                .containsExactly(
                        tuple("1_create_users", VerifyResult.Verdict.REVERSIBLE),
                        tuple("2_add_admins_for_good", VerifyResult.Verdict.IRREVERSIBLE),
                        tuple("3_create_posts", VerifyResult.Verdict.REVERSIBLE));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedJavaMigrationsReportSaysWhatStays(Engine engine) throws IOException {
        db = databases.create(engine);

        MigrationFailedException e = catchThrowableOfType(
                MigrationFailedException.class, () -> cairn("ddlthenfails").migrate());

        assertThat(e).isNotNull();
        assertThat(e.migration()).isEqualTo("2_creates_then_fails");
        assertThat(e.file().getFileName()).hasToString("V2__creates_then_fails.class");
        assertThat(e.line()).isZero();
        assertThat(e.getMessage()).contains("java.lang.IllegalStateException: the audit service is down");
        if (engine == Engine.POSTGRESQL || engine == Engine.SQLITE) {
            assertThat(e.getMessage())
                    .contains(
                            "The transaction was rolled back: the database is exactly as it was before this command.");
            assertThat(db.tableExists("audit")).isFalse();
            assertThat(db.tableExists("users")).isFalse();
        } else {
            // DDL commits as it runs here: the table stays, the message says so, and the row is rolled back.
            assertThat(e.getMessage())
                    .contains("2_creates_then_fails is still pending: the changes to data its code made were rolled"
                            + " back, but ")
                    .contains(" commits DDL as it runs, so DDL the code ran before it failed stays; check for it"
                            + " before running it again.");
            assertThat(db.tableExists("audit")).isTrue();
            assertThat(emails()).isEmpty();
            assertThat(tracked()).containsExactly("1_create_users");
        }
    }

    private List<String> emailsIfAny() {
        return db.tableExists("users") ? emails() : List.of();
    }
}
