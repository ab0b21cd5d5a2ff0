// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.ConfigurationException;
import java.nio.file.Path;

/**
 * A configuration file as the user named it, for messages, and as an absolute path, for resolving.
 * Every error about the file's content is made here, so that all of them start the same way:
 * {@code cairn.yml:12: what is wrong. What to do.}
 *
 * @param label the path as the user gave it (such as {@code cairn.yml}), the way compilers print it
 * @param path the file, absolute and normalised
 */
record SourceFile(String label, Path path) {

    /** The directory that relative paths in the file are resolved against. */
    Path directory() {
        return path.getParent();
    }

    /** An error at {@code line} (1-based) of this file. */
    ConfigurationException error(int line, String message) {
        return new ConfigurationException(label + ":" + line + ": " + message);
    }

    /** An error at {@code line} and {@code column} (both 1-based) of this file. */
    ConfigurationException error(int line, int column, String message) {
        return new ConfigurationException(label + ":" + line + ":" + column + ": " + message);
    }

    /** The label of a file that lives beside this one, such as {@code .env}, named the same way. */
    String sibling(String name) {
        Path parent = Path.of(label).getParent();
        return parent == null ? name : parent.resolve(name).toString();
    }
}
