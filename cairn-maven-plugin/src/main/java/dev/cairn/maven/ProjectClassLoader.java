// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * A class loader over the project's class path, for one goal's run. Its parent is the plugin's own
 * class loader, so that {@code dev.cairn} (and a JDBC driver given in the plugin's {@code <dependencies>})
 * comes from the plugin: a project that compiles its Java migrations against {@code cairn-core} runs them
 * against the plugin's copy, whatever version it compiled with.
 */
final class ProjectClassLoader {

    private final URLClassLoader loader;

    private ProjectClassLoader(URLClassLoader loader) {
        this.loader = loader;
    }

    /**
     * A loader over {@code classPath}'s entries that exist: a project that is not compiled yet has no
     * {@code target/classes}, and its SQL locations still work.
     */
    static ProjectClassLoader of(List<String> classPath) {
        return of(classPath, ProjectClassLoader.class.getClassLoader());
    }

    /** As {@link #of(List)}, with another parent (for tests). */
    static ProjectClassLoader of(List<String> classPath, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath) {
            Path path = Path.of(entry);
            if (Files.exists(path)) {
                try {
                    urls.add(path.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ProjectClassLoader(new URLClassLoader("cairn-project", urls.toArray(URL[]::new), parent));
    }

    /** The class loader. */
    ClassLoader loader() {
        return loader;
    }

    /** The entries the loader reads, in order. */
    List<URL> urls() {
        return List.of(loader.getURLs());
    }

    /**
     * Closes the loader's jars. A failure to close is only logged at debug level: the goal's work is done
     * by then, and an open file handle until the JVM ends harms nothing.
     */
    void close(Log log) {
        try {
            loader.close();
        } catch (IOException e) {
            log.debug("Could not close the project's class loader: " + e.getMessage());
        }
    }
}
