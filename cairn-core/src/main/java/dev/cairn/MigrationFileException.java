// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A migration file cannot be used as it is: its name has no version, two files share a version, it
 * is empty, not UTF-8, has no {@code -- migrate:up} marker, or a statement in it never ends. Thrown
 * before anything is changed in the database.
 */
public final class MigrationFileException extends CairnException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /**
     * Creates the exception.
     *
     * @param file the file at fault
     * @param line the 1-based line at fault, or 0 when the problem is the whole file
     * @param problem what is wrong, as a sentence without the location
     */
    public MigrationFileException(Path file, int line, String problem) {
        super(location(file, line) + ": " + problem, null);
        this.file = file;
        this.line = line;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, if the problem is on one line. */
    public Optional<Integer> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    private static String location(Path file, int line) {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
