// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.Direction;
import dev.cairn.JavaMigration;
import dev.cairn.MigrationFileException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link JavaMigration} classes and instances into {@link Migration}s: the name from the class's
 * simple name ({@code V20261124153000__backfill_emails} → {@code 20261124153000_backfill_emails}) or
 * from {@link JavaMigration#name()}, reversible when the class overrides {@code down}, each section one
 * statement of code.
 */
public final class JavaMigrations {

    /**
     * {@code V}, the version's ASCII digits, two underscores, the rest of the name: letters and digits
     * of any script and {@code _}, as a class name and an SQL file's name may hold them.
     */
    private static final Pattern CLASS_NAME = Pattern.compile("V([0-9]+)__(\\w+)", Pattern.UNICODE_CHARACTER_CLASS);

    /** A name that {@link JavaMigration#name()} may give: as a migration file's name, without spaces. */
    private static final Pattern DECLARED_NAME = Pattern.compile("[\\w.-]+", Pattern.UNICODE_CHARACTER_CLASS);

    private JavaMigrations() {}

    /**
     * Makes an instance of {@code type}, found by a scan of the class path at {@code where}.
     *
     * @throws MigrationFileException if the class is abstract or has no public constructor without
     *     parameters, or the constructor fails
     */
    public static JavaMigration instantiate(Class<? extends JavaMigration> type, Path where) {
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new MigrationFileException(
                    where,
                    0,
                    type.getName() + " is abstract, so Cairn cannot run it;"
                            + " make it a concrete class, or move it out of the migrations package");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new MigrationFileException(
                    where, 0, type.getName() + " is not public, so Cairn cannot make one; make the class public");
        }
        Constructor<? extends JavaMigration> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new MigrationFileException(
                    where,
                    0,
                    type.getName() + " has no public constructor without"
                            + " parameters, so Cairn cannot make one; add `public " + type.getSimpleName() + "() {}`"
                            + (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())
                                    ? " and make the class static (an inner class needs its outer instance)"
                                    : "")
                            + ", or give an instance to Cairn.configure().javaMigrations(...)");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new MigrationFileException(
                    where, 0, "the constructor of " + type.getName() + " threw " + describe(cause));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new MigrationFileException(where, 0, type.getName() + " cannot be made: " + describe(e));
        }
    }

    /**
     * The migration that {@code instance} is, read from {@code where} (its class file, or for an
     * instance given to the builder, the class's path as a file name).
     *
     * @throws MigrationFileException if neither the class's simple name nor {@link JavaMigration#name()}
     *     gives a name that starts with a version
     */
    public static Migration of(JavaMigration instance, Path where) {
        Class<?> type = instance.getClass();
        String name = nameOf(instance, where);
        if (name.length() > MigrationDirectory.MAX_NAME_LENGTH) {
            throw new MigrationFileException(
                    where,
                    0,
                    "gives the name " + name + ", longer than " + MigrationDirectory.MAX_NAME_LENGTH
                            + " characters; shorten it");
        }
        boolean transactional = instance.transactional();
        Section up = Section.ofCode(where, label(type, Direction.UP), transactional, instance::up);
        Section down = overridesDown(type)
                ? Section.ofCode(where, label(type, Direction.DOWN), transactional, instance::down)
                : null;
        String description = instance.description();
        // No row was ever written by the whole-file rule for a Java migration: its up checksum stands in.
        Checksum.Memo checksum = Checksum.Memo.known(
                Checksum.ofJava(instance.checksum(), up, down).up());
        return new Migration(
                name,
                Version.leadingDigitsOf(name),
                description == null ? "" : description.strip(),
                where,
                up,
                down,
                checksum,
                instance,
                false);
    }

    /** The path that names a class given as an instance: its package's directories and the class file. */
    public static Path pathOf(String className) {
        return Path.of(className.replace('.', '/') + ".class");
    }

    /** Whether {@code simpleName} has the form of a Java migration's class name. */
    public static boolean hasMigrationName(String simpleName) {
        return CLASS_NAME.matcher(simpleName).matches();
    }

    /** The migration name that a class's simple name gives ({@code V2__x} → {@code 2_x}), if it has the form. */
    static Optional<String> nameFromClassName(String simpleName) {
        Matcher matcher = CLASS_NAME.matcher(simpleName);
        return matcher.matches() ? Optional.of(matcher.group(1) + "_" + matcher.group(2)) : Optional.empty();
    }

    private static String nameOf(JavaMigration instance, Path where) {
        Class<?> type = instance.getClass();
        String declared = instance.name();
        if (declared != null) {
            if (Version.leadingDigitsOf(declared) == null
                    || !DECLARED_NAME.matcher(declared).matches()) {
                throw new MigrationFileException(
                        where,
                        0,
                        type.getName() + ".name() returns '" + declared
                                + "', which is not a migration name: start it with the version digits and use"
                                + " letters, digits, '_', '-' and '.', such as 20261124153000_backfill_emails");
            }
            return declared;
        }
        return nameFromClassName(type.getSimpleName())
                .orElseThrow(() -> new MigrationFileException(
                        where,
                        0,
                        "the class name " + type.getSimpleName()
                                + " gives no version; name a Java migration V<version>__<name>, such as"
                                + " V20261124153000__backfill_emails (`cairn make --java backfill_emails` does), or"
                                + " return the name from name()"));
    }

    /** Whether {@code type} or a superclass of it other than the interface declares {@code down}. */
    private static boolean overridesDown(Class<?> type) {
        try {
            return type.getMethod("down", Connection.class).getDeclaringClass() != JavaMigration.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Every JavaMigration has down(Connection)", e);
        }
    }

    private static String label(Class<?> type, Direction direction) {
        return "Java migration " + type.getName() + " (" + direction.label() + ")";
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
