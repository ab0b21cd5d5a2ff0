// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Cairn;
import dev.cairn.CairnException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gradle.api.DefaultTask;
import org.gradle.api.GradleException;
import org.gradle.api.file.ConfigurableFileCollection;
import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.file.RegularFileProperty;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.Property;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.TaskAction;

/**
 * What every Cairn task shares: the settings of {@link CairnExtension} (the plugin sets each task's
 * from the extension), a {@link Cairn} made from them, and failures turned into a build failure that
 * carries Cairn's message. The tasks talk to a database, so they are never up to date.
 */
public abstract class CairnTask extends DefaultTask {

    /** Creates the task; Gradle does. */
    public CairnTask() {
        setGroup("cairn");
        getOutputs().upToDateWhen(task -> false);
    }

    /** See {@link CairnExtension#getConfigFile()}. */
    @Internal
    public abstract RegularFileProperty getConfigFile();

    /** See {@link CairnExtension#getEnvironment()}. */
    @Internal
    public abstract Property<String> getEnvironment();

    /** See {@link CairnExtension#getUrl()}. */
    @Internal
    public abstract Property<String> getUrl();

    /** See {@link CairnExtension#getUser()}. */
    @Internal
    public abstract Property<String> getUser();

    /** See {@link CairnExtension#getPassword()}. */
    @Internal
    public abstract Property<String> getPassword();

    /** See {@link CairnExtension#getLocations()}. */
    @Internal
    public abstract ListProperty<String> getLocations();

    /** See {@link CairnExtension#getTable()}. */
    @Internal
    public abstract Property<String> getTable();

    /** See {@link CairnExtension#getSchema()}. */
    @Internal
    public abstract Property<String> getSchema();

    /** See {@link CairnExtension#getLockTimeout()}. */
    @Internal
    public abstract Property<Duration> getLockTimeout();

    /** See {@link CairnExtension#getClasspath()}. */
    @Internal
    public abstract ConfigurableFileCollection getClasspath();

    /** The directory that relative paths in the configuration are read from: the project's. */
    @Internal
    public abstract DirectoryProperty getWorkingDirectory();

    /** Runs the task's command with a {@code Cairn} on the task's settings. */
    @TaskAction
    public void execute() {
        try (URLClassLoader classLoader = classLoader()) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            // Cairn loads the JDBC driver through the context class loader: the project's class path
            // may be the only one that has it.
            thread.setContextClassLoader(classLoader);
            try {
                run(cairn(classLoader));
            } finally {
                thread.setContextClassLoader(previous);
            }
        } catch (CairnException e) {
            // Gradle shows the message; the cause only with --stacktrace.
            throw new GradleException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command: migrate, status, ... */
    abstract void run(Cairn cairn);

    private Cairn cairn(ClassLoader classLoader) {
        Path workingDirectory = getWorkingDirectory().get().getAsFile().toPath();
        Cairn.Builder builder = Cairn.configure().workingDirectory(workingDirectory);
        File configFile = getConfigFile().getAsFile().getOrNull();
        // The default cairn.yml is optional when the build gives the URL; without one, Cairn's own
        // error says that the file is missing and what to do.
        if (configFile != null && (configFile.exists() || !getUrl().isPresent())) {
            builder.configFile(configFile.toPath());
        }
        if (getEnvironment().isPresent()) {
            builder.environment(getEnvironment().get());
        }
        if (getUrl().isPresent()) {
            builder.url(getUrl().get());
        }
        if (getUser().isPresent()) {
            builder.user(getUser().get());
        }
        if (getPassword().isPresent()) {
            builder.password(getPassword().get());
        }
        List<String> locations = getLocations().getOrElse(List.of());
        if (!locations.isEmpty()) {
            builder.locations(locations.toArray(String[]::new));
        }
        if (getTable().isPresent()) {
            builder.table(getTable().get());
        }
        if (getSchema().isPresent()) {
            builder.schema(getSchema().get());
        }
        if (getLockTimeout().isPresent()) {
            builder.lockTimeout(getLockTimeout().get());
        }
        return builder.classLoader(classLoader)
                .listener(new GradleLog(getLogger()))
                .load();
    }

    private URLClassLoader classLoader() {
        List<URL> urls = new ArrayList<>();
        for (File file : getClasspath().getFiles()) {
            try {
                urls.add(file.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new GradleException("Cannot use " + file + " on Cairn's class path: " + e.getMessage());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), CairnTask.class.getClassLoader());
    }
}
