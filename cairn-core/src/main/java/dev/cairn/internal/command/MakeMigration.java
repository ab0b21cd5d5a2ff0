// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.internal.source.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/** {@code make}: a new, empty migration file named with the current UTC time and the user's words. */
public final class MakeMigration {

    /** The body of a new migration file: both markers, nothing to run. */
    static final String TEMPLATE = "-- migrate:up\n\n\n-- migrate:down\n\n";

    private static final DateTimeFormatter VERSION_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Settings settings;
    private final Clock clock;

    /** The command for these settings, naming files with the time from {@code clock}. */
    public MakeMigration(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Writes {@code yyyyMMddHHmmss_name.sql}, creating the migrations directory if needed; a version that
     * a file has already (made within the same second) moves on to the next free second.
     *
     * @throws ConfigurationException if {@code name} has no letter or digit, makes a file name longer than
     *     file systems allow, or the file cannot be written
     */
    public Path make(String name) {
        String slug = Slug.of(name);
        if (slug.isEmpty()) {
            throw new ConfigurationException(
                    "A migration needs a name with letters or digits, such as `cairn make create_users`.");
        }
        LocalDateTime time = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
        // Every version has as many digits, so the length is known before a version is chosen.
        Slug.requireFits("A migration", VERSION_FORMAT.format(time) + "_" + slug + ".sql", slug);
        Path directory = settings.migrationsDirectory();
        Slug.createDirectory("a migration", directory, "migrations.directory");
        try {
            while (versionTaken(directory, VERSION_FORMAT.format(time))) {
                time = time.plusSeconds(1);
            }
            Path file = directory.resolve(VERSION_FORMAT.format(time) + "_" + slug + ".sql");
            Files.writeString(file, TEMPLATE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new ConfigurationException(e.getFile() + " already exists; nothing was written.", e);
        } catch (IOException e) {
            throw Slug.cannotWrite("a migration", directory, "migrations.directory", e);
        }
    }

    private static boolean versionTaken(Path directory, String version) throws IOException {
        Version wanted = new Version(version);
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> Version.leadingDigitsOf(file.getFileName().toString()))
                    .anyMatch(existing -> existing != null && existing.sameAs(wanted));
        }
    }
}
