// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.JavaMigration;
import dev.cairn.MigrationFileException;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassGraphClassLoader;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.Resource;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code classpath:} location: the SQL files and the {@link JavaMigration} classes in one
 * package (not its sub-packages) of every class directory and jar a class loader sees, including a
 * Spring Boot jar's {@code BOOT-INF/classes} and its nested {@code BOOT-INF/lib} jars.
 *
 * <p>ClassGraph does the scanning: it reads jars (nested ones too) and class files without loading or
 * initialising a class that is not a migration, which the JDK's own {@code ClassLoader.getResources}
 * cannot list in a jar, nor reach inside a nested one. Only classes that implement
 * {@code JavaMigration} are loaded.
 */
final class ClasspathScan {

    private static final Logger LOG = LoggerFactory.getLogger(ClasspathScan.class);

    private ClasspathScan() {}

    /**
     * Reads {@code location} through {@code loader} and its parents, leaving out the classes named in
     * {@code given} (their instances were given to the builder).
     */
    static MigrationDirectory.Scan scan(Location.Classpath location, ClassLoader loader, Set<String> given) {
        String packageName = location.path().replace('/', '.');
        List<MigrationDirectory.Entry> files = new ArrayList<>();
        List<Migration> classes = new ArrayList<>();
        List<MigrationDirectory.FileError> errors = new ArrayList<>();
        ScanResult result = new ClassGraph()
                .overrideClassLoaders(loader)
                .acceptPackagesNonRecursive(packageName)
                .enableClassInfo()
                .ignoreClassVisibility()
                .scan();
        boolean definedHere = false;
        try {
            for (Resource resource : result.getAllResources()) {
                if (resource.getPath().endsWith(".class")) {
                    continue;
                }
                Path where = displayPath(resource.getURI());
                try {
                    // Read now, as the scan's jars close with it; only SQL files are read at all (the others
                    // are looked at for their names, in case one was meant as a migration).
                    byte[] content = resource.getPath().endsWith(".sql") ? resource.load() : new byte[0];
                    files.add(new MigrationDirectory.Entry(where, () -> content));
                } catch (IOException e) {
                    errors.add(new MigrationDirectory.FileError(
                            false, new MigrationFileException(where, 0, "cannot be read: " + e.getMessage())));
                }
            }
            for (ClassInfo type : result.getAllClasses()) {
                boolean migration = type.implementsInterface(JavaMigration.class.getName());
                if (!migration) {
                    if (JavaMigrations.hasMigrationName(type.getSimpleName())) {
                        LOG.warn(
                                "{} is not run as a migration: it does not implement {}.",
                                type.getName(),
                                JavaMigration.class.getName());
                    }
                    continue;
                }
                if (type.isAbstract() || type.isInterface() || type.isAnonymousInnerClass()) {
                    continue; // a base class for migrations, not one
                }
                if (given.contains(type.getName())) {
                    continue; // given as an instance: that one runs
                }
                Path where = type.getResource() == null
                        ? JavaMigrations.pathOf(type.getName())
                        : displayPath(type.getResource().getURI());
                try {
                    Class<? extends JavaMigration> loaded = load(type, where);
                    definedHere |= loaded.getClassLoader() instanceof ClassGraphClassLoader;
                    classes.add(JavaMigrations.of(JavaMigrations.instantiate(loaded, where), where));
                } catch (MigrationFileException e) {
                    errors.add(new MigrationDirectory.FileError(false, e));
                }
            }
        } finally {
            // A class that the loader could not reach (one in a Spring Boot jar's BOOT-INF given to a plain
            // class loader, as `cairn --classpath app.jar` does) was defined by ClassGraph's own loader,
            // which reads through the scan's open jars for as long as the class runs: keep them open then.
            if (!definedHere) {
                result.close();
            }
        }
        if (files.isEmpty() && classes.isEmpty() && errors.isEmpty()) {
            LOG.warn(
                    "{} holds no migrations: no directory or jar on the class path has the package {}. Check"
                            + " the location's spelling (a package path, such as classpath:db/migrations), and,"
                            + " on the command line, give the jars or class directories with --classpath.",
                    location,
                    location.path());
        }
        MigrationDirectory.Scan sql = MigrationDirectory.scanEntries(files, location.toString());
        List<Migration> all = new ArrayList<>(sql.migrations());
        all.addAll(classes);
        List<MigrationDirectory.FileError> allErrors = new ArrayList<>(sql.errors());
        allErrors.addAll(errors);
        return MigrationDirectory.ordered(all, allErrors);
    }

    private static Class<? extends JavaMigration> load(ClassInfo type, Path where) {
        try {
            return type.loadClass(JavaMigration.class);
        } catch (IllegalArgumentException | LinkageError e) {
            String why = e.getCause() != null ? e.getCause().toString() : e.toString();
            throw new MigrationFileException(
                    where,
                    0,
                    type.getName() + " cannot be loaded (" + why + "); if the"
                            + " class path holds a second copy of cairn-core, keep only one");
        }
    }

    /**
     * The path that names a resource: its file, or for one in a jar, the jar's path, {@code !/}, and the
     * entry (and again for a jar nested in a jar).
     */
    static Path displayPath(URI uri) {
        String text = uri.toString();
        if (text.startsWith("jar:")) {
            text = text.substring("jar:".length());
        }
        String[] parts = text.split("!/");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                path.append(part.startsWith("file:") ? Path.of(URI.create(part)).toString() : decode(part));
            } else {
                path.append("!/").append(decode(part));
            }
        }
        return Path.of(path.toString());
    }

    private static String decode(String part) {
        try {
            String decoded = URI.create("x:/" + part).getPath();
            return decoded == null ? part : decoded.substring(1);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }
}
