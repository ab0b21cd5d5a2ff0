// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.Cairn;
import dev.cairn.CairnConfig;
import dev.cairn.ConfigurationException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code cairn}: where it runs, its environment variables, its streams, the global options
 * and the command's name. Builds the {@link Cairn} every database command uses, and picks the
 * {@link Output}.
 */
final class Invocation implements AutoCloseable {

    /** The environment variable that gives {@code --classpath} when the option is not given. */
    static final String CLASSPATH_VARIABLE = "CAIRN_CLASSPATH";

    /**
     * The system property that names the directory of the checksum cache ({@code bin/cairn} sets it to
     * the start-up cache's directory); without it, no cache.
     */
    static final String CACHE_PROPERTY = "cairn.cache.directory";

    /** What {@code --classpath} needs in {@code cairn.yml} to be read at all. */
    static final String CLASSPATH_LOCATION_EXAMPLE = "migrations.locations: [..., classpath:db/migrations]";

    final Path workingDirectory;
    final Map<String, String> environment;
    final PrintStream out;
    final PrintStream err;
    final GlobalOptions options;
    private String command;
    private Output output;
    private URLClassLoader classLoader;

    private final boolean outIsTerminal;
    private final boolean errIsTerminal;

    Invocation(Path workingDirectory, Map<String, String> environment, PrintStream out, PrintStream err) {
        this(workingDirectory, environment, out, err, false, false);
    }

    /**
     * One run; {@code outIsTerminal} and {@code errIsTerminal} say whether the streams are known to be a
     * terminal, where {@code --color=auto} colours them.
     */
    Invocation(
            Path workingDirectory,
            Map<String, String> environment,
            PrintStream out,
            PrintStream err,
            boolean outIsTerminal,
            boolean errIsTerminal) {
        this(workingDirectory, environment, out, err, outIsTerminal, errIsTerminal, new GlobalOptions());
    }

