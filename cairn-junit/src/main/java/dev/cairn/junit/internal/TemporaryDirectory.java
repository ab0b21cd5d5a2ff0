// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for an embedded engine's files, deleted with everything in it. */
final class TemporaryDirectory {
    private final Path path;

    TemporaryDirectory(String prefix) {
        try {
            path = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for the test databases", e);
        }
    }

    Path path() {
        return path;
    }

    /** Deletes the files whose names start with {@code name} (a database and what its product put beside it). */
    void deleteFilesOf(String name) {
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(name + ".")) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the files of test database " + name, e);
        }
    }

    /** Deletes the directory and everything in it; one already gone is not an error. */
    void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path file : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
