// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectClassLoaderTest {

    @TempDir
    Path directory;

    @Test
    void readsTheProjectsResourcesAndLeavesOutEntriesThatDoNotExist() throws Exception {
        Path classes = Files.createDirectories(directory.resolve("classes/db/migrations"));
        Files.writeString(classes.resolve("20260101000100_a.sql"), "-- migrate:up\n");
        Path notCompiledYet = directory.resolve("test-classes");

        ProjectClassLoader loader = ProjectClassLoader.of(
                List.of(directory.resolve("classes").toString(), notCompiledYet.toString()), null);
        try {
            assertThat(loader.urls())
                    .containsExactly(directory.resolve("classes").toUri().toURL());
            assertThat(loader.loader().getResource("db/migrations/20260101000100_a.sql"))
                    .isNotNull();
        } finally {
            loader.close(new RecordingLog());
        }
    }

    @Test
    void cairnComesFromThePluginNotFromTheProject() throws Exception {
        ProjectClassLoader loader = ProjectClassLoader.of(List.of(directory.toString()));
        try {
            assertThat(loader.loader().loadClass("dev.cairn.JavaMigration")).isSameAs(dev.cairn.JavaMigration.class);
        } finally {
            loader.close(new RecordingLog());
        }
    }
}
