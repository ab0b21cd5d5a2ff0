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
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Adopting a database whose schema was made without Cairn: {@code baseline} records the migrations
 * it already has as applied, running none; {@code migrate} then applies only what is newer, and a
 * rollback stops at the baseline unless told to go into it.
 */
class BaselineIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Path migrations() throws IOException {
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(
                dir.resolve("1_users.sql"),
                "-- migrate:up\nCREATE TABLE users (id integer PRIMARY KEY, email varchar(100));\n"
                        + "-- migrate:down\nDROP TABLE users;\n");
        Files.writeString(
                dir.resolve("2_posts.sql"),
                "-- migrate:up\nCREATE TABLE posts (id integer PRIMARY KEY, title varchar(100));\n"
                        + "-- migrate:down\nDROP TABLE posts;\n");
        Files.writeString(
                dir.resolve("3_comments.sql"),
                "-- migrate:up\nCREATE TABLE comments (id integer PRIMARY KEY, body varchar(100));\n"
                        + "-- migrate:down\nDROP TABLE comments;\n");
        return dir;
    }

    /** The database as another tool left it: the schema of the first two migrations, made by hand. */
    private static TestDatabase existing(TestDatabase db) {
        db.execute("CREATE TABLE users (id integer PRIMARY KEY, email varchar(100))");
        db.execute("CREATE TABLE posts (id integer PRIMARY KEY, title varchar(100))");
        db.execute("INSERT INTO users VALUES (1, 'kept@example.com')");
        return db;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBaselinedDatabaseMigratesOnlyWhatIsNewerAndARollbackStopsAtTheBaseline(Engine engine) throws IOException {
        TestDatabase db = existing(databases.create(engine));
        Cairn cairn = TestCairn.configure(db, migrations()).load();

        BaselineResult baseline = cairn.baseline("2");

        assertThat(baseline.version()).isEqualTo("2");
        assertThat(baseline.batch()).isEqualTo(1);
        assertThat(baseline.migrations()).containsExactly("1_users", "2_posts");
        assertThat(TestCairn.tracked(db)).containsExactly("1_users@1:baseline", "2_posts@1:baseline");
        assertThat(db.query("SELECT email FROM users")).hasSize(1); // nothing ran
        assertThat(cairn.status().migrations())
                .extracting(m -> m.name() + " " + m.stateLabel())
                .containsExactly("1_users baseline", "2_posts baseline", "3_comments pending");
        assertThat(cairn.status().applied()).hasSize(2);
        assertThat(cairn.validate().problems()).isEmpty();

        MigrateResult migrated = cairn.migrate();
        assertThat(migrated.applied()).extracting(MigrationRun::name).containsExactly("3_comments");
        assertThat(TestCairn.tracked(db))
                .containsExactly("1_users@1:baseline", "2_posts@1:baseline", "3_comments@2:null");
        assertThat(db.tableExists("comments")).isTrue();

        assertThat(cairn.rollback().reverted()).extracting(MigrationRun::name).containsExactly("3_comments");
        assertThatThrownBy(cairn::rollback)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Cannot rollback: 2 migrations cannot be undone. Nothing was changed.")
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .contains("2_posts: it was recorded by `cairn baseline` (batch 1), so it never ran here and"
                                + " its down was never proven on this database; roll back only what ran after the"
                                + " baseline, or add --into-baseline to run its down anyway"));
        assertThatThrownBy(cairn::rollbackAll).isInstanceOf(ValidationException.class);
        assertThat(TestCairn.tracked(db)).containsExactly("1_users@1:baseline", "2_posts@1:baseline");
        assertThat(db.tableExists("users")).isTrue();

        RollbackResult into = cairn.rollback(Operation.rollback().intoBaseline());
        assertThat(into.reverted()).extracting(MigrationRun::name).containsExactly("2_posts", "1_users");
        assertThat(db.tableExists("users")).isFalse();
        assertThat(db.tableExists("posts")).isFalse();
        assertThat(db.query("SELECT name FROM cairn_migrations")).isEmpty();
    }

    @Test
    void aBaselineIsRefusedOnAHistoryForAnUnknownVersionAndForAJavaMigrationThatMustRunWritingNothing()
            throws IOException {
        TestDatabase db = existing(databases.create(Engine.SQLITE));
        Path dir = migrations();

        assertThatThrownBy(() -> TestCairn.configure(db, dir).load().baseline("9"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No migration has the version or name '9'");
        assertThat(db.tableExists("cairn_migrations")).isFalse();

        JavaMigration loads = new JavaMigration() {
            @Override
            public String name() {
                return "2_load_defaults";
            }

            @Override
            public void up(Connection connection) {}

            @Override
            public boolean mustRunOnBaseline() {
                return true;
            }
        };
        Files.delete(dir.resolve("2_posts.sql"));
        assertThatThrownBy(() -> TestCairn.configure(db, dir)
                        .javaMigrations(loads)
                        .load()
                        .baseline("3"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Cannot baseline at 3: 1 migration up to it must run. Baseline below"
                        + " 2_load_defaults and let `cairn migrate` run it and what follows. Nothing was changed.");
        assertThat(db.tableExists("cairn_migrations")).isFalse();

        Cairn cairn = TestCairn.configure(db, dir).javaMigrations(loads).load();
        assertThat(cairn.baseline("1").migrations()).containsExactly("1_users");
        assertThatThrownBy(() -> cairn.baseline("1"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(
                        "Cannot baseline: the tracking table has 1 row already (the newest 1_users," + " batch 1)")
                .hasMessageContaining("Nothing was changed.");
        assertThat(TestCairn.tracked(db)).containsExactly("1_users@1:baseline");
    }

    @Test
    void aTrackingTableOfAnEarlierVersionGetsTheOriginColumnAndItsRowsReadAsRunByCairn() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        Cairn cairn = TestCairn.configure(db, migrations()).load();
        cairn.migrate("1");
        // As an earlier version made it: no origin column.
        db.execute("ALTER TABLE cairn_migrations DROP COLUMN origin");

        assertThat(cairn.status().migrations())
                .extracting(m -> m.name() + " " + m.stateLabel())
                .containsExactly("1_users applied", "2_posts pending", "3_comments pending");
        cairn.migrate();

        assertThat(db.columns("cairn_migrations")).contains("origin");
        assertThat(TestCairn.tracked(db)).containsExactly("1_users@1:null", "2_posts@2:null", "3_comments@2:null");
    }
}
