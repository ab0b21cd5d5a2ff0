// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal;

import dev.cairn.MigrationListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/** STUB: the resolved settings a Cairn runs with. */
public record Settings(String environment, String target, Path migrationsDirectory) {

    /** What the builder collected; every field may be null. */
    public static final class Draft {
        public Path configFile;
        public String environment;
        public Map<String, String> variables;
        public String url;
        public String user;
        public String password;
        public DataSource dataSource;
        public Path directory;
        public String table;
        public String schema;
        public Duration lockTimeout;
        public MigrationListener listener;
    }

    /** Resolves a draft. */
    public static Settings resolve(Draft draft) {
        throw new UnsupportedOperationException("not yet");
    }
}
