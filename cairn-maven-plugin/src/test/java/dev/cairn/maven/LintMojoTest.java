// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Cairn;
import dev.cairn.ValidationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal's own choices on SQLite migrations, without a Maven build (the sample build {@code lint}
 * runs it in one): which migrations, text or SARIF, and what fails the build. Every migration is read
 * from its file, so the database is never opened.
 */
class LintMojoTest {

    private static final String DROP = "database/migrations/20260101000200_drop_email.sql";
    private static final String RENAME = "database/migrations/20260101000300_rename_users.sql";

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private LintMojo mojo;
    private Cairn cairn;

    @BeforeEach
    void project() throws IOException {
        write(
                "database/migrations/20260101000100_create_users.sql",
                "-- migrate:up\nCREATE TABLE users (id integer PRIMARY KEY, email text);\n"
                        + "-- migrate:down\nDROP TABLE users;\n");
        write(DROP, "-- migrate:up\nALTER TABLE users DROP COLUMN email;\n\n-- migrate:down\n");
        write(
                RENAME,
                "-- migrate:up\nALTER TABLE users RENAME TO people;\n-- migrate:down\n"
                        + "ALTER TABLE people RENAME TO users;\n");
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        mojo = new LintMojo(null);
        mojo.project = project;
        mojo.format = "text";
        mojo.sarifFile = dir.resolve("target/cairn-lint.sarif").toFile();
        mojo.pluginVersion = "1.2.3";
        mojo.setLog(log);
        cairn = Cairn.configure()
                .workingDirectory(dir)
                .url("jdbc:sqlite:" + dir.resolve("app.sqlite3"))
                .load();
    }

    @Test
    void anErrorFailsTheBuildAfterEveryFindingIsLogged() {
        mojo.all = true;

        assertThatThrownBy(() -> mojo.lint(cairn, new Report(log), dir))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("lint found 1 error in the SQLite migrations")
                .hasMessageContaining("20260101000200_drop_email.sql:2 empty-down: column email of table users is"
                        + " destroyed by the up, and the down is empty");
        assertThat(log.lines)
                .contains(
                        "WARN " + Path.of(DROP) + ":2: warning drop-column",
                        "ERROR " + Path.of(DROP) + ":2: error empty-down",
                        "WARN " + Path.of(RENAME) + ":2: warning rename-table")
                .anyMatch(
                        line -> line.startsWith("INFO Linted 3 migrations with the SQLite rules: 1 error, 2 warnings"));
        assertThat(Files.exists(dir.resolve("app.sqlite3")))
                .as("--all reads no database")
                .isFalse();
    }

    @Test
    void namedFilesAsSarifPassWithWarningsUnlessFailOnWarning() throws Exception {
        mojo.files = List.of(new File(RENAME));
        mojo.format = "sarif";

        mojo.lint(cairn, new Report(log), dir);

        String sarif = Files.readString(mojo.sarifFile.toPath());
        assertThat(sarif)
                .contains("\"semanticVersion\": \"1.2.3\"")
                .contains("\"ruleId\": \"rename-table\"")
                .contains("\"uri\": \"database/migrations/20260101000300_rename_users.sql\"")
                .contains("\"startLine\": 2")
                .doesNotContain("\"ruleId\": \"empty-down\"");
        assertThat(log.lines)
                .containsExactly(
                        "INFO Wrote the SARIF log of 1 finding to " + mojo.sarifFile + ".",
                        "INFO Linted 1 migration with the SQLite rules: 0 errors, 1 warning (a rule's why and fix show"
                                + " at its first finding; -- cairn:lint-ignore RULE on the line above a statement"
                                + " silences one).");

        mojo.failOnWarning = true;
        assertThatThrownBy(() -> mojo.lint(cairn, new Report(log), dir))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("lint found 1 warning in the SQLite migrations, and failOnWarning is set")
                .hasMessageContaining("20260101000300_rename_users.sql:2 rename-table: renames table users to people");
    }

    @Test
    void filesWithAllAndAnUnknownFormatAreErrorsOfTheSetup() {
        mojo.files = List.of(new File(RENAME));
        mojo.all = true;
        assertThatThrownBy(() -> mojo.lint(cairn, new Report(log), dir))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Give cairn:lint either <files> (cairn.lint.files) or <all> (cairn.lint.all), not both.");

        mojo.format = "json";
        assertThatThrownBy(() -> mojo.lint(cairn, new Report(log), dir))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("<format> (cairn.lint.format) is text or sarif, not 'json'.");
    }

    private void write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
