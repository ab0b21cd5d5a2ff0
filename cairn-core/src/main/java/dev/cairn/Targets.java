// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The targets of a fleet ({@code targets:} of an environment): the schemas of one database, or the
 * databases of one server, that each get the same migrations, each with a tracking table, a lock and
 * batches of its own. They are chosen one of three ways: by a SQL {@code LIKE} pattern over the names
 * the server has, by a list of names, or by a query whose first column gives the names.
 *
 * @param kind schemas or databases
 * @param pattern the {@code LIKE} pattern, such as {@code tenant_%}, if chosen that way
 * @param names the names, if chosen by a list (else empty)
 * @param query the query, if chosen that way
 */
public record Targets(Kind kind, Optional<String> pattern, List<String> names, Optional<String> query) {

    /** The placeholder, {@code ${target}}, that a migration writes for the target it runs on. */
    public static final String PLACEHOLDER = "target";

    /** Checks that exactly one way of choosing is given. */
    public Targets {
        Objects.requireNonNull(kind, "kind");
        names = List.copyOf(names);
        int ways = (pattern.isPresent() ? 1 : 0) + (names.isEmpty() ? 0 : 1) + (query.isPresent() ? 1 : 0);
        if (ways != 1) {
            throw new IllegalArgumentException("Targets are chosen by one pattern, list or query, not " + ways);
        }
    }

    /** The targets whose names match the SQL {@code LIKE} {@code pattern} ({@code %} and {@code _}). */
    public static Targets like(Kind kind, String pattern) {
        return new Targets(kind, Optional.of(pattern), List.of(), Optional.empty());
    }

    /** The targets named, in this order. */
    public static Targets named(Kind kind, List<String> names) {
        return new Targets(kind, Optional.empty(), names, Optional.empty());
    }

    /** The targets that {@code query}'s first column names, run on the environment's own database. */
    public static Targets fromQuery(Kind kind, String query) {
        return new Targets(kind, Optional.empty(), List.of(), Optional.of(query));
    }

    /** How the targets are chosen, for messages: {@code schemas like tenant_%}, say. */
    public String describe() {
        if (pattern.isPresent()) {
            return kind.key() + " like " + pattern.get();
        }
        if (query.isPresent()) {
            return kind.key() + " from a query";
        }
        return kind.key() + " " + String.join(", ", names);
    }

    /** What the targets are. */
    public enum Kind {
        /** Schemas of the environment's database: a target's schema is the default for its migrations. */
        SCHEMAS("schemas"),
        /** Databases on the environment's server, beside the one its URL names. */
        DATABASES("databases");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key in {@code cairn.yml}: {@code schemas} or {@code databases}. */
        public String key() {
            return key;
        }

        /** What one target is called in messages: {@code schema} or {@code database}. */
        public String noun() {
            return key.substring(0, key.length() - 1);
        }
    }
}
