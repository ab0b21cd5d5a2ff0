// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.TypeConversionException;

/**
 * How log lines reach stderr: slf4j-simple reads its settings once, when the first logger is made, so
 * they are set from the raw arguments before anything logs. Cairn's own verbosity is kept apart from
 * its libraries': {@code -v} shows Cairn's debug log only, {@code -vv} also the JDBC drivers' and the
 * pool's (a MariaDB driver at debug prints every query it sends). Any {@code org.slf4j.simpleLogger.*}
 * system property given to the JVM (in {@code CAIRN_JAVA_OPTS}) wins over these.
 *
 * <p>A warning reads {@code warning: …}, like {@code error: …}, in colour where stderr takes it.
 * slf4j-simple 2.0 ignores its own {@code warnLevelString}, so stderr is wrapped instead: it writes
 * each log line with one {@code println}, whose {@code [WARN]} is replaced there.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {}

    /** Sets up logging for a run with {@code args}, in an environment with {@code environment}'s variables. */
    static void configure(String[] args, Map<String, String> environment) {
        int verbosity = verbosity(args);
        if (verbosity >= 2) {
            setDefault(PREFIX + "defaultLogLevel", "debug");
            setDefault(PREFIX + "log.com.zaxxer.hikari", "debug");
            // Lines of many libraries at once: say whose each is.
            setDefault(PREFIX + "showShortLogName", "true");
        } else if (verbosity == 1) {
            setDefault(PREFIX + "log.dev.cairn", "debug");
        }
        if (verbosity < 2) {
            // The SQLite driver, when it copies its native library out of the jar, also deletes the copies
            // that other processes left in the temporary directory, and logs an error with a stack trace
            // when it cannot: when another cairn running at the same moment deleted it first, say. Nothing
            // is wrong then; a library that cannot be loaded fails the connection, which says so.
            setDefault(PREFIX + "log.org.sqlite.SQLiteJDBCLoader", "off");
        }
        Terminal stderr = Terminal.of(colorWhen(args), environment, Terminal.isTerminal(2));
        System.setErr(new Warnings(System.err, stderr));
    }

    /** What {@code --color} and {@code --no-color} among {@code args} say, before picocli reads them. */
    static Terminal.When colorWhen(String[] args) {
        Terminal.When when = Terminal.When.AUTO;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            if (args[i].equals("--no-color")) {
                return Terminal.When.NEVER;
            }
            String value = args[i].startsWith("--color=")
                    ? args[i].substring("--color=".length())
                    : args[i].equals("--color") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                try {
                    when = new GlobalOptions.ColorWhen().convert(value);
                } catch (TypeConversionException e) {
                    // picocli reports the bad value as a usage error; meanwhile the default holds.
                }
            }
        }
        return when;
    }

    /** stderr with each log line's {@code [WARN]} written as {@code warning:}, coloured on a terminal. */
    static final class Warnings extends PrintStream {

        private static final String LEVEL = "[WARN] ";

        private final Terminal terminal;

        Warnings(PrintStream target, Terminal terminal) {
            super(target, false, StandardCharsets.UTF_8);
            this.terminal = terminal;
        }

        @Override
        public void println(String line) {
            if (line != null && line.startsWith(LEVEL)) {
                super.println(terminal.warning("warning:") + " " + line.substring(LEVEL.length()));
            } else {
                super.println(line);
            }
        }
    }

    /** How many times {@code -v} was given in one word ({@code -vv} is 2); {@code --verbose} is 1. */
    static int verbosity(String[] args) {
        int verbosity = 0;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--verbose")) {
                verbosity = Math.max(verbosity, 1);
            } else if (arg.matches("-v+")) {
                verbosity = Math.max(verbosity, arg.length() - 1);
            }
        }
        return verbosity;
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
