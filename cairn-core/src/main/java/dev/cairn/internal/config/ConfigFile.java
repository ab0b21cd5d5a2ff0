// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.EnvironmentConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** STUB: replaced by the configuration work. A parsed cairn.yml whose environments resolve lazily. */
public final class ConfigFile {

    private ConfigFile() {}

    /** Reads and parses {@code file}; see CairnConfig#load. */
    public static ConfigFile read(Path file, Map<String, String> variables) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The file, absolute. */
    public Path path() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The environment names in file order. */
    public List<String> environmentNames() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Resolves one environment: name, else CAIRN_ENV from the variables, else development. */
    public EnvironmentConfig environment(String name) {
        throw new UnsupportedOperationException("not yet");
    }
}
