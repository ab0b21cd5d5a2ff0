// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Builds what an application ships, inside a test: Java migrations compiled at test time (so that their
 * package is on no class path of the test itself), and jars of them, plain or in Spring Boot's layout.
 */
final class TestJars {

    private TestJars() {}

    /**
     * Compiles {@code sources} (a class's full name → its source) against cairn-core and returns the class
     * files, each by its path in a jar ({@code db/migrations/V2__x.class}).
     */
    static Map<String, byte[]> compile(Path work, Map<String, String> sources) {
        try {
            Path sourceRoot = Files.createDirectories(work.resolve("src"));
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of(
                    "--release", "17", "-proc:none", "-classpath", cairnCore().toString(), "-d", classes.toString()));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            // The JDK's javac through java.base's ToolProvider: the test classes are compiled into the
            // dev.cairn module, which does not read java.compiler (javax.tools).
            ToolProvider javac = ToolProvider.findFirst("javac")
                    .orElseThrow(() -> new IllegalStateException("no javac: run the tests on a JDK"));
            StringWriter errors = new StringWriter();
            PrintWriter writer = new PrintWriter(errors);
            int exit = javac.run(writer, writer, arguments.toArray(String[]::new));
            writer.flush();
            if (exit != 0) {
                throw new IllegalStateException("javac failed: " + errors);
            }
            Map<String, byte[]> compiled = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    compiled.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return compiled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a jar of {@code entries} (path in the jar → content), every entry stored, as Spring Boot needs. */
    static Path jar(Path file, Map<String, byte[]> entries) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(jarBytes(entries));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a jar of {@code entries}, every entry stored (not compressed). */
    static byte[] jarBytes(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            List<String> directories = new ArrayList<>();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String name = entry.getKey();
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    String directory = name.substring(0, slash + 1);
                    if (!directories.contains(directory)) {
                        directories.add(directory);
                        put(jar, directory, new byte[0]);
                    }
                }
                put(jar, name, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }

    /** The class directory or jar that holds cairn-core's API. */
    private static Path cairnCore() {
        try {
            return Path.of(JavaMigration.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
