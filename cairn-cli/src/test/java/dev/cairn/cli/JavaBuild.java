// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * What a user's build does before {@code cairn --classpath}: compiles Java migrations against
 * cairn-core's classes, and packs them into a plain jar or a Spring Boot style fat jar.
 */
final class JavaBuild {

    private JavaBuild() {}

    /**
     * Compiles {@code sources} (class name → source text) into {@code classes} against cairn-core's
     * classes, found where the test loads {@link JavaMigration} from. Through
     * {@code java.util.spi.ToolProvider}, the JDK's javac in-process: the test classes are compiled in
     * the module {@code dev.cairn.cli}, which does not read {@code java.compiler} (javax.tools).
     */
    static Path compile(Path classes, Map<String, String> sources) {
        try {
            Path sourceRoot = Files.createTempDirectory("cairn-java-sources");
            List<String> args = new ArrayList<>(
                    List.of("-d", classes.toString(), "-cp", coreClasses().toString(), "-Xlint:all", "-Werror"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                args.add(file.toString());
            }
            ToolProvider javac = ToolProvider.findFirst("javac")
                    .orElseThrow(() -> new AssertionError("no javac: run the tests on a JDK"));
            StringWriter messages = new StringWriter();
            PrintWriter writer = new PrintWriter(messages);
            int code = javac.run(writer, writer, args.toArray(String[]::new));
            writer.flush();
            assertThat(code).as("javac: %s", messages).isZero();
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** cairn-core's classes (a directory or a jar), as a user's build has them on its class path. */
    static Path coreClasses() {
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

    /** The files under {@code directory} as jar entries (path → content), with {@code prefix} before each. */
    static Map<String, byte[]> entries(Path directory, String prefix) {
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

    /** Writes a jar of {@code entries}, compressed as most build tools do. */
    static Path jar(Path jar, Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return write(jar, manifest, entries, false);
    }

    /**
     * Writes a jar as Spring Boot's build plugins do: stored (uncompressed) entries, the application's
     * classes and resources under {@code BOOT-INF/classes/}, its libraries as jars in {@code BOOT-INF/lib/},
     * and a manifest that says so.
     *
     * @param classes entries of {@code BOOT-INF/classes/}, such as {@code db/migrations/V2__x.class}
     * @param libraries jar name → jar content, for {@code BOOT-INF/lib/}
     */
    static Path bootJar(Path jar, Map<String, byte[]> classes, Map<String, byte[]> libraries) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        main.putValue("Start-Class", "com.example.Application");
        main.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        main.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        classes.forEach((name, content) -> entries.put("BOOT-INF/classes/" + name, content));
        libraries.forEach((name, content) -> entries.put("BOOT-INF/lib/" + name, content));
        return write(jar, manifest, entries, true);
    }

    /** The bytes of a jar of {@code entries}, for a library inside a fat jar. */
    static byte[] jarBytes(Map<String, byte[]> entries) {
        try {
            Path file = Files.createTempFile("cairn-lib", ".jar");
            try {
                return Files.readAllBytes(jar(file, entries));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path jar, Manifest manifest, Map<String, byte[]> entries, boolean stored) {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            List<String> directories = new ArrayList<>();
            put(out, JarFile.MANIFEST_NAME, manifestBytes(manifest), stored);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String name = entry.getKey();
                // Directory entries, as jar tools write them: some readers list a package only through them.
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
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
        return jar;
    }

    private static byte[] manifestBytes(Manifest manifest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
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
}
