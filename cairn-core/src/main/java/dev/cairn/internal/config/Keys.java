// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.EnvironmentConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of {@code cairn.yml}: which keys each mapping allows, in the order the documentation
 * lists them, and which of them are mappings themselves. The whole file is checked against it when
 * it is read, so that a misspelt key is reported even in an environment that is not being used.
 */
final class Keys {

    /** The shape that marks a key whose value is a list of plain values (first: the shapes below use it). */
    private static final Keys LIST = new Keys("[ a, b ]");

    /** {@code pool:} of an environment. */
    static final Keys POOL = new Keys("{ min: 2, max: 20 }")
            .value("min")
            .value("max")
            .value("idle-timeout")
            .value("max-lifetime");

    /** A {@code { query: ... }} form of a choice (see {@link #choice}). */
    private static final Keys QUERY = new Keys("{ query: \"SELECT name FROM tenants\" }").value("query");

    /** {@code targets:} of an environment: one of its keys, each a pattern, a list or a query. */
    static final Keys TARGETS =
            new Keys("{ schemas: \"tenant_%\" }").choice("schemas", QUERY).choice("databases", QUERY);

    /** {@code migrations.placeholders:}: any name, each a plain value. */
    static final Keys PLACEHOLDERS = new Keys("{ owner: app_owner }").anyValue();

    /** {@code migrations:}, at the top level or in an environment. */
    static final Keys MIGRATIONS = new Keys("{ directory: " + EnvironmentConfig.DEFAULT_MIGRATIONS_DIRECTORY + " }")
            .value("directory")
            .list("locations")
            .value("table")
            .value("schema")
            .value("schema-file")
            .section("placeholders", PLACEHOLDERS);

    /** {@code seeds:}, at the top level or in an environment. */
    static final Keys SEEDS =
            new Keys("{ directory: " + EnvironmentConfig.DEFAULT_SEEDS_DIRECTORY + " }").value("directory");

    /** {@code lint.rules:}: any rule's id, each {@code off}, {@code warning} or {@code error}. */
    static final Keys LINT_RULES = new Keys("{ drop-column: off }").anyValue();

    /** {@code lint:}, at the top level or in an environment. */
    static final Keys LINT = new Keys("{ rules: { drop-column: off } }").section("rules", LINT_RULES);

    /** One environment. */
    static final Keys ENVIRONMENT = new Keys("{ url: jdbc:sqlite:dev.sqlite3 }")
            .value("url")
            .value("client")
            .value("host")
            .value("port")
            .value("database")
            .value("user")
            .value("password")
            .value("ssl")
            .section("pool", POOL)
            .value("connect-timeout")
            .value("lock-timeout")
            .value("lock-timeout-ddl")
            .section("migrations", MIGRATIONS)
            .section("seeds", SEEDS)
            .section("targets", TARGETS)
            .value("parallel")
            .section("lint", LINT);

    /** {@code environments:}: any name, each an environment. */
    static final Keys ENVIRONMENTS = new Keys("{ development: { url: jdbc:sqlite:dev.sqlite3 } }", ENVIRONMENT);

    /** The top level of the file. */
    static final Keys TOP = new Keys("{ environments: { development: { url: jdbc:sqlite:dev.sqlite3 } } }")
            .section("migrations", MIGRATIONS)
            .section("seeds", SEEDS)
            .section("lint", LINT)
            .section("environments", ENVIRONMENTS);