    private Invocation(
            Path workingDirectory,
            Map<String, String> environment,
            PrintStream out,
            PrintStream err,
            boolean outIsTerminal,
            boolean errIsTerminal,
            GlobalOptions options) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.outIsTerminal = outIsTerminal;
        this.errIsTerminal = errIsTerminal;
        this.options = options;
    }

    /**
     * This run's command for one target of a fleet, writing to {@code out} and {@code err} (buffers,
     * not terminals), with the same options.
     */
    Invocation forTarget(PrintStream out, PrintStream err) {
        Invocation target = new Invocation(workingDirectory, environment, out, err, false, false, options);
        target.command = command;
        return target;
    }

    /** Whether stderr is known to be a terminal, where a progress line can be written over in place. */
    boolean errIsTerminal() {
        return errIsTerminal;
    }

    /** Whether stdout is known to be a terminal, where a line can be written over in place. */
    boolean outIsTerminal() {
        return outIsTerminal;
    }

    /** The terminal that stdout is, as the options and the environment say to treat it. */
    Terminal outTerminal() {
        return Terminal.of(options.colorWhen(), environment, outIsTerminal);
    }

    /** The terminal that stderr is, as the options and the environment say to treat it. */
    Terminal errTerminal() {
        return Terminal.of(options.colorWhen(), environment, errIsTerminal);
    }

    /** Records which command runs, for {@code "command"} in {@code --json}. */
    void command(String name) {
        command = name;
    }

    /** The subcommand that runs, or null before one is known. */
    String command() {
        return command;
    }

    /** The output chosen by {@code --json}; the same instance for the whole run. */
    Output output() {
        if (output == null) {
            output = options.json ? new JsonOutput(this) : new HumanOutput(this);
        }
        return output;
    }

    /** The configuration file that {@code -c} names, or {@code cairn.yml}, against the working directory. */
    Path configFile() {
        return workingDirectory
                .resolve(options.config == null ? Path.of(CairnConfig.DEFAULT_FILE) : options.config)
                .normalize();
    }

    /**
     * Builds the {@link Cairn} from the global options. Without {@code -c}, a missing {@code cairn.yml}
     * and a {@code --url} mean "configure from the URL alone", so a one-off command needs no file.
     *
     * @throws ConfigurationException if the configuration file is missing (saying how to create one),
     *     or the core finds the settings wrong
     */
    Cairn load() {
        Cairn.Builder builder = Cairn.configure()
                .workingDirectory(workingDirectory)
                .variables(environment)
                .listener(new LockNotice(output().listener(), err));
        Path file = configFile();
        if (Files.exists(file)) {
            builder.configFile(file);
        } else if (options.config != null || options.url == null) {
            throw new ConfigurationException("There is no configuration file " + display(file) + ". Run 'cairn init' "
                    + "to create one, give another with -c FILE, or give the database with --url URL.");
        }
        if (options.environment != null) {
            builder.environment(options.environment);
        }
        if (options.url != null) {
            builder.url(options.url);
        }
        if (options.user != null) {
            builder.user(options.user);
        }
        if (options.password != null) {
            builder.password(options.password);
        }
        if (options.lockTimeout != null) {
            builder.lockTimeout(options.lockTimeout);
        }
        if (options.lockTimeoutDdl != null) {
            builder.lockTimeoutDdl(options.lockTimeoutDdl);
        }
        String classpath = classpath();
        if (classpath != null) {
            builder.classLoader(classLoader(classpath));
        }
        String cache = System.getProperty(CACHE_PROPERTY, "");
        if (!cache.isEmpty()) {
            builder.checksumCache(Path.of(cache));
        }
        Cairn cairn = builder.load();
        if (classpath != null && cairn.locations().stream().noneMatch(location -> location.startsWith("classpath:"))) {
            err.println(errTerminal().warning("warning:") + " " + classpathOption()
                    + " is given, but no migrations location is on the class path, so nothing is read from it."
                    + " Add one to cairn.yml, such as " + CLASSPATH_LOCATION_EXAMPLE + ".");
        }
        output().using(cairn);
        return cairn;
    }

    /** {@code --classpath}, else {@code $CAIRN_CLASSPATH}; null if neither is given (or either is empty). */
    private String classpath() {
        String given = options.classpath != null ? options.classpath : environment.get(CLASSPATH_VARIABLE);
        return given == null || given.isBlank() ? null : given;
    }

    /** How the user gave the class path, for messages. */
    private String classpathOption() {
        return options.classpath != null ? "--classpath" : CLASSPATH_VARIABLE;
    }

    /**
     * A class loader over the jars and class directories of {@code classpath}, each against the working
     * directory, whose parent is Cairn's own loader (so that the classes there see {@code JavaMigration}).
     * Closed by {@link #close()}.
     *
     * @throws ConfigurationException naming the first entry that does not exist
     */
    private ClassLoader classLoader(String classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator, -1)) {
            if (entry.isBlank()) {
                continue; // "a.jar::b.jar" or a trailing separator: nothing between
            }
            Path path;
            try {
                path = workingDirectory.resolve(entry.strip()).normalize();
            } catch (InvalidPathException e) {
                throw new ConfigurationException(classpathOption() + " names '" + entry + "', which is not a path.");
            }
            if (!Files.exists(path)) {
                throw new ConfigurationException(classpathOption() + " names " + display(path) + ", which does not"
                        + " exist. Give jars and class directories that exist, separated by '" + File.pathSeparator
                        + "'.");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigurationException(classpathOption() + " names " + display(path) + ", which cannot be"
                        + " read as a class path entry: " + e.getMessage());
            }
        }
        classLoader = new URLClassLoader("cairn-classpath", urls.toArray(URL[]::new), Cairn.class.getClassLoader());
        return classLoader;
    }

    /** Closes the class loader of {@code --classpath}, if one was made. */
    @Override
    public void close() {
        if (classLoader != null) {
            try {
                classLoader.close();
            } catch (IOException e) {
                // Only open jars are closed here; the process is about to end.
            }
        }
    }

    /** {@code path} relative to the working directory when it is inside it, else absolute. */
    String display(Path path) {
        Path absolute = workingDirectory.resolve(path).normalize();
        return absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)
                ? workingDirectory.relativize(absolute).toString()
                : absolute.toString();
    }
}
