// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.SchemaSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code migrations.schema-file}: the schema as text, written after every change that ran something, so
 * that code review shows what each change did to the schema. Written to a temporary file and moved into
 * place, so a reader never sees half of it.
 */
final class SchemaFile {

    private SchemaFile() {}

    /** Writes {@code schema} to {@code file}, replacing it whole. */
    static void write(Path file, SchemaSnapshot schema) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".cairn-schema", ".tmp");
            Files.writeString(temporary, schema.text(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The change succeeded, but the schema file " + file + " could not be written", e);
        }
    }
}
