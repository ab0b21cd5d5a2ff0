// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One name under which users know a database, as {@code client:} in {@code cairn.yml} takes it, with the
 * JDBC URL prefix and the driver that go with it. A dialect has one client, or several for databases
 * that one dialect speaks to alike (MySQL and MariaDB).
 *
 * @param key the name in {@code client:}, such as {@code postgresql}
 * @param displayName the product's name, such as {@code PostgreSQL}
 * @param urlPrefix the start of its JDBC URLs, such as {@code jdbc:postgresql:}
 * @param driverClass the class of the driver that usually takes those URLs
 * @param driverArtifact the Maven coordinates of the driver Cairn uses for them, for the message when
 *     it is missing
 * @param aliases other names accepted in {@code client:}
 * @param dialect the dialect that speaks to it
 */
public record Client(
        String key,
        String displayName,
        String urlPrefix,
        String driverClass,
        String driverArtifact,
        List<String> aliases,
        Dialect dialect) {

    /** The client that {@code name} (a {@code client:} value, in any case) stands for. */
    public static Optional<Client> named(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return all().stream()
                .filter(c -> c.key.equals(lower) || c.aliases.contains(lower))
                .findFirst();
    }

    /** The client whose URLs start like {@code jdbcUrl} (in any case), if Cairn knows it. */
    public static Optional<Client> forUrl(String jdbcUrl) {
        return all().stream()
                .filter(c -> jdbcUrl.regionMatches(true, 0, c.urlPrefix, 0, c.urlPrefix.length()))
                .findFirst();
    }

    /** The supported {@code client:} values, with their other names, for messages. */
    public static String supported() {
        return all().stream()
                .map(c -> c.aliases.isEmpty() ? c.key : c.key + " (or " + String.join(", ", c.aliases) + ")")
                .collect(Collectors.joining(", "));
    }

    /** Every client of every dialect, in the order messages list them. */
    public static List<Client> all() {
        return Dialect.all().stream()
                .flatMap(dialect -> dialect.clients().stream())
                .toList();
    }
}
