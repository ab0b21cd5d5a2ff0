// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, kept beside the start-up cache. The SQLite driver carries it inside the jar
 * and, unless told where one is ({@code -Dorg.sqlite.lib.path}), copies it out into the temporary
 * directory on every run, a megabyte read, written and compared while the JVM is cold: a fifth of a
 * cold {@code status} on SQLite (bench/README.md). The start-up training writes it once, under the
 * name and for the platform the driver itself would choose, and the launcher points the driver at it.
 */
final class SqliteLibrary {

    private SqliteLibrary() {}

    /**
     * Writes the driver's library for this platform into {@code directory}: to a temporary name first,
     * then renamed, so that no run ever loads half a library. Does nothing on a platform the driver has
     * no library for (it then looks for one as usual).
     *
     * @throws IOException if the directory or the file cannot be written
     */
    static void writeInto(Path directory) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (library == null) {
                return;
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, name, ".partial");
            try {
                Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(
                        partial,
                        directory.resolve(name),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
