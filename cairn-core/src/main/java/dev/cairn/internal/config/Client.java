// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.EnvironmentConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The databases that {@code client:} names, with what differs between them when building a JDBC
 * URL and the driver's properties. Adding a database is adding a constant: its names, URL prefix,
 * whether it is a server (host, port, database name) or a file, and any driver properties.
 */
enum Client {
    POSTGRESQL(
            "postgresql",
            "PostgreSQL",
            "jdbc:postgresql:",
            Kind.SERVER,
            5432,
            true,
            "org.postgresql:postgresql",
            "postgres",
            "pg") {
        @Override
        void addDriverProperties(EnvironmentConfig environment, Properties properties) {
            // pgjdbc property names: https://jdbc.postgresql.org/documentation/use/#connection-parameters
            environment.ssl().ifPresent(ssl -> properties.setProperty("sslmode", ssl.label()));
            String seconds = Long.toString(Durations.secondsRoundingUp(environment.connectTimeout()));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("ApplicationName", "cairn");
        }
    },

    /** MySQL, through MariaDB Connector/J (see {@link DriverUrl}), which speaks to MySQL too. */
    MYSQL("mysql", "MySQL", "jdbc:mysql:", Kind.SERVER, 3306, true, "org.mariadb.jdbc:mariadb-java-client") {
        @Override
        void addDriverProperties(EnvironmentConfig environment, Properties properties) {
            addMariaDbProperties(environment, properties);
        }
    },

    MARIADB("mariadb", "MariaDB", "jdbc:mariadb:", Kind.SERVER, 3306, true, "org.mariadb.jdbc:mariadb-java-client") {
        @Override
        void addDriverProperties(EnvironmentConfig environment, Properties properties) {
            addMariaDbProperties(environment, properties);
        }
    },

    /** A file; {@code database:} is its path. */
    SQLITE("sqlite", "SQLite", "jdbc:sqlite:", Kind.FILE, 0, false, "org.xerial:sqlite-jdbc", "sqlite3"),

    /** Embedded H2: {@code database:} is the file's path without {@code .mv.db}, or {@code :memory:}. */
    H2("h2", "H2", "jdbc:h2:", Kind.FILE, 0, false, "com.h2database:h2") {
        @Override
        String fileUrl(String database, Path directory) {
            // In memory, kept until the JVM ends, so that an application and its migrations share it.
            return database.equals(JdbcUrls.MEMORY)
                    ? "jdbc:h2:mem:cairn;DB_CLOSE_DELAY=-1"
                    : "jdbc:h2:file:" + directory.resolve(database).normalize();
        }
    };

    /** How {@code client:} names the database: a server, or a file. */
    enum Kind {
        /** {@code host}, {@code port} and {@code database} (the database's name). */
        SERVER,
        /** {@code database} is a file path; host and port do not apply. */
        FILE
    }

    private final String key;
    private final String displayName;
    private final String urlPrefix;
    private final Kind kind;
    private final int defaultPort;
    private final boolean ssl;
    private final String driverArtifact;
    private final List<String> aliases;

    Client(
            String key,
            String displayName,
            String urlPrefix,
            Kind kind,
            int defaultPort,
            boolean ssl,
            String driverArtifact,
            String... aliases) {
        this.key = key;
        this.kind = kind;
        this.displayName = displayName;
        this.urlPrefix = urlPrefix;
        this.defaultPort = defaultPort;
        this.ssl = ssl;
        this.driverArtifact = driverArtifact;
        this.aliases = List.of(aliases);
    }

    /** The client that {@code name} (a {@code client:} value, in any case) stands for. */
    static Optional<Client> named(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.key.equals(lower) || c.aliases.contains(lower))
                .findFirst();
    }

    /** The client whose driver takes {@code jdbcUrl}, if Cairn knows it. */
    static Optional<Client> forUrl(String jdbcUrl) {
        return Arrays.stream(values())
                .filter(c -> jdbcUrl.startsWith(c.urlPrefix))
                .findFirst();
    }

    /** The supported {@code client:} values, with their other names, for messages. */
    static String supported() {
        return Arrays.stream(values())
                .map(c -> c.aliases.isEmpty() ? c.key : c.key + " (or " + String.join(", ", c.aliases) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The name in {@code client:}, such as {@code postgresql}. */
    String key() {
        return key;
    }

    /** The product's name, such as {@code PostgreSQL}. */
    String displayName() {
        return displayName;
    }

    /** The start of every JDBC URL of this client, such as {@code jdbc:postgresql:}. */
    String urlPrefix() {
        return urlPrefix;
    }

    /** Whether the database is a server or a file. */
    Kind kind() {
        return kind;
    }

    /** The server's usual port (0 for a file). */
    int defaultPort() {
        return defaultPort;
    }

    /** Whether {@code ssl:} means something for this database. */
    boolean supportsSsl() {
        return ssl;
    }

    /** The Maven coordinates of the JDBC driver, for the message when it is missing. */
    String driverArtifact() {
        return driverArtifact;
    }

    /** Adds this driver's own properties (timeouts, TLS) for {@code environment}; none by default. */
    void addDriverProperties(EnvironmentConfig environment, Properties properties) {}

    /** The JDBC URL of the file database at {@code database}, relative to {@code directory}. */
    String fileUrl(String database, Path directory) {
        return JdbcUrls.file(urlPrefix, database, directory);
    }

    /**
     * MariaDB Connector/J's property names
     * (https://mariadb.com/docs/connectors/mariadb-connector-j/about-mariadb-connector-j): the connect
     * timeout in milliseconds, and {@code sslMode}, whose {@code trust} encrypts without checking the
     * certificate, as {@code ssl: require} does for PostgreSQL.
     */
    private static void addMariaDbProperties(EnvironmentConfig environment, Properties properties) {
        environment
                .ssl()
                .ifPresent(ssl -> properties.setProperty(
                        "sslMode",
                        switch (ssl) {
                            case DISABLE -> "disable";
                            case REQUIRE -> "trust";
                            case VERIFY_FULL -> "verify-full";
                        }));
        properties.setProperty(
                "connectTimeout", Long.toString(environment.connectTimeout().toMillis()));
    }
}
