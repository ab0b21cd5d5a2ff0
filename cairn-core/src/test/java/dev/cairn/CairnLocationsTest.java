// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's locations against those of {@code cairn.yml}: what the builder gives wins. */
class CairnLocationsTest {

    @TempDir
    Path project;

    private Cairn.Builder fromFile() throws IOException {
        Files.writeString(project.resolve("cairn.yml"), """
                migrations:
                  locations:
                    - filesystem:from-file
                    - classpath:db/migrations
                environments:
                  development:
                    url: jdbc:sqlite:dev.sqlite3
                """);
        return Cairn.configure()
                .configFile(project.resolve("cairn.yml"))
                .variables(Map.of())
                .workingDirectory(project);
    }

    @Test
    void theFilesFirstDirectoryLocationIsWhereMakeWrites() throws IOException {
        Cairn cairn = fromFile().load();

        assertThat(cairn.migrationsDirectory()).isEqualTo(project.resolve("from-file"));
        assertThat(cairn.make("create users")).hasParent(project.resolve("from-file"));
        assertThat(cairn.locations())
                .containsExactly("filesystem:" + project.resolve("from-file"), "classpath:db/migrations");
    }

    @Test
    void builderLocationsOverrideTheFilesLocations() throws IOException {
        Cairn cairn = fromFile()
                .locations("classpath:other", "filesystem:from-builder")
                .load();

        assertThat(cairn.migrationsDirectory()).isEqualTo(project.resolve("from-builder"));
        assertThat(cairn.make("create users")).hasParent(project.resolve("from-builder"));
    }

    @Test
    void builderLocationsResolveRelativePathsAgainstTheWorkingDirectory() throws IOException {
        Cairn cairn = fromFile().locations("sql/migrations").load();

        assertThat(cairn.migrationsDirectory()).isEqualTo(project.resolve("sql/migrations"));
    }

    @Test
    void builderDirectoryOverridesTheFilesLocations() throws IOException {
        Cairn cairn =
                fromFile().migrationsDirectory(project.resolve("only-here")).load();

        assertThat(cairn.migrationsDirectory()).isEqualTo(project.resolve("only-here"));
        assertThat(cairn.locations()).containsExactly("filesystem:" + project.resolve("only-here"));
    }

    @Test
    void aBuilderLocationWithAnUnknownPrefixIsAConfigurationError() {
        assertThatThrownBy(() -> builder().locations("gcs:bucket/migrations").load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("A location given to locations(...) cannot be read: 'gcs:bucket/migrations' has"
                        + " the prefix gcs:, which Cairn does not read; use filesystem:PATH or classpath:PACKAGE.");
    }

    @Test
    void anS3BuilderLocationIsAConfigurationError() {
        assertThatThrownBy(() -> builder().locations("s3:bucket/migrations").load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("A location given to locations(...) cannot be read: 's3:bucket/migrations' has"
                        + " the prefix s3:, which Cairn does not read; use filesystem:PATH or classpath:PACKAGE.");
    }

    @Test
    void anEmptyBuilderLocationIsAConfigurationErrorInAPlainSentence() {
        assertThatThrownBy(() -> builder().locations("").load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining("use filesystem:PATH or classpath:PACKAGE")
                // Not the two sentences glued together: "The migrations location an empty location; ..."
                .hasMessageNotContaining("location an empty location");
    }

    @Test
    void builderLocationsWithoutAFileTakeNoDefaultDirectoryFromIt() {
        Cairn cairn =
                builder().locations("classpath:db/migrations", "filesystem:sql").load();

        assertThat(cairn.migrationsDirectory()).isEqualTo(project.resolve("sql"));
    }

    /** A builder without cairn.yml. */
    private Cairn.Builder builder() {
        return Cairn.configure()
                .url("jdbc:sqlite:" + project.resolve("x.sqlite3"))
                .workingDirectory(project);
    }
}
