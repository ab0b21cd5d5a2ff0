// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a PostgreSQL server knows of Cairn's sessions. They are named {@code cairn} in
 * {@code pg_stat_activity} (what a lock holder's description and a DBA's view show) from the start-up
 * message on, not by a query after connecting (the server says where a setting came from: {@code client}
 * for the start-up message, {@code session} for a {@code SET}); a URL that names its own application wins.
 */
class PostgresSessionIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /**
     * Runs one migration that records its session's application name and where the server got it, and
     * returns them as {@code NAME from SOURCE}.
     */
    private String applicationNameSeenByAMigration(TestDatabase db, String url) throws IOException {
        Path migrations = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(
                migrations.resolve("1_seen.sql"),
                "-- migrate:up\n"
                        + "CREATE TABLE seen AS SELECT setting || ' from ' || source AS name"
                        + " FROM pg_settings WHERE name = 'application_name';\n"
                        + "-- migrate:down\nDROP TABLE seen;\n");
        Cairn.configure()
                .workingDirectory(directory)
                .url(url)
                .user(db.user())
                .password(db.password())
                .migrationsDirectory(migrations)
                .load()
                .migrate();
        return (String) db.query("SELECT name FROM seen").get(0).get("name");
    }

    @Test
    void sessionsAreNamedCairn() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);

        assertThat(applicationNameSeenByAMigration(db, db.url())).isEqualTo("cairn from client");
    }

    @Test
    void theUrlsOwnApplicationNameWins() throws IOException {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "ApplicationName=payroll-deploy";

        assertThat(applicationNameSeenByAMigration(db, url)).isEqualTo("payroll-deploy from client");
    }
}