    /** Names people bring from other tools, and the key Cairn uses for the same thing. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("username", "user"),
            Map.entry("login", "user"),
            Map.entry("pass", "password"),
            Map.entry("passwd", "password"),
            Map.entry("pwd", "password"),
            Map.entry("db", "database"),
            Map.entry("dbname", "database"),
            Map.entry("database-name", "database"),
            Map.entry("hostname", "host"),
            Map.entry("server", "host"),
            Map.entry("driver", "client"),
            Map.entry("dialect", "client"),
            Map.entry("adapter", "client"),
            Map.entry("jdbc-url", "url"),
            Map.entry("jdbcurl", "url"),
            Map.entry("sslmode", "ssl"),
            Map.entry("ssl-mode", "ssl"),
            Map.entry("tls", "ssl"),
            Map.entry("timeout", "connect-timeout"),
            Map.entry("connection-timeout", "connect-timeout"),
            Map.entry("dir", "directory"),
            Map.entry("path", "directory"),
            Map.entry("folder", "directory"),
            Map.entry("table-name", "table"),
            Map.entry("tablename", "table"),
            Map.entry("env", "environments"),
            Map.entry("envs", "environments"),
            Map.entry("minimum", "min"),
            Map.entry("min-idle", "min"),
            Map.entry("minimum-idle", "min"),
            Map.entry("maximum", "max"),
            Map.entry("max-size", "max"),
            Map.entry("maximum-pool-size", "max"));

    private final String example;
    /** Allowed keys in order; the value is the section's shape, or null for a plain value. */
    private final Map<String, Keys> keys = new LinkedHashMap<>();
    /** The keys whose value may be a plain value, a list, or a mapping of the shape in {@link #keys}. */
    private final Set<String> choices = new HashSet<>();
    /** For a mapping whose keys are names chosen by the user: the shape of each value. */
    private final Keys anyKey;
    /** For a mapping whose keys are names chosen by the user and whose values are plain values. */
    private boolean anyValue;

    private Keys(String example) {
        this(example, null);
    }

    private Keys(String example, Keys anyKey) {
        this.example = example;
        this.anyKey = anyKey;
    }

    /** Any key, each a plain value. */
    private Keys anyValue() {
        anyValue = true;
        return this;
    }

    private Keys value(String key) {
        keys.put(key, null);
        return this;
    }

    /** A key whose value is a list of plain values (or one plain value, a list of one). */
    private Keys list(String key) {
        keys.put(key, LIST);
        return this;
    }

    /**
     * A key whose value is one of three forms: a plain value, a list of plain values, or a mapping
     * of {@code shape}; the reader keeps it as it was written, and whoever reads it says what each means.
     */
    private Keys choice(String key, Keys shape) {
        keys.put(key, shape);
        choices.add(key);
        return this;
    }

    /** Whether {@code key} takes a list of plain values. */
    boolean isList(String key) {
        return anyKey == null && keys.get(key) == LIST;
    }

    /** Whether {@code key} takes a plain value, a list or a mapping (see {@link #choice}). */
    boolean isChoice(String key) {
        return anyKey == null && choices.contains(key);
    }

    private Keys section(String key, Keys shape) {
        keys.put(key, shape);
        return this;
    }

    /** A short flow-style example of this mapping, for messages. */
    String example() {
        return example;
    }

    /** Whether {@code key} may appear here. */
    boolean allows(String key) {
        return anyKey != null || anyValue || keys.containsKey(key);
    }

    /** The shape of {@code key}'s value if it is a mapping, else empty (a plain value). */
    Optional<Keys> section(String key) {
        return Optional.ofNullable(anyKey != null ? anyKey : keys.get(key)).filter(shape -> shape != LIST);
    }

    /** The allowed keys, comma-separated, in documentation order. */
    String list() {
        return String.join(", ", keys.keySet());
    }

    /**
     * The allowed key that {@code unknown} was probably meant to be: the same after ignoring case,
     * {@code _} and camelCase, a known synonym, or at most two edits away.
     */
    Optional<String> suggest(String unknown) {
        String normal = normalise(unknown);
        if (keys.containsKey(normal)) {
            return Optional.of(normal);
        }
        String synonym = SYNONYMS.get(normal);
        if (synonym != null && keys.containsKey(synonym)) {
            return Optional.of(synonym);
        }
        List<String> close = new ArrayList<>();
        int best = normal.length() < 4 ? 1 : 2;
        for (String key : keys.keySet()) {
            int distance = distance(normal, key);
            if (distance < best) {
                close.clear();
                best = distance;
            }
            if (distance <= best) {
                close.add(key);
            }
        }
        return close.size() == 1 ? Optional.of(close.get(0)) : Optional.empty();
    }

    /** {@code connectTimeout}, {@code Connect_Timeout} → {@code connect-timeout}. */
    private static String normalise(String key) {
        String kebab = key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-');
        return kebab.toLowerCase(Locale.ROOT).trim();
    }

    /**
     * How many single-character edits (insert, delete, replace, or swap two neighbours) turn {@code a}
     * into {@code b}: the optimal string alignment distance, so that {@code prot} is one edit from
     * {@code port}.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
