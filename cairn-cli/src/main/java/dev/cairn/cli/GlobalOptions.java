// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;
import static dev.cairn.cli.Specs.option;

import dev.cairn.CairnConfig;
import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every command takes, added to the top command with scope INHERIT: picocli copies them
 * into each subcommand, bound to this same instance, so {@code cairn --json status} and {@code cairn
 * status --json} set the same field.
 */
final class GlobalOptions {

    Path config;
    String environment;
    String url;
    String user;
    String password;
    String classpath;
    Duration lockTimeout;
    Duration lockTimeoutDdl;
    String target;
    Integer parallel;
    boolean failFast;
    Slice shard;
    boolean json;
    boolean verbose;
    Terminal.When color = Terminal.When.AUTO;
    boolean noColor;

    /**
     * Adds the options to {@code spec}, the top command's, in the order its usage help lists them; with
     * scope INHERIT, picocli copies them into each subcommand as it is added, bound to this instance.
     */
    void addTo(CommandSpec spec) {
        add(
                spec,
                option(Path.class, () -> config, value -> config = value, "-c", "--config")
                        .paramLabel("FILE")
                        .description("The configuration file (default: cairn.yml in the working directory)."));
        add(
                spec,
                option(String.class, () -> environment, value -> environment = value, "-e", "--env")
                        .paramLabel("ENV")
                        .description("The environment of the configuration file (default: $CAIRN_ENV, else"
                                + " development)."));
        add(
                spec,
                option(String.class, () -> url, value -> url = value, "--url")
                        .paramLabel("URL")
                        .description("The JDBC URL to use instead of the file's."));
        add(
                spec,
                option(String.class, () -> user, value -> user = value, "--user")
                        .paramLabel("USER")
                        .description("The database user to use instead of the file's."));
        add(
                spec,
                option(String.class, () -> password, value -> password = value, "--password")
                        .paramLabel("PASSWORD")
                        .description("The database password to use instead of the file's; never printed."));
        add(
                spec,
                option(String.class, () -> classpath, value -> classpath = value, "--classpath")
                        .paramLabel("PATH")
                        .description("Jars and class directories, separated by '${sys:path.separator}', to read the"
                                + " classpath: locations of migrations.locations from, such as"
                                + " classpath:db/migrations (Java migrations and SQL files); relative to the working"
                                + " directory (default: $CAIRN_CLASSPATH)."));
        add(
                spec,
                option(Duration.class, () -> lockTimeout, value -> lockTimeout = value, "--lock-timeout")
                        .paramLabel("DURATION")
                        .converters(new LockTimeout())
                        .description(
                                "How long to wait for another runner's lock, such as 30s or 5m, instead of the file's"
                                        + " lock-timeout (default 60s)."));
        add(
                spec,
                option(Duration.class, () -> lockTimeoutDdl, value -> lockTimeoutDdl = value, "--lock-timeout-ddl")
                        .paramLabel("DURATION")
                        .converters(new LockTimeout())
                        .description(
                                "The longest each migration statement waits for a table lock, such as 5s, before it"
                                        + " gives up and is tried again (three more times), instead of the file's"
                                        + " lock-timeout-ddl. PostgreSQL, MySQL, MariaDB."));
        add(
                spec,
                option(String.class, () -> target, value -> target = value, "--target")
                        .paramLabel("NAME")
                        .description("On an environment with targets: run on this one target (schema or database)"
                                + " only."));
        add(
                spec,
                option(Integer.class, () -> parallel, value -> parallel = value, "--parallel")
                        .paramLabel("N")
                        .description("On an environment with targets: work on N targets at once, instead of the file's"
                                + " parallel (default " + EnvironmentConfig.DEFAULT_PARALLEL + ")."));
        add(
                spec,
                flag(() -> failFast, value -> failFast = value, "--fail-fast")
                        .description("On an environment with targets: start no more targets once one has failed."));
        add(
                spec,
                option(Slice.class, () -> shard, value -> shard = value, "--shard")
                        .paramLabel("I/K")
                        .converters(new Shard())
                        .description("On an environment with targets: run only the I-th of K slices of them (1/4 to"
                                + " 4/4), each target always in the same slice, for a CI matrix or indexed jobs."));
        add(
                spec,
                flag(() -> json, value -> json = value, "--json")
                        .description("Print one JSON document on stdout, and nothing else there."));
        add(
                spec,
                flag(() -> verbose, value -> verbose = value, "-v", "--verbose")
                        .description(
                                "Show more: descriptions and times in status, stack traces of errors, Cairn's debug"
                                        + " log. -vv also shows the debug log of the JDBC drivers and the pool."));
        add(
                spec,
                option(Terminal.When.class, () -> color, value -> color = value, "--color")
                        .paramLabel("WHEN")
                        .converters(new ColorWhen())
                        .description("Colour the output: auto (on a terminal, unless NO_COLOR is set), always or"
                                + " never."));
        add(
                spec,
                flag(() -> noColor, value -> noColor = value, "--no-color")
                        .description("Do not colour the output; the same as --color=never."));
    }

    private static void add(CommandSpec spec, OptionSpec.Builder option) {
        spec.addOption(option.scopeType(ScopeType.INHERIT).build());
    }

    /** When to colour: {@code --no-color} wins over {@code --color}. */
    Terminal.When colorWhen() {
        return noColor ? Terminal.When.NEVER : color;
    }

    /**
     * Reads {@code --lock-timeout} as {@code cairn.yml} reads {@code lock-timeout}. picocli's message
     * names the option already ("Invalid value for option '--lock-timeout': it must be …").
     */
    static final class LockTimeout implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return CairnConfig.duration("it", value);
            } catch (ConfigurationException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --shard I/K}: the I-th of K slices. */
    record Slice(int index, int count) {}

    /** Reads {@code --shard}'s {@code I/K}, 1 &lt;= I &lt;= K. */
    static final class Shard implements ITypeConverter<Slice> {
        @Override
        public Slice convert(String value) {
            String[] parts = value.strip().split("/", -1);
            if (parts.length == 2 && parts[0].matches("\\d{1,6}") && parts[1].matches("\\d{1,6}")) {
                int index = Integer.parseInt(parts[0]);
                int count = Integer.parseInt(parts[1]);
                if (index >= 1 && index <= count) {
                    return new Slice(index, count);
                }
            }
            throw new TypeConversionException(
                    "'" + value + "' is not a slice: give I/K with 1 <= I <= K, such as 1/4 (the first of four)");
        }
    }

    /** Reads {@code --color}'s value, in any case. */
    static final class ColorWhen implements ITypeConverter<Terminal.When> {
        @Override
        public Terminal.When convert(String value) {
            for (Terminal.When when : Terminal.When.values()) {
                if (when.name().equalsIgnoreCase(value)) {
                    return when;
                }
            }
            throw new TypeConversionException("it must be auto, always or never");
        }
    }
}
