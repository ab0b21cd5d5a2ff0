// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import java.time.Duration;
import org.gradle.api.file.ConfigurableFileCollection;
import org.gradle.api.file.RegularFileProperty;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.Property;

/**
 * The build's {@code cairn { ... }} block. Every setting is optional: by default the tasks read the
 * project's {@code cairn.yml} (its {@code development} environment, or {@code CAIRN_ENV}), and a
 * setting made here overrides the file's.
 */
public abstract class CairnExtension {

    /** Creates the extension; Gradle does. */
    public CairnExtension() {}

    /** The configuration file; default the project directory's {@code cairn.yml}. */
    public abstract RegularFileProperty getConfigFile();

    /** The environment of the configuration file; default {@code CAIRN_ENV}, else {@code development}. */
    public abstract Property<String> getEnvironment();

    /** The JDBC URL of the database, overriding the file's. */
    public abstract Property<String> getUrl();

    /** The database user. */
    public abstract Property<String> getUser();

    /** The user's password; never logged. Read it from a Gradle property or the environment. */
    public abstract Property<String> getPassword();

    /** Where migrations come from ({@code filesystem:PATH}, {@code classpath:PACKAGE}). */
    public abstract ListProperty<String> getLocations();

    /** The tracking table. */
    public abstract Property<String> getTable();

    /** The schema of the tracking table. */
    public abstract Property<String> getSchema();

    /** How long to wait for another runner's lock. */
    public abstract Property<Duration> getLockTimeout();

    /**
     * The class path of {@code classpath:} locations, Java migrations and the JDBC driver; default the
     * {@code main} source set's runtime class path when the project is a Java project.
     */
    public abstract ConfigurableFileCollection getClasspath();
}
