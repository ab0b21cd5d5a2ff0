// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import dev.cairn.JavaMigration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * What an application's build does before Cairn reads its Java migrations, done inside a test: compiles
 * migration sources against cairn-core's classes (at test time, so that their package is on no class path
 * of the test itself), and packs classes and resources into a plain jar or a Spring Boot style fat jar.
 * Shared by cairn-core's and cairn-cli's tests (through cairn-core's test-jar).
 *
 * <pre>{@code
 * Path classes = JavaBuild.compile(project.resolve("classes"), Map.of("db.migrations.V2__add_admin", source));
 * Path jar = JavaBuild.jar(project.resolve("app.jar"), JavaBuild.entries(classes, ""));
 * }</pre>
 */
public final class JavaBuild {

    private JavaBuild() {}

    /**
     * Compiles {@code sources} (a class's full name → its source text) into the directory {@code classes}
     * (made if missing) against cairn-core's classes ({@link #coreClasses()}), for Java 17, with every lint
     * warning an error (so that a source a test hands over, or one Cairn generates, compiles cleanly), and
     * returns {@code classes}. The sources are written to a temporary directory that is deleted afterwards.
     *
     * <p>The JDK's javac runs in-process through {@code java.util.spi.ToolProvider} (in {@code java.base}):
     * the test classes are compiled into the modules {@code dev.cairn} and {@code dev.cairn.cli}, which do
     * not read {@code java.compiler} ({@code javax.tools}).
     *
     * @throws AssertionError if javac reports an error or a warning, with its messages
     */
    public static Path compile(Path classes, Map<String, String> sources) {
        Path sourceRoot = null;
        try {
            Files.createDirectories(classes);
            sourceRoot = Files.createTempDirectory("cairn-java-sources");
            List<String> arguments = new ArrayList<>(List.of(
                    "--release",
                    "17",
                    "-proc:none",
                    "-Xlint:all",
                    "-Werror",
                    "-classpath",
                    coreClasses().toString(),
                    "-d",
                    classes.toString()));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                arguments.add(file.toString());
            }
            ToolProvider javac = ToolProvider.findFirst("javac")
                    .orElseThrow(() -> new AssertionError("no javac: run the tests on a JDK"));
            StringWriter messages = new StringWriter();
            PrintWriter writer = new PrintWriter(messages);
            int exit = javac.run(writer, writer, arguments.toArray(String[]::new));
            writer.flush();
            if (exit != 0) {
                throw new AssertionError("javac exited with " + exit + ":\n" + messages);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (sourceRoot != null) {
                delete(sourceRoot);
            }
        }
    }

    /**
     * Compiles {@code sources} as {@link #compile(Path, Map)} does, in a temporary directory that is deleted
     * afterwards, and returns the class files as jar entries ({@code db/migrations/V2__x.class} → bytes).
     */
    public static Map<String, byte[]> classFiles(Map<String, String> sources) {
        Path classes = null;
        try {
            classes = Files.createTempDirectory("cairn-java-classes");
            return entries(compile(classes, sources), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (classes != null) {
                delete(classes);
            }
        }
    }

    /**
     * cairn-core's classes (a directory or a jar), as a user's build has them on its class path: where the
     * test loads {@link JavaMigration} from.
     */
    public static Path coreClasses() {
        try {
            return Path.of(JavaMigration.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The files under {@code directory} as jar entries (path with {@code /} → content), in the order of
     * their paths, with {@code prefix} (such as {@code ""} or {@code "BOOT-INF/classes/"}) before each.
     */
    public static Map<String, byte[]> entries(Path directory, String prefix) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(
                        prefix + directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /**
     * Writes a plain jar of {@code entries} (path in the jar → content) to {@code file}, making its directory
     * if missing: a manifest, a directory entry for each directory, and compressed entries, as most build
     * tools write them. Returns {@code file}.
     */
    public static Path jar(Path file, Map<String, byte[]> entries) {
        write(file, plainManifest(), entries, false);
        return file;
    }

    /** The bytes of a plain jar of {@code entries}, as {@link #jar(Path, Map)} writes it: a library of a fat jar. */
    public static byte[] jarBytes(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, plainManifest(), entries, false);
        return bytes.toByteArray();
    }

    /**
     * Writes a jar to {@code file} as Spring Boot's build plugins do: stored (uncompressed) entries, the
     * application's classes and resources under {@code BOOT-INF/classes/}, its libraries as jars in
     * {@code BOOT-INF/lib/}, and a manifest that names both (and Spring Boot's launcher). Returns {@code file}.
     *
     * @param classes entries of {@code BOOT-INF/classes/}, such as {@code db/migrations/V2__x.class}
     * @param libraries a jar's file name → its content ({@link #jarBytes(Map)}), for {@code BOOT-INF/lib/}
     */
    public static Path bootJar(Path file, Map<String, byte[]> classes, Map<String, byte[]> libraries) {
        Manifest manifest = plainManifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        main.putValue("Start-Class", "com.example.Application");
        main.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        main.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        classes.forEach((name, content) -> entries.put("BOOT-INF/classes/" + name, content));
        libraries.forEach((name, content) -> entries.put("BOOT-INF/lib/" + name, content));
        write(file, manifest, entries, true);
        return file;
    }

    private static Manifest plainManifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return manifest;
    }

    private static void write(Path file, Manifest manifest, Map<String, byte[]> entries, boolean stored) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                write(out, manifest, entries, stored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OutputStream target, Manifest manifest, Map<String, byte[]> entries, boolean stored) {
        try (JarOutputStream out = new JarOutputStream(target)) {
            ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
            manifest.write(manifestBytes);
            List<String> directories = new ArrayList<>(List.of("META-INF/"));
            put(out, "META-INF/", new byte[0], stored);
            put(out, JarFile.MANIFEST_NAME, manifestBytes.toByteArray(), stored);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String name = entry.getKey();
                // Directory entries, as jar tools write them: some readers list a package only through them.
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    String directory = name.substring(0, slash + 1);
                    if (!directories.contains(directory)) {
                        directories.add(directory);
                        put(out, directory, new byte[0], stored);
                    }
                }
                put(out, name, entry.getValue(), stored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] content, boolean stored) throws IOException {
        JarEntry entry = new JarEntry(name);
        if (stored) {
            // A stored entry gives its size and CRC up front; Spring Boot needs its nested jars stored.
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    /**
     * Deletes a temporary directory and what it holds, as far as it can: one left behind harms no test, and
     * an error here must not hide javac's.
     */
    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // Left behind in the temporary directory, like any other test's files.
        }
    }
}
