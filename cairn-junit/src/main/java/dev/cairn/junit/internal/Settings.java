// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.Cairn;
import dev.cairn.ConfigurationException;
import dev.cairn.Redaction;
import dev.cairn.junit.Engine;
import dev.cairn.junit.TestDatabaseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one annotation or builder asks for, with the server's URL resolved; equal settings share one
 * template in a test run, so this record is the template's key.
 *
 * @param engine the product
 * @param locations where the migrations are
 * @param table the tracking table, or empty for Cairn's default
 * @param url the server's admin URL; empty for an embedded engine, and for PostgreSQL without a server
 *     (the embedded one)
 * @param urlSource where {@code url} came from, for messages: the annotation, a property or a variable
 * @param classLoader what reads {@code classpath:} locations: the test class's
 */
public record Settings(
        Engine engine,
        List<String> locations,
        Optional<String> table,
        Optional<String> url,
        String urlSource,
        ClassLoader classLoader) {

    /** Creates the record; the list is copied. */
    public Settings {
        Objects.requireNonNull(engine, "engine");
        locations = List.copyOf(locations);
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(classLoader, "classLoader");
    }

    /**
     * Resolves the settings: a server URL not given here comes from the engine's system property, else
     * from its environment variable.
     *
     * @param url the URL given in the annotation or builder; blank for none
     * @param table the table given; blank for Cairn's default
     * @param environment the process environment (a parameter so that tests can give their own)
     * @throws TestDatabaseException if no location is given
     */
    public static Settings resolve(
            Engine engine,
            List<String> locations,
            String url,
            String table,
            ClassLoader classLoader,
            Map<String, String> environment) {
        if (locations.isEmpty() || locations.stream().anyMatch(String::isBlank)) {
            throw new TestDatabaseException("locations is empty or holds a blank entry: name where the migrations"
                    + " are, such as classpath:db/migrations or filesystem:src/main/resources/db/migrations.");
        }
        Optional<String> resolved = Optional.empty();
        String source = "";
        if (engine.isServer()) {
            String property = engine.urlProperty().orElseThrow();
            String variable = engine.urlVariable().orElseThrow();
            if (!url.isBlank()) {
                resolved = Optional.of(url.strip());
                source = "the url attribute";
            } else if (!System.getProperty(property, "").isBlank()) {
                resolved = Optional.of(System.getProperty(property).strip());
                source = "-D" + property;
            } else if (!environment.getOrDefault(variable, "").isBlank()) {
                resolved = Optional.of(environment.get(variable).strip());
                source = variable;
            }
        }
        Optional<String> tableName = table.isBlank() ? Optional.empty() : Optional.of(table.strip());
        return new Settings(engine, locations, tableName, resolved, source, classLoader);
    }

    /** How to give a server URL, for messages: the attribute, the property, the variable. */
    String howToGiveUrl() {
        return "the url attribute of @CairnDatabase (or CairnExtension.url), -D"
                + engine.urlProperty().orElseThrow() + ", or the environment variable "
                + engine.urlVariable().orElseThrow();
    }

    /** The URL and where it came from, without a password, for messages; the embedded server when none. */
    String describeUrl() {
        return url.map(u -> Redaction.url(u) + " (from " + urlSource + ")").orElse("the embedded server");
    }

    /**
     * Checks that the engine's JDBC driver can be loaded.
     *
     * @throws TestDatabaseException naming the dependency to add
     */
    void requireDriver() {
        String driver = engine.driverClass();
        if (url.filter(u -> u.startsWith("jdbc:mysql:")).isPresent()) {
            // A MySQL URL works with MySQL's own driver as well as MariaDB's: let DriverManager decide.
            return;
        }
        try {
            Class.forName(driver, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new TestDatabaseException(
                    engine.displayName() + "'s JDBC driver (" + driver + ") is not on the test class path: add "
                            + engine.driverArtifact() + " to the project's test dependencies.",
                    e);
        }
    }

    /**
     * Cairn for the database at {@code address}, reading these locations.
     *
     * @throws TestDatabaseException if Cairn cannot read a location
     */
    Cairn cairn(Address address) {
        Cairn.Builder builder = Cairn.configure()
                .url(address.url())
                .locations(locations.toArray(String[]::new))
                .classLoader(classLoader);
        if (address.user() != null) {
            builder.user(address.user());
        }
        if (address.password() != null) {
            builder.password(address.password());
        }
        table.ifPresent(builder::table);
        try {
            return builder.load();
        } catch (ConfigurationException e) {
            throw new TestDatabaseException(
                    "Cairn cannot use the locations " + locations + ": " + e.getMessage()
                            + " Correct locations in @CairnDatabase (or CairnExtension.locations).",
                    e);
        }
    }
}
