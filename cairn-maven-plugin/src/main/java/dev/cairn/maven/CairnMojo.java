// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Cairn;
import dev.cairn.CairnConfig;
import dev.cairn.CairnException;
import dev.cairn.CancelledException;
import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.LockException;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationFileException;
import dev.cairn.ValidationException;
import dev.cairn.VerificationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * What every goal shares: the parameters that configure {@link Cairn}, {@code cairn.skip}, the project's
 * class path (so that {@code classpath:} locations, Java migrations and a JDBC driver among the project's
 * dependencies are found), and the mapping of Cairn's exceptions to Maven's. A goal implements
 * {@link #run}: one call of the API and its summary in the log.
 *
 * <p>Where {@code cairn.yml} and this configuration both give a value, this configuration wins, as
 * the {@code cairn} tool's options win over the file.
 */
public abstract class CairnMojo extends AbstractMojo {

    /** Skips the goal (every goal of this plugin, with {@code -Dcairn.skip}). */
    @Parameter(property = "cairn.skip", defaultValue = "false")
    boolean skip;

    /**
     * The configuration file. When it does not exist, the goal runs from {@link #url} alone; without a
     * URL either, it is an error.
     */
    @Parameter(property = "cairn.configFile", defaultValue = "${project.basedir}/cairn.yml")
    File configFile;

    /** The environment of {@code cairn.yml}; default {@code CAIRN_ENV}, else {@code development}. */
    @Parameter(property = "cairn.environment")
    String environment;

    /** The JDBC URL, overriding the file's. */
    @Parameter(property = "cairn.url")
    String url;

    /** The database user, overriding the file's and the {@link #serverId} server's. */
    @Parameter(property = "cairn.user")
    String user;

    /**
     * The database password, overriding the file's and the {@link #serverId} server's; usually given
     * as the property {@code -Dcairn.password}.
     *
     * <p>Held as written and worked out only when the goal runs: Maven's debug output ({@code -X}) lists
     * every parameter of a goal with its value, and would otherwise show the password itself. (An
     * expression written in the pom, such as {@code ${env.X}}, is put in by Maven when it reads the pom,
     * and shown anyway; the README says what to use instead.)
     */
    @Parameter(property = "cairn.password")
    PlexusConfiguration password;

    /** The id of a {@code <server>} in {@code settings.xml} whose username and (decrypted) password to use. */
    @Parameter(property = "cairn.serverId")
    String serverId;

    /**
     * Where migrations come from, overriding {@code migrations.locations} and {@code migrations.directory}:
     * {@code filesystem:PATH} (or a bare path, relative to the project's base directory) and
     * {@code classpath:PACKAGE}, such as {@code classpath:db/migrations}. As a property, comma-separated.
     */
    @Parameter(property = "cairn.locations")
    List<String> locations;

    /** The tracking table, overriding {@code migrations.table}. */
    @Parameter(property = "cairn.table")
    String table;

    /** The tracking table's schema, overriding {@code migrations.schema}. */
    @Parameter(property = "cairn.schema")
    String schema;

    /** How long to wait for another runner's lock, written as in the file ({@code 30s}, {@code 5m}). */
    @Parameter(property = "cairn.lockTimeout")
    String lockTimeout;

    /**
     * The longest each migration statement waits for a table lock before it is tried again, overriding
     * {@code lock-timeout-ddl} ({@code 5s}).
     */
    @Parameter(property = "cairn.lockTimeoutDdl")
    String lockTimeoutDdl;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    private final SettingsDecrypter settingsDecrypter;

    /** Takes the decrypter of {@code settings.xml} passwords, which Maven injects into each goal. */
    CairnMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    /**
     * Runs the goal's command on a configured {@link Cairn} and writes its summary to {@code report};
     * Cairn's exceptions are mapped by the caller.
     */
    abstract void run(Cairn cairn, Report report) throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Cairn (cairn.skip is set).");
            return;
        }
        ProjectClassLoader classLoader = ProjectClassLoader.of(classPath());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // cairn-core finds the JDBC driver of a URL through the context class loader (by its usual class
        // name, or among the drivers it lists, where DriverManager would not hand Cairn a driver of the
        // project's class path): with the project's class path there, a driver among the project's
        // dependencies is found as well as one among the plugin's <dependencies> (its parent).
        thread.setContextClassLoader(classLoader.loader());
        try {
            Report report = new Report(getLog());
            Cairn cairn = load(classLoader.loader(), report);
            report.using(cairn);
            run(cairn, report);
        } catch (CairnException e) {
            AbstractMojoExecutionException mapped = failure(e);
            if (mapped instanceof MojoFailureException) {
                throw (MojoFailureException) mapped;
            }
            throw (MojoExecutionException) mapped;
        } finally {
            thread.setContextClassLoader(previous);
            classLoader.close(getLog());
        }
    }

    /** The project's compiled classes and its runtime dependencies, in the project's order. */
    private List<String> classPath() throws MojoExecutionException {
        try {
            return project.getRuntimeClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime class path is not resolved: " + e.getMessage(), e);
        }
    }

    private Cairn load(ClassLoader classLoader, Report report) throws MojoExecutionException {
        Path basedir = project.getBasedir().toPath();
        Cairn.Builder builder = Cairn.configure()
                .workingDirectory(basedir)
                .classLoader(classLoader)
                .listener(new LogProgress(getLog(), report));
        Path file = configFile == null ? basedir.resolve(CairnConfig.DEFAULT_FILE) : configFile.toPath();
        if (Files.isRegularFile(file)) {
            builder.configFile(file);
        } else if (url == null) {
            throw new MojoExecutionException("There is no configuration file " + file + ". Create one (cairn init"
                    + " writes one), name another with <configFile> (-Dcairn.configFile), or give the database"
                    + " with <url> (-Dcairn.url).");
        }
        if (environment != null) {
            builder.environment(environment);
        }
        if (url != null) {
            builder.url(url);
        }
        Credentials credentials =
                Credentials.resolve(serverId, user, password(), session.getSettings(), settingsDecrypter);
        credentials.user().ifPresent(builder::user);
        credentials.password().ifPresent(builder::password);
        if (locations != null && !locations.isEmpty()) {
            builder.locations(locations.toArray(String[]::new));
        }
        if (table != null) {
            builder.table(table);
        }
        if (schema != null) {
            builder.schema(schema);
        }
        if (lockTimeout != null) {
            builder.lockTimeout(CairnConfig.duration("lockTimeout", lockTimeout));
        }
        if (lockTimeoutDdl != null) {
            builder.lockTimeoutDdl(CairnConfig.duration("lockTimeoutDdl", lockTimeoutDdl));
        }
        return builder.load();
    }

    /** The {@link #password} parameter's value, its expressions worked out as Maven works out the others'. */
    private String password() throws MojoExecutionException {
        String written = password == null ? null : password.getValue();
        if (written == null) {
            return null;
        }
        try {
            Object value = new PluginParameterExpressionEvaluator(session, mojoExecution).evaluate(written);
            return value == null ? null : value.toString();
        } catch (ExpressionEvaluationException e) {
            // Neither Maven's message nor the cause: both quote what is written, which may be the password.
            throw new MojoExecutionException("Cannot work out <password> (-Dcairn.password): an expression in it"
                    + " does not evaluate; check its ${...}, or give the password through a settings.xml server.");
        }
    }

    /**
     * The Maven exception for one of Cairn's: a configuration error is an error in the build's setup
     * ({@link MojoExecutionException}), as are an unreachable database and a lock that was not had; a
     * migration, validation or verification that fails is the build's failure ({@link MojoFailureException}).
     * The message is Cairn's, which says what stays applied and what to do, and never holds a password;
     * the cause is kept for {@code -e}.
     */
    static AbstractMojoExecutionException failure(CairnException error) {
        String message = error.getMessage();
        if (error instanceof ConfigurationException
                || error instanceof ConnectionException
                || error instanceof LockException) {
            return new MojoExecutionException(message, error);
        } else if (error instanceof MigrationFailedException
                || error instanceof MigrationFileException
                || error instanceof ValidationException
                || error instanceof VerificationException
                || error instanceof CancelledException) {
            MojoFailureException failure = new MojoFailureException(message);
            failure.initCause(error);
            return failure;
        }
        // CairnException is sealed: a new subtype must be placed above, not fall through silently.
        throw new IllegalStateException("unmapped failure " + error.getClass().getName(), error);
    }

    /** Writes {@code text} to {@code file}, creating its directory. */
    static void write(File file, String text) throws MojoExecutionException {
        try {
            Path path = file.toPath();
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
