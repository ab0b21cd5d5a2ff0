// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Answers {@code cairn --version} from what Maven wrote into {@code version.properties}: the version,
 * and the git commit the jar was built from (with {@code -dirty} when the checkout had changes), or
 * {@code unknown commit} for a build outside a git checkout.
 */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"cairn " + number() + " (" + describe(commit()) + ")", "Java " + Runtime.version()};
    }

    /** The version of this build, such as {@code 0.1.0}. */
    static String number() {
        return properties().getProperty("version", "(unknown version)");
    }

    /** The commit of this build, such as {@code 1a2b3c4d5e} or {@code 1a2b3c4d5e-dirty}; null if unknown. */
    static String commit() {
        return commit(properties());
    }

    /** {@code commit 1a2b3c4d5e}, or {@code unknown commit} for null: how the human output names it. */
    static String describe(String commit) {
        return commit == null ? "unknown commit" : "commit " + commit;
    }

    /**
     * The commit that {@code properties} name. Maven leaves a property it could not fill in as its
     * {@code ${...}} expression, which is what a build outside a git checkout gives.
     */
    static String commit(Properties properties) {
        String commit = properties.getProperty("commit", "");
        if (commit.isBlank() || commit.startsWith("${")) {
            return null;
        }
        return "true".equals(properties.getProperty("dirty")) ? commit + "-dirty" : commit;
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
