// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.source.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Migrations for the runner's tests, made in memory from the text of a migration file rather than read
 * from disk: the {@code -- migrate:up} and {@code -- migrate:down} marker lines (with
 * {@code transaction:false} where written) cut the text into {@link Section}s that know the line they
 * start on, so that a failure points at the line it would in the file.
 */
final class MigrationFile {

    /** The directory the made-up files are said to be in, as failures name them. */
    static final Path DIRECTORY = Path.of("migrations");

    private MigrationFile() {}

    /** The migration {@code name} whose file {@code migrations/<name>.sql} reads {@code text}. */
    static Migration migration(String name, String text) {
        Path file = DIRECTORY.resolve(name + ".sql");
        String[] lines = text.split("\n", -1);
        Section up = null;
        Section down = null;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("-- migrate:")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.length && !lines[end].startsWith("-- migrate:")) {
                end++;
            }
            String body = String.join("\n", Arrays.copyOfRange(lines, i + 1, end));
            Section section = new Section(file, body, i + 2, !lines[i].contains("transaction:false"));
            if (lines[i].startsWith("-- migrate:up")) {
                up = section;
            } else {
                down = section;
            }
        }
        if (up == null) {
            throw new IllegalArgumentException(name + " has no -- migrate:up line");
        }
        return new Migration(
                name,
                Version.leadingDigitsOf(name),
                "",
                file,
                up,
                down,
                Checksum.Memo.known(Checksum.of(text.getBytes(StandardCharsets.UTF_8))));
    }
}
