// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Answers {@code cairn --version} from the version Maven wrote into {@code version.properties}. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"cairn " + number(), "Java " + Runtime.version()};
    }

    /** The version of this build, such as {@code 0.1.0}. */
    static String number() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "(unknown version)");
    }
}
