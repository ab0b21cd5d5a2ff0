// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.util.Map;

/**
 * How log lines reach stderr: slf4j-simple reads its settings once, when the first logger is made, so
 * they are set from the raw arguments before anything logs. Cairn's own verbosity is kept apart from
 * its libraries': {@code -v} shows Cairn's debug log only, {@code -vv} also the JDBC drivers' and the
 * pool's (a MariaDB driver at debug prints every query it sends). A warning reads {@code warning: …},
 * in colour where stderr is coloured. Any {@code org.slf4j.simpleLogger.*} system property given to the
 * JVM (in {@code CAIRN_JAVA_OPTS}) wins over these.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {}

    /** Sets up logging for a run with {@code args}, in this process's environment. */
    static void configure(String[] args, Map<String, String> environment) {
        int verbosity = verbosity(args);
        if (verbosity >= 2) {
            setDefault(PREFIX + "defaultLogLevel", "debug");
            setDefault(PREFIX + "log.com.zaxxer.hikari", "debug");
        } else if (verbosity == 1) {
            setDefault(PREFIX + "log.dev.cairn", "debug");
        }
        Terminal stderr = Terminal.of(colorWhen(args), environment, Terminal.isTerminal(2));
        setDefault(PREFIX + "warnLevelString", stderr.warning("warning:"));
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

    /** What {@code --color} and {@code --no-color} among {@code args} say, before picocli reads them. */
    static Terminal.When colorWhen(String[] args) {
        Terminal.When when = Terminal.When.AUTO;
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--color=")
                    ? args[i].substring("--color=".length())
                    : args[i].equals("--color") && i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--no-color")) {
                return Terminal.When.NEVER;
            }
            if (value != null) {
                try {
                    when = new GlobalOptions.ColorWhen().convert(value);
                } catch (RuntimeException e) {
                    // picocli reports the bad value as a usage error.
                }
            }
        }
        return when;
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
