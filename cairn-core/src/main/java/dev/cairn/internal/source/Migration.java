// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.Direction;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One migration as found on disk, checked but not yet split into statements.
 *
 * @param name the file name without {@code .sql} (without {@code .up.sql} for the paired layout)
 * @param version the leading digits of the name
 * @param description the comment lines above {@code -- migrate:up}, joined by newlines
 * @param file the file (the {@code .up.sql} file for the paired layout)
 * @param up the up section
 * @param down the down section, or null if the migration is irreversible
 * @param checksum the hex SHA-256 of the normalised file content (see {@link Checksum})
 */
public record Migration(
        String name, Version version, String description, Path file, Section up, Section down, String checksum) {

    /** Whether the migration has a down section and so can be rolled back. */
    public boolean reversible() {
        return down != null;
    }

    /** The section that runs in {@code direction}, if there is one. */
    public Optional<Section> section(Direction direction) {
        return Optional.ofNullable(direction == Direction.UP ? up : down);
    }
}
