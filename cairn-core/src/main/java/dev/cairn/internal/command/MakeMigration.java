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
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code make}: a new, empty migration file named with the current UTC time and the user's words; and
 * {@code make --java}: the skeleton of a Java migration class named the same way.
 */
public final class MakeMigration {

    /** The body of a new migration file: both markers, nothing to run. */
    static final String TEMPLATE = "-- migrate:up\n\n\n-- migrate:down\n\n";

    /** The package of a Java migration when neither the caller nor a {@code classpath:} location names one. */
    static final String DEFAULT_JAVA_PACKAGE = "db.migrations";

    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "_");

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

    /**
     * Writes the skeleton of a Java migration, {@code V<yyyyMMddHHmmss>__<name>.java}, in the directory of
     * its package under {@code sourceDirectory}, creating the directories if needed. The version follows
     * the rule of {@link #make}: a version that an SQL file of the migrations directory or a class of the
     * package has already moves on to the next free second.
     *
     * @param packageName the class's package; null for the first {@code classpath:} location's package,
     *     else {@value #DEFAULT_JAVA_PACKAGE}; empty for the unnamed package
     * @param sourceDirectory the root of the Java sources, such as {@code src/main/java}; a relative path
     *     is taken against the process's working directory
     * @throws ConfigurationException if {@code name} has no ASCII letter or digit, the package is not a
     *     Java package name, the file name would be too long, or the file cannot be written
     */
    public Path makeJava(String name, String packageName, Path sourceDirectory) {
        String slug = Slug.ofJava(name);
        if (slug.isEmpty()) {
            throw new ConfigurationException("A Java migration needs a name with ASCII letters or digits, which its"
                    + " class name can hold, such as `cairn make --java backfill_emails`.");
        }
        String pkg = packageName != null
                ? packageName.strip()
                : settings.migrations()
                        .firstClasspath()
                        .map(location -> location.path().replace('/', '.'))
                        .orElse(DEFAULT_JAVA_PACKAGE);
        requirePackageName(pkg);
        LocalDateTime time = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
        Slug.requireFits("A Java migration", "V" + VERSION_FORMAT.format(time) + "__" + slug + ".java", slug);
        Path directory = sourceDirectory.toAbsolutePath().normalize();
        if (!pkg.isEmpty()) {
            directory = directory.resolve(pkg.replace('.', '/'));
        }
        Slug.createDirectory("a Java migration", directory, "the source directory (--source-dir)");
        Path sql = settings.migrationsDirectory();
        try {
            while (versionTaken(directory, VERSION_FORMAT.format(time))
                    || (Files.isDirectory(sql) && versionTaken(sql, VERSION_FORMAT.format(time)))) {
                time = time.plusSeconds(1);
            }
            String className = "V" + VERSION_FORMAT.format(time) + "__" + slug;
            Path file = directory.resolve(className + ".java");
            Files.writeString(
                    file, javaTemplate(pkg, className), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new ConfigurationException(e.getFile() + " already exists; nothing was written.", e);
        } catch (IOException e) {
            throw Slug.cannotWrite("a Java migration", directory, "the source directory (--source-dir)", e);
        }
    }

    /** The source of a new Java migration: the class with an empty up and an empty down. */
    static String javaTemplate(String packageName, String className) {
        return (packageName.isEmpty() ? "" : "package " + packageName + ";\n\n")
                + "import dev.cairn.JavaMigration;\n"
                + "import java.sql.Connection;\n"
                + "\n"
                + "public class " + className + " implements JavaMigration {\n"
                + "\n"
                + "    @Override\n"
                + "    public void up(Connection connection) throws Exception {\n"
                + "        // The change, made through connection: it is in the batch's transaction, which Cairn\n"
                + "        // commits or rolls back, so do not commit, roll back or close it here.\n"
                + "    }\n"
                + "\n"
                + "    @Override\n"
                + "    public void down(Connection connection) throws Exception {\n"
                + "        // Undo what up did. Left empty, rolling back is a deliberate no-op; delete this method\n"
                + "        // to make the migration irreversible (rolling it back is then refused).\n"
                + "    }\n"
                + "}\n";
    }

    /** Refuses a package name that Java would not take, such as {@code db/migrations} or {@code 1db}. */
    private static void requirePackageName(String pkg) {
        if (pkg.isEmpty()) {
            return;
        }
        for (String part : pkg.split("\\.", -1)) {
            boolean identifier = !part.isEmpty()
                    && Character.isJavaIdentifierStart(part.codePointAt(0))
                    && part.codePoints().allMatch(Character::isJavaIdentifierPart);
            if (!identifier || JAVA_KEYWORDS.contains(part)) {
                throw new ConfigurationException("'" + pkg + "' is not a Java package name; give one such as"
                        + " db.migrations (--package), or a classpath: location such as classpath:db/migrations.");
            }
        }
    }

    private static boolean versionTaken(Path directory, String version) throws IOException {
        Version wanted = new Version(version);
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> Version.leadingDigitsOf(
                            versionPart(file.getFileName().toString())))
                    .anyMatch(existing -> existing != null && existing.sameAs(wanted));
        }
    }

    /** A file name without the {@code V} that starts a Java migration's ({@code V2__x.java} → {@code 2__x.java}). */
    private static String versionPart(String fileName) {
        return fileName.startsWith("V") && fileName.endsWith(".java") ? fileName.substring(1) : fileName;
    }
}
