// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
 * A Java migration whose {@code transactional()} is false runs in autocommit on PostgreSQL, where the
 * rest of the batch runs in one transaction: it can build an index concurrently, and when it fails,
 * what it did stays and the message says so.
 */
class JavaMigrationOutsideTransactionIT {

    @TempDir
    Path project;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase db;

    private Cairn cairn(String javaPackage) throws IOException {
        Path directory = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(directory.resolve("1_create_users.sql"), """
                -- migrate:up
                CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL);
                -- migrate:down
                DROP TABLE users;
                """);
        return TestCairn.configure(db, project)
                .locations("filesystem:" + directory, "classpath:dev/cairn/javamigrations/" + javaPackage)
                .load();
    }

    private boolean indexExists(String name) {
        return !db.query("SELECT indexname FROM pg_indexes WHERE indexname = ?", name)
                .isEmpty();
    }

    @Test
    void aNonTransactionalJavaMigrationCanCreateAnIndexConcurrently() throws IOException {
        db = databases.create(Engine.POSTGRESQL);
        Cairn cairn = cairn("concurrent");

        MigrateResult result = cairn.migrate();

        assertThat(result.applied())
                .extracting(MigrationRun::name)
                .containsExactly("1_create_users", "2_index_emails_concurrently");
        assertThat(indexExists("users_email")).isTrue();
        assertThat(cairn.plan(Operation.rollback()).migrations())
                .filteredOn(m -> m.name().equals("2_index_emails_concurrently"))
                .singleElement()
                .satisfies(m -> assertThat(m.transactional()).isFalse());

        assertThat(cairn.rollback().reverted())
                .extracting(MigrationRun::name)
                .containsExactly("2_index_emails_concurrently", "1_create_users");
        assertThat(indexExists("users_email")).isFalse();
        assertThat(db.tableExists("users")).isFalse();
    }

    @Test
    void aNonTransactionalJavaMigrationThatFailsLeavesWhatItDidAndSaysSo() throws IOException {
        db = databases.create(Engine.POSTGRESQL);
        Cairn cairn = cairn("autocommitfails");

        MigrationFailedException e = catchThrowableOfType(MigrationFailedException.class, cairn::migrate);

        assertThat(e).isNotNull();
        assertThat(e.migration()).isEqualTo("2_creates_then_fails");
        assertThat(e.getMessage())
                .contains("java.lang.IllegalStateException: the audit service is down")
                .contains("2_creates_then_fails is still pending: its transactional() is false, so what its code"
                        + " did before it failed stays; check for it before running it again.");
        // What the code did committed as it ran; the migration is not recorded as applied.
        assertThat(db.tableExists("audit")).isTrue();
        Status status = cairn.status();
        assertThat(status.migrations())
                .filteredOn(m -> m.name().equals("2_creates_then_fails"))
                .singleElement()
                .satisfies(m -> assertThat(m.state()).isNotEqualTo(Status.State.APPLIED));
    }
}
