// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

/**
 * How log lines reach stderr: slf4j-simple reads its settings once, when the first logger is made, so
 * they are set from the raw arguments before anything logs. Cairn's own verbosity is kept apart from
 * its libraries': {@code -v} shows Cairn's debug log only, {@code -vv} also the JDBC drivers' and the
 * pool's (a MariaDB driver at debug prints every query it sends). Any {@code org.slf4j.simpleLogger.*}
 * system property given to the JVM (in {@code CAIRN_JAVA_OPTS}) wins over these.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {}

    /** Sets up logging for a run with {@code args}. */
    static void configure(String[] args) {
        int verbosity = verbosity(args);
        if (verbosity >= 2) {
            setDefault(PREFIX + "defaultLogLevel", "debug");
            setDefault(PREFIX + "log.com.zaxxer.hikari", "debug");
            // Lines of many libraries at once: say whose each is.
            setDefault(PREFIX + "showShortLogName", "true");
        } else if (verbosity == 1) {
            setDefault(PREFIX + "log.dev.cairn", "debug");
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
