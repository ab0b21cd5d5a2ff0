// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One place migrations come from, as {@code migrations.locations} names it: {@code filesystem:PATH}
 * (or a bare path), a directory of SQL files; or {@code classpath:PACKAGE}, the SQL files and
 * {@link dev.cairn.JavaMigration} classes in that package of every directory and jar on the class path.
 */
public sealed interface Location {

    /** The prefix of a directory location. */
    String FILESYSTEM = "filesystem:";

    /** The prefix of a class path location. */
    String CLASSPATH = "classpath:";

    /** What a prefix looks like: a URI scheme of two or more characters (one letter is a drive). */
    Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+");

    // The records write out equals and hashCode, which every command calls (the locations are kept
    // without repeats): a record's own are linked on first call by a bootstrap method that generates
    // method handle classes, several milliseconds of a command's start that no start-up cache holds.

    /**
     * A directory of SQL files.
     *
     * @param directory the directory, absolute
     */
    record Directory(Path directory) implements Location {
        @Override
        public boolean equals(Object other) {
            return other instanceof Directory that && directory.equals(that.directory);
        }

        @Override
        public int hashCode() {
            return directory.hashCode();
        }

        @Override
        public String toString() {
            return FILESYSTEM + directory;
        }
    }

    /**
     * A package on the class path.
     *
     * @param path the package as a resource path, such as {@code db/migrations}; empty for the root
     */
    record Classpath(String path) implements Location {
        @Override
        public boolean equals(Object other) {
            return other instanceof Classpath that && path.equals(that.path);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }

        @Override
        public String toString() {
            return CLASSPATH + path;
        }
    }

    /**
     * Reads one location as written, with a relative path resolved against {@code base}.
     *
     * @throws IllegalArgumentException with a sentence that says what is wrong, if {@code text} is empty
     *     or has a prefix Cairn does not know
     */
    static Location parse(String text, Path base) {
        String trimmed = text.strip();
        if (trimmed.startsWith(CLASSPATH)) {
            String path = trimmed.substring(CLASSPATH.length()).strip();
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.contains("\\") || path.contains("//")) {
                throw new IllegalArgumentException("'" + text + "' is not a package path; write it with '/',"
                        + " such as classpath:db/migrations");
            }
            return new Classpath(path);
        }
        String path = trimmed.startsWith(FILESYSTEM)
                ? trimmed.substring(FILESYSTEM.length()).strip()
                : trimmed;
        int colon = path.indexOf(':');
        if (colon > 1 && PREFIX.matcher(path.substring(0, colon)).matches()) {
            // A prefix such as s3: or gcs: (a URI scheme), not a Windows drive letter (C:).
            throw new IllegalArgumentException("'" + text + "' has the prefix "
                    + path.substring(0, colon + 1).toLowerCase(Locale.ROOT)
                    + ", which Cairn does not read; use filesystem:PATH or classpath:PACKAGE");
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("an empty location; use filesystem:PATH or classpath:PACKAGE");
        }
        return new Directory(base.resolve(path).normalize());
    }
}
