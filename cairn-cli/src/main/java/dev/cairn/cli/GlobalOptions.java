// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.CairnConfig;
import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every command takes, mixed into the top command with {@code scope = INHERIT}: picocli
 * copies them into each subcommand, bound to this same instance, so {@code cairn --json status} and
 * {@code cairn status --json} set the same field.
 */
final class GlobalOptions {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "The configuration file (default: cairn.yml in the working directory).")
    Path config;

    @Option(
            names = {"-e", "--env"},
            paramLabel = "ENV",
            scope = ScopeType.INHERIT,
            description = "The environment of the configuration file (default: $CAIRN_ENV, else development).")
    String environment;

    @Option(
            names = "--url",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "The JDBC URL to use instead of the file's.")
    String url;

    @Option(
            names = "--user",
            paramLabel = "USER",
            scope = ScopeType.INHERIT,
            description = "The database user to use instead of the file's.")
    String user;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            scope = ScopeType.INHERIT,
            description = "The database password to use instead of the file's; never printed.")
    String password;

    @Option(
            names = "--classpath",
            paramLabel = "PATH",
            scope = ScopeType.INHERIT,
            description = "Jars and class directories, separated by '${sys:path.separator}', to read the"
                    + " classpath: locations of migrations.locations from, such as classpath:db/migrations (Java"
                    + " migrations and SQL files); relative to the working directory (default: $CAIRN_CLASSPATH).")
    String classpath;

    @Option(
            names = "--lock-timeout",
            paramLabel = "DURATION",
            scope = ScopeType.INHERIT,
            converter = LockTimeout.class,
            description = "How long to wait for another runner's lock, such as 30s or 5m, instead of the file's"
                    + " lock-timeout (default 60s).")
    Duration lockTimeout;

    @Option(
            names = "--lock-timeout-ddl",
            paramLabel = "DURATION",
            scope = ScopeType.INHERIT,
            converter = LockTimeout.class,
            description = "The longest each migration statement waits for a table lock, such as 5s, before it gives"
                    + " up and is tried again (three more times), instead of the file's lock-timeout-ddl."
                    + " PostgreSQL, MySQL, MariaDB.")
    Duration lockTimeoutDdl;

    @Option(
            names = "--target",
            paramLabel = "NAME",
            scope = ScopeType.INHERIT,
            description = "On an environment with targets: run on this one target (schema or database) only.")
    String target;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            scope = ScopeType.INHERIT,
            description = "On an environment with targets: work on N targets at once, instead of the file's"
                    + " parallel (default " + EnvironmentConfig.DEFAULT_PARALLEL + ").")
    Integer parallel;

    @Option(
            names = "--fail-fast",
            scope = ScopeType.INHERIT,
            description = "On an environment with targets: start no more targets once one has failed.")
    boolean failFast;

    @Option(
            names = "--shard",
            paramLabel = "I/K",
            scope = ScopeType.INHERIT,
            converter = Shard.class,
            description = "On an environment with targets: run only the I-th of K slices of them (1/4 to 4/4),"
                    + " each target always in the same slice, for a CI matrix or indexed jobs.")
    Slice shard;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print one JSON document on stdout, and nothing else there.")
    boolean json;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Show more: descriptions and times in status, stack traces of errors, Cairn's debug"
                    + " log. -vv also shows the debug log of the JDBC drivers and the pool.")
    boolean verbose;

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            scope = ScopeType.INHERIT,
            converter = ColorWhen.class,
            description = "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    Terminal.When color = Terminal.When.AUTO;

    @Option(
            names = "--no-color",
            scope = ScopeType.INHERIT,
            description = "Do not colour the output; the same as --color=never.")
    boolean noColor;

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
