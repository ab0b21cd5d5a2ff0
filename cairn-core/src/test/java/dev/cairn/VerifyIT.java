// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static dev.cairn.VerifyProject.differences;
import static dev.cairn.VerifyProject.verdicts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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

    private static final Pattern SCRATCH_NAME = Pattern.compile("cairn_verify_[0-9a-z]+");

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** The test's database, which each test that needs one makes first. */
    private TestDatabase db;

    private Cairn cairn() {
        return project().cairn();
    }

    private VerifyProject project() {
        return new VerifyProject(db, project);
    }

    private void migration(String name, String text) {
        project().migration(name, text);
    }

    private static String dropIndex(Engine engine, String index, String table) {
        return engine == Engine.MARIADB ? "DROP INDEX " + index + " ON " + table : "DROP INDEX " + index;
    }

    private static String upDown(String up, String down) {
        return "-- migrate:up\n" + up + "\n-- migrate:down\n" + down + "\n";
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReversibleSetPassesAndNeitherTheTargetNorTheScratchDatabaseRemains(Engine engine) {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        migration(
                "2_add_bio",
                upDown("ALTER TABLE users ADD COLUMN bio varchar(200);", "ALTER TABLE users DROP COLUMN bio;"));
        migration("3_archive", "-- migrate:up\nCREATE TABLE archive (id integer);\n");

        VerifyResult result = cairn.verify();

        assertThat(verdicts(result))
                .containsExactly("1_base reversible", "2_add_bio reversible", "3_archive irreversible");
        assertThat(result.passed(false)).isTrue();
        assertThat(result.passed(true))
                .as("--strict fails on an irreversible migration")
                .isFalse();
        assertThat(db.tables()).isEmpty();
        assertNoScratchLeft(engine, result.scratch());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyDownThatDoesNotRestoreTheSchemaGetsItsOwnVerdictInOneRun(Engine engine) {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        migration("2_forgotten_column", upDown("ALTER TABLE users ADD COLUMN extra integer;", ""));
        migration(
                "3_default_back_wrong",
                upDown(
                        "ALTER TABLE users DROP COLUMN nick;",
                        "ALTER TABLE users ADD COLUMN nick varchar(100) DEFAULT 'b';"));
        migration(
                "4_index_back_non_unique",
                upDown(dropIndex(engine, "users_email", "users") + ";", "CREATE INDEX users_email ON users (email);"));
        migration(
                "5_foreign_key_lost",
                upDown("DROP TABLE posts;", "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL);"));
        migration("6_noop_down", upDown("CREATE TABLE audit (id integer);", "SELECT 1;"));
        migration("7_good", upDown("CREATE TABLE tags (id integer PRIMARY KEY);", "DROP TABLE tags;"));

        VerifyResult result = cairn.verify();

        assertThat(verdicts(result))
                .containsExactly(
                        "1_base reversible",
                        "2_forgotten_column differs",
                        "3_default_back_wrong differs",
                        "4_index_back_non_unique differs",
                        "5_foreign_key_lost differs",
                        "6_noop_down differs",
                        "7_good reversible");
        // SQLite's table text (its definition) shows the column too; every database names the column.
        assertThat(differences(result, "2_forgotten_column"))
                .anySatisfy(line -> assertThat(line).startsWith("table users / column extra: added ("))
                .allSatisfy(line -> assertThat(line).startsWith("table users"));
        assertThat(differences(result, "3_default_back_wrong"))
                .anySatisfy(line -> assertThat(line).startsWith("table users / column nick: default "));
        assertThat(differences(result, "4_index_back_non_unique"))
                .anySatisfy(line -> assertThat(line).contains("users_email").contains("unique"));
        assertThat(differences(result, "5_foreign_key_lost"))
                .anySatisfy(line -> assertThat(line).startsWith("table posts / foreign key"));
        assertThat(differences(result, "6_noop_down")).singleElement(STRING).startsWith("table audit: added");
        assertThat(result.failing(false))
                .extracting(VerifyResult.Checked::name)
                .containsExactly(
                        "2_forgotten_column",
                        "3_default_back_wrong",
                        "4_index_back_non_unique",
                        "5_foreign_key_lost",
                        "6_noop_down");
        assertThatThrownBy(() -> result.requirePassed(false))
                .isInstanceOfSatisfying(
                        VerificationException.class,
                        e -> assertThat(e.migrations()).hasSize(5).first().isEqualTo("2_forgotten_column"))
                .hasMessageContaining("5 of 7 migrations are not proven: 2_forgotten_column (differs),"
                        + " 3_default_back_wrong (differs), 4_index_back_non_unique (differs) and 2 more.")
                .hasMessageContaining("The target database was not touched");
        assertThat(db.tables()).isEmpty();
        assertNoScratchLeft(engine, result.scratch());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aColumnTheDownReAddsLandsLastWhichIsEquivalentWithTheReasonShown(Engine engine) {
        db = databases.create(engine);
        project()
                .migration(
                        "1_profiles",
                        "CREATE TABLE profiles (id integer PRIMARY KEY, bio varchar(100), city varchar(50));",
                        "DROP TABLE profiles;")
                .migration(
                        "2_drop_bio",
                        "ALTER TABLE profiles DROP COLUMN bio;",
                        "ALTER TABLE profiles ADD COLUMN bio varchar(100);");

        VerifyResult result = cairn().verify();

        assertThat(verdicts(result)).containsExactly("1_profiles reversible", "2_drop_bio equivalent");
        // On SQLite, the table's text lists bio last as well, which is as harmless.
        assertThat(VerifyProject.checked(result, "2_drop_bio").differences())
                .allSatisfy(finding -> assertThat(finding.equivalent()).isTrue())
                .first()
                .satisfies(finding -> {
                    assertThat(finding.object()).isEqualTo("table profiles");
                    assertThat(finding.attribute()).isEqualTo("column order");
                    assertThat(finding.before()).isEqualTo("id, bio, city");
                    assertThat(finding.after()).isEqualTo("id, city, bio");
                    assertThat(finding.equivalentBecause())
                            .hasValueSatisfying(reason -> assertThat(reason)
                                    .startsWith(
                                            "column order only: bio came back last (id, city, bio instead of id, bio,"
                                                    + " city)"));
                });
        assertThat(result.passed(false)).isTrue();
        assertThat(result.passed(true))
                .as("--strict wants the schema back exactly")
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDownThatFailsIsReportedAndTheMigrationsAfterItAreStillChecked(Engine engine) {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        migration(
                "2_bad_down",
                upDown("CREATE TABLE audit (id integer PRIMARY KEY);", "DROP TABLE audit;\nDROP TABLE no_such_table;"));
        // Builds on 2's table: passes only if the scratch database is back to the state after 2's up.
        migration(
                "3_uses_audit",
                upDown("ALTER TABLE audit ADD COLUMN note varchar(20);", "ALTER TABLE audit DROP COLUMN note;"));

        VerifyResult result = cairn.verify();

        assertThat(verdicts(result))
                .containsExactly("1_base reversible", "2_bad_down down-failed", "3_uses_audit reversible");
        VerifyResult.StepFailure failure = result.migrations().get(1).failure().orElseThrow();
        assertThat(failure.step()).isEqualTo(VerifyResult.Step.DOWN);
        assertThat(failure.file().getFileName()).hasToString("2_bad_down.sql");
        assertThat(failure.line()).isEqualTo(5);
        assertThat(failure.message()).containsIgnoringCase("no_such_table");
        assertThat(result.passed(false)).isFalse();
        assertThat(db.tables()).isEmpty();
        assertNoScratchLeft(engine, result.scratch());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUpThatCannotRunAgainAfterItsDownIsUpAgainFailed(Engine engine) {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        // The down restores the schema but not the row, which the up cannot insert twice.
        migration(
                "2_seed_user",
                upDown(
                        "CREATE TABLE settings (id integer PRIMARY KEY);\n"
                                + "INSERT INTO users (id, email) VALUES (1, 'a@b.c');",
                        "DROP TABLE settings;"));
        migration("3_after", upDown("CREATE TABLE later (id integer);", "DROP TABLE later;"));

        VerifyResult result = cairn.verify();

        assertThat(verdicts(result))
                .containsExactly("1_base reversible", "2_seed_user up-again-failed", "3_after reversible");
        VerifyResult.StepFailure failure = result.migrations().get(1).failure().orElseThrow();
        assertThat(failure.step()).isEqualTo(VerifyResult.Step.UP_AGAIN);
        assertThat(failure.line()).isEqualTo(3);
        assertNoScratchLeft(engine, result.scratch());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void downsThatOnlyWorkTogetherFailOneByOneAndPassAsARoundTrip(Engine engine) {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        // One change numbered across three migrations; the first one's down undoes all three.
        migration(
                "2_group_a",
                upDown(
                        "CREATE TABLE orders (id integer PRIMARY KEY);",
                        "DROP TABLE order_lines;\nDROP TABLE invoices;\nDROP TABLE orders;"));
        migration("3_group_b", upDown("CREATE TABLE invoices (id integer PRIMARY KEY);", "SELECT 1;"));
        migration("4_group_c", upDown("CREATE TABLE order_lines (id integer PRIMARY KEY);", "SELECT 1;"));

        VerifyResult each = cairn.verify();
        VerifyResult roundTrip = cairn.verify(VerifyOptions.all().asRoundTrip());

        assertThat(verdicts(each))
                .containsExactly(
                        "1_base reversible", "2_group_a down-failed", "3_group_b differs", "4_group_c differs");
        assertThat(roundTrip.migrations()).isEmpty();
        VerifyResult.RoundTrip trip = roundTrip.roundTrip().orElseThrow();
        assertThat(trip.migrations()).containsExactly("1_base", "2_group_a", "3_group_b", "4_group_c");
        assertThat(trip.failure()).isEmpty();
        assertThat(trip.leftBehind()).isEmpty();
        assertThat(trip.afterReUp()).isEmpty();
        assertThat(roundTrip.passed(true)).isTrue();
        assertNoScratchLeft(engine, roundTrip.scratch());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRoundTripNamesWhatAFullRollbackLeavesBehindAndWhichMigrationMadeIt(Engine engine) {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        migration("2_audit", upDown("CREATE TABLE audit (id integer PRIMARY KEY);", "SELECT 1;"));
        migration(
                "3_bio",
                upDown("ALTER TABLE users ADD COLUMN bio varchar(200);", "ALTER TABLE users DROP COLUMN bio;"));

        VerifyResult result = cairn.verify(VerifyOptions.all().startingAt("2").asRoundTrip());

        assertThat(result.appliedFirst()).containsExactly("1_base");
        VerifyResult.RoundTrip trip = result.roundTrip().orElseThrow();
        assertThat(trip.migrations()).containsExactly("2_audit", "3_bio");
        assertThat(trip.leftBehind()).singleElement().satisfies(finding -> {
            assertThat(finding.object()).isEqualTo("table audit");
            assertThat(finding.migration()).contains("2_audit");
        });
        // Up again fails: the table the downs left is still there.
        assertThat(trip.failure())
                .hasValueSatisfying(failure -> assertThat(
                                failure.migration() + " " + failure.step().label())
                        .isEqualTo("2_audit up again"));
        assertThat(result.passed(false)).isFalse();
        assertThatThrownBy(() -> result.requirePassed(false))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("the round trip stopped at the up again of 2_audit");
        assertNoScratchLeft(engine, result.scratch());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRoundTripStopsAtAMigrationWithNoDown(Engine engine) {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        migration("2_backfill", "-- migrate:up\nCREATE TABLE archive (id integer);\n");
        migration("3_tags", upDown("CREATE TABLE tags (id integer);", "DROP TABLE tags;"));

        VerifyResult.RoundTrip trip =
                cairn.verify(VerifyOptions.all().asRoundTrip()).roundTrip().orElseThrow();

        assertThat(trip.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.migration()).isEqualTo("2_backfill");
            assertThat(failure.message()).contains("no down section").contains("--from");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pendingOnlyChecksWhatTheTargetHasNotAppliedAndLeavesTheTargetAsItWas(Engine engine) {
        db = databases.create(engine);
        Cairn cairn = cairn();
        migration("1_base", BASE);
        cairn.migrate();
        var tablesBefore = db.tables();
        migration("2_broken_down", "-- migrate:up\nALTER TABLE users ADD COLUMN extra integer;\n-- migrate:down\n");

        VerifyResult broken = cairn.verify(VerifyOptions.all().onlyPending());
        migration(
                "2_broken_down",
                upDown("ALTER TABLE users ADD COLUMN extra integer;", "ALTER TABLE users DROP COLUMN extra;"));
        VerifyResult fixed = cairn.verify(VerifyOptions.all().onlyPending());

        assertThat(verdicts(broken)).containsExactly("2_broken_down differs");
        assertThat(verdicts(fixed)).containsExactly("2_broken_down reversible");
        assertThat(fixed.appliedFirst()).containsExactly("1_base");
        assertThat(db.tables()).isEqualTo(tablesBefore);
        assertThat(db.columns("users")).doesNotContain("extra");
        assertThat(cairn.status().pending()).extracting(Status.Migration::name).containsExactly("2_broken_down");
    }

    @Test
    void fromAVersionThatNamesNoMigrationIsAnErrorNotAnEmptyPass() {
        migration("1_base", BASE);
        Cairn cairn = Cairn.configure()
                .url("jdbc:h2:mem:from")
                .migrationsDirectory(project.resolve("migrations"))
                .load();

        assertThatThrownBy(() -> cairn.verify(VerifyOptions.all().startingAt("20990101000000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Cannot verify from '20990101000000': no migration has that version or name, so"
                        + " nothing would be checked. Start from a version such as 1 (1_base), the one before.");
        assertThat(verdicts(cairn.verify(VerifyOptions.all().startingAt("1")))).containsExactly("1_base reversible");
        assertThat(verdicts(cairn.verify(VerifyOptions.all().startingAt("1_base"))))
                .containsExactly("1_base reversible");
    }

    @Test
    void theReadmeExampleChecksMigrationsOnAnInMemoryH2() {
        migration("1_base", BASE);

        VerifyResult result = Cairn.configure()
                .url("jdbc:h2:mem:readme")
                .migrationsDirectory(project.resolve("migrations"))
                .load()
                .verify();

        assertThat(verdicts(result)).containsExactly("1_base reversible");
    }

    /**
     * The scratch database this run made is gone. Only this one: other tests (and other runs on the same
     * server) may have scratch databases of their own at the same time.
     */
    private void assertNoScratchLeft(Engine engine, String scratchUrl) {
        Matcher name = SCRATCH_NAME.matcher(scratchUrl);
        assertThat(name.find()).as(scratchUrl).isTrue();
        switch (engine) {
            case POSTGRESQL, MARIADB ->
                assertThat(db.serverHasDatabase(name.group())).as(name.group()).isFalse();
            case SQLITE ->
                assertThat(Path.of(scratchUrl.substring("jdbc:sqlite:".length()))
                                .getParent())
                        .doesNotExist();
            default -> assertThat(scratchUrl).startsWith("jdbc:h2:mem:cairn_verify_");
        }
    }
}
