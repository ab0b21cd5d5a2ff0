// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** The SQLite library the start-up training writes: the driver's own file for this platform, whole. */
class SqliteLibraryTest {

    @TempDir
    Path directory;

    private static byte[] driversLibrary() throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            assertThat(library).as(resource).isNotNull();
            return library.readAllBytes();
        }
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    @Test
    void writesTheDriversLibraryUnderItsOwnNameAndNothingElse() throws IOException {
        Path target = directory.resolve("jdk17-1.sqlite");

        SqliteLibrary.writeInto(target);
        SqliteLibrary.writeInto(target); // a later training writes it again, over the first

        assertThat(names(target)).containsExactly(LibraryLoaderUtil.getNativeLibName());
        assertThat(Files.readAllBytes(target.resolve(LibraryLoaderUtil.getNativeLibName())))
                .isEqualTo(driversLibrary());
    }
}
