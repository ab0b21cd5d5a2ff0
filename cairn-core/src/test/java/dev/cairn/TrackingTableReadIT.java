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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A tracking table that cannot be read, on every engine: another tool's table of the same name is a
 * configuration error that names both sets of columns, and only a real missing privilege is blamed
 * on privileges.
 */
class TrackingTableReadIT {

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Cairn cairn(TestDatabase db, String user, String password) throws IOException {
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(
                migrations.resolve("1_notes.sql"),
                "-- migrate:up\nCREATE TABLE notes (id integer);\n-- migrate:down\nDROP TABLE notes;\n");
        Cairn.Builder builder = Cairn.configure().url(db.url()).migrationsDirectory(migrations);
        if (user != null) {
            builder.user(user);
        }
        if (password != null) {
            builder.password(password);
        }
        return builder.load();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherToolsTableOfTheSameNameIsNamedAsSuch(Engine engine) throws IOException {
        TestDatabase db = databases.create(engine);
        db.execute("CREATE TABLE cairn_migrations (id integer, migration varchar(255), batch integer)");
        Cairn cairn = cairn(db, db.user(), db.password());

        for (Runnable command : new Runnable[] {cairn::status, cairn::migrate, cairn::validate}) {
            assertThatThrownBy(command::run)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("is not Cairn's tracking table: it has the columns id, migration, batch,"
                            + " and Cairn's has id, version, name, batch")
                    .hasMessageContaining("migrations.table")
                    .hasMessageNotContaining("privilege");
        }
        assertThat(db.tableExists("notes")).isFalse();
    }

    @Test
    void aUserWhoMayNotReadTheTrackingTableIsToldWhatToGrant() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        cairn(db, db.user(), db.password()).migrate();
        String role = "cairn_reader_" + Long.toHexString(System.nanoTime());
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'plain'");
        try {
            assertThatThrownBy(() -> cairn(db, role, "plain").status())
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("permission denied for table cairn_migrations [SQLSTATE 42501]")
                    .hasMessageContaining("The user lacks a privilege: grant it the right to read and write the"
                            + " tracking table cairn_migrations");
        } finally {
            db.execute("DROP OWNED BY " + role);
            db.execute("DROP ROLE " + role);
        }
    }
}
