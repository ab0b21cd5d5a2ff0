// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.JavaMigration;
import dev.cairn.MigrationFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a project's migrations come from, merged into one ordered set: the {@link Location}s of
 * {@code migrations.locations} (or the one directory of {@code migrations.directory}), read through
 * {@code classLoader} for {@code classpath:} ones, and the Java migrations given to the builder (whose
 * classes a scan then leaves alone). A version found twice, in one location or across two, is an error
 * that names both.
 *
 * @param locations where to look, in the order written
 * @param classLoader the loader {@code classpath:} locations are read through
 * @param given Java migrations given as instances
 */
public record MigrationSources(List<Location> locations, ClassLoader classLoader, List<JavaMigration> given) {

    /** Creates the sources; the lists are copied, and a location written twice is read once. */
    public MigrationSources {
        locations = List.copyOf(new LinkedHashSet<>(locations));
        given = List.copyOf(given);
    }

    /** The migrations of one directory. */
    public static MigrationSources of(Path directory) {
        return new MigrationSources(
                List.of(new Location.Directory(directory)), MigrationSources.class.getClassLoader(), List.of());
    }

    /**
     * The first directory location: where {@code cairn make} writes. Empty if every location is on
     * the class path.
     */
    public Optional<Path> firstDirectory() {
        return locations.stream()
                .filter(Location.Directory.class::isInstance)
                .map(location -> ((Location.Directory) location).directory())
                .findFirst();
    }

    /** The first class path location, if there is one. */
    public Optional<Location.Classpath> firstClasspath() {
        return locations.stream()
                .filter(Location.Classpath.class::isInstance)
                .map(Location.Classpath.class::cast)
                .findFirst();
    }

    /**
     * Reads every migration.
     *
     * @throws dev.cairn.ConfigurationException if a directory does not exist
     * @throws MigrationFileException for the first migration that cannot be used, or two with one version
     */
    public List<Migration> scan() {
        MigrationDirectory.Scan scan = scanAll();
        if (!scan.errors().isEmpty()) {
            throw scan.errors().get(0).error();
        }
        return scan.migrations();
    }

    /**
     * Reads every migration, collecting every one that cannot be used instead of stopping at the first.
     *
     * @throws dev.cairn.ConfigurationException if a directory does not exist
     */
    public MigrationDirectory.Scan scanAll() {
        if (locations.size() == 1 && given.isEmpty() && locations.get(0) instanceof Location.Directory directory) {
            return MigrationDirectory.scanAll(directory.directory()); // the common case, as it always was
        }
        List<Migration> migrations = new ArrayList<>();
        List<MigrationDirectory.FileError> errors = new ArrayList<>();
        // A class given as an instance (a Spring bean, say) is not made again where a scan finds it.
        Set<String> givenClasses = new HashSet<>();
        given.forEach(migration -> givenClasses.add(migration.getClass().getName()));
        for (Location location : locations) {
            MigrationDirectory.Scan scan = location instanceof Location.Directory directory
                    ? MigrationDirectory.scanAll(directory.directory())
                    : ClasspathScan.scan((Location.Classpath) location, classLoader, givenClasses);
            migrations.addAll(scan.migrations());
            errors.addAll(scan.errors());
        }
        for (JavaMigration migration : given) {
            try {
                migrations.add(JavaMigrations.of(
                        migration, JavaMigrations.pathOf(migration.getClass().getName())));
            } catch (MigrationFileException e) {
                errors.add(new MigrationDirectory.FileError(false, e));
            }
        }
        return MigrationDirectory.ordered(migrations, errors);
    }
}
