// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which credentials a real MariaDB server gets when the command line overrides the file's: a
 * {@code --url} that names its own user, or a {@code --user}, is never sent with the file's password
 * (which belongs to the file's user), so an account without a password connects.
 */
class CredentialsIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void theFilesPasswordDoesNotGoWithAUrlOrUserThatBringsItsOwnCredentials() {
        TestDatabase database = databases.create(Engine.MARIADB);
        assertThat(database.password())
                .as("the test server's account has no password")
                .isNullOrEmpty();
        Cli cli = new Cli(directory);
        cli.environment.put("DB_URL", database.url());
        cli.write(
                        "cairn.yml",
                        String.join(
                                "\n",
                                "environments:",
                                "  development:",
                                "    url: ${DB_URL}",
                                "    user: " + database.user(),
                                "    password: not-the-password",
                                ""))
                .migration("20260101000000_users", "-- migrate:up\nCREATE TABLE users (id integer);\n");
        String urlWithUser = database.url() + (database.url().contains("?") ? "&" : "?") + "user=" + database.user();

        // The file's pair as written: the server refuses the password.
        assertThat(cli.run("status").exits(3).err())
                .contains("refused the credentials")
                .doesNotContain("not-the");

        cli.run("--url", urlWithUser, "status").succeeds();
        cli.run("--user", database.user(), "status").succeeds();
        cli.run("--user", database.user(), "--password", "", "status").succeeds();
    }
}
