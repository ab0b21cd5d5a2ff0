// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of the core says in its package-info.java what it owns, and has no loose files beside it. */
class PackageInfoTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> directories = Files.walk(SOURCES)) {
            List<Path> withoutOne = directories
                    .filter(Files::isDirectory)
                    .filter(PackageInfoTest::holdsJava)
                    .filter(directory -> !Files.exists(directory.resolve("package-info.java")))
                    .toList();
            assertThat(withoutOne).as("packages without a package-info.java").isEmpty();
        }
    }

    @Test
    void theInternalPackageItselfHoldsNoClasses() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve("dev/cairn/internal"))) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(path -> path.getFileName().toString()))
                    .as("files loose in dev.cairn.internal")
                    .containsExactly("package-info.java");
        }
    }

    private static boolean holdsJava(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".java")
                    && !file.getFileName().toString().equals("module-info.java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
