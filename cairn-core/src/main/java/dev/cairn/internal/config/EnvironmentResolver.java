// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.ConfigurationException;
import dev.cairn.EnvironmentConfig;
import dev.cairn.EnvironmentConfig.Pool;
import dev.cairn.EnvironmentConfig.Ssl;
import dev.cairn.LintRule;
import dev.cairn.Redaction;
import dev.cairn.Targets;
import dev.cairn.internal.dialect.Client;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.source.Location;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one environment of {@code cairn.yml} into an {@link EnvironmentConfig}: replaces
 * {@code ${VAR}} in the values it reads (and only those), checks each value's type and range, builds
 * the JDBC URL, and resolves paths against the file's directory. Keys of an environment's
 * {@code migrations:} and {@code seeds:} override the top-level ones one by one.
 *
 * <p>A value that is empty after replacement counts as not given, so {@code ${DB_SCHEMA:-}} means
 * "no schema" and {@code ${DB_PORT:-}} the default port.
 */
final class EnvironmentResolver {

    // HikariCP's own minimums: below them it silently uses other values, so refuse them here instead.
    private static final Duration MIN_CONNECT_TIMEOUT = Duration.ofMillis(250);
    private static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_MAX_LIFETIME = Duration.ofSeconds(30);
    private static final String POOL_MINIMUM = "(the connection pool's minimum)";

    /** The shortest {@code lock-timeout-ddl}: below it a statement could not reliably take even a free lock. */
    private static final Duration MIN_LOCK_TIMEOUT_DDL = Duration.ofMillis(10);

    /** The most targets a fleet may work on at once: each holds a connection. */
    private static final int MAX_PARALLEL = 256;

    /** The keys that make up the {@code client:} form, in the order messages list them. */
    private static final List<String> CLIENT_FORM = List.of("client", "host", "port", "database");

    // A host name or IPv4 address (letters, digits, . - _ and % for encoded names), or [an IPv6 address].
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._~%-]+|\\[[0-9A-Fa-f:.]+(%[\\w.-]+)?]");

    /** A {@code ${NAME}} or {@code ${NAME:-…}} reference, for naming the variables in a message. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private final String name;
    private final YamlMap environment;
    private final YamlMap top;
    private final Variables variables;
    private final SourceFile source;

    private EnvironmentResolver(String name, YamlMap environment, YamlMap top, Variables variables, SourceFile source) {
        this.name = name;
        this.environment = environment;
        this.top = top;
        this.variables = variables;
        this.source = source;
    }

    /**
     * Resolves environment {@code name}.
     *
     * @param environment its mapping, already checked for unknown keys
     * @param top the top level of the file, for the shared {@code migrations:} and {@code seeds:}
     * @throws ConfigurationException for an unset variable or an invalid value, with its line
     */
    static EnvironmentConfig resolve(
            String name, YamlMap environment, YamlMap top, Variables variables, SourceFile source) {
        return new EnvironmentResolver(name, environment, top, variables, source).resolve();
    }

    private EnvironmentConfig resolve() {
        Connection connection = connection();
        Optional<String> user = setting(environment, "user", false).map(Setting::text);
        Optional<String> password = setting(environment, "password", true).map(Setting::text);
        Optional<Ssl> ssl = ssl(connection.client());
        Duration connectTimeout = duration(
                environment, "connect-timeout", EnvironmentConfig.DEFAULT_CONNECT_TIMEOUT, MIN_CONNECT_TIMEOUT);
        Duration lockTimeout = duration(environment, "lock-timeout", EnvironmentConfig.DEFAULT_LOCK_TIMEOUT, null);
        Pool pool = pool();
        List<String> locations = locations();
        Path migrations = locations.isEmpty()
                ? directory("migrations", EnvironmentConfig.DEFAULT_MIGRATIONS_DIRECTORY)
                : locations.stream()
                        .filter(location -> location.startsWith(Location.FILESYSTEM))
                        .map(location -> Path.of(location.substring(Location.FILESYSTEM.length())))
                        .findFirst()
                        .orElse(source.directory().resolve(EnvironmentConfig.DEFAULT_MIGRATIONS_DIRECTORY));
        String table = layered("migrations", "table").map(Setting::text).orElse(EnvironmentConfig.DEFAULT_TABLE);
        Optional<String> schema = layered("migrations", "schema").map(Setting::text);
        Path seeds = directory("seeds", EnvironmentConfig.DEFAULT_SEEDS_DIRECTORY);
        Optional<Path> schemaFile = layered("migrations", "schema-file").map(setting -> {
            try {
                return source.directory().resolve(setting.text()).normalize();
            } catch (InvalidPathException e) {
                throw source.error(setting.line(), setting.path() + " is not a valid path: " + e.getReason() + ".");
            }
        });
        Map<String, String> placeholders = placeholders();
        Optional<Targets> targets = targets();
        int parallel = setting(environment, "parallel", false)
                .map(setting -> integer(setting, 1, MAX_PARALLEL, "a whole number from 1 to " + MAX_PARALLEL))
                .orElse(EnvironmentConfig.DEFAULT_PARALLEL);
        return new EnvironmentConfig(
                name,
                connection.url(),
                user,
                password,
                ssl,
                connectTimeout,
                lockTimeout,
                pool,
                migrations,
                locations,
                table,
                schema,
                seeds,
                schemaFile,
                targets,
                parallel,
                placeholders,
                lint(),
                lockTimeoutDdl());
    }

    /** {@code lock-timeout-ddl:}, if given: at least {@link #MIN_LOCK_TIMEOUT_DDL}. */
    private Optional<Duration> lockTimeoutDdl() {
        return setting(environment, "lock-timeout-ddl", false).map(given -> {
            Duration timeout = duration(environment, "lock-timeout-ddl", null, null);
            if (timeout.compareTo(MIN_LOCK_TIMEOUT_DDL) < 0) {
                throw source.error(
                        given.line(),
                        given.path() + " must be at least " + Durations.format(MIN_LOCK_TIMEOUT_DDL) + ", not "
                                + given.text().strip() + ": a statement needs that long to take even a free lock.");
            }
            return timeout;
        });
    }

    /**
     * {@code lint.rules:}: the top level's, then the environment's rule by rule; each rule must be one of
     * some database's, and each value {@code off}, {@code warning} or {@code error}.
     */
    private EnvironmentConfig.Lint lint() {
        Set<String> known = Dialect.all().stream()
                .flatMap(dialect -> dialect.lintRules().ids().stream())
                .collect(Collectors.toSet());
        Map<String, String> given = new LinkedHashMap<>();
        for (YamlMap layer : List.of(top, environment)) {
            Optional<YamlMap> rules = layer.section("lint").flatMap(lint -> lint.section("rules"));
            if (rules.isEmpty()) {
                continue;
            }
            for (Scalar scalar : rules.get().values().values()) {
                String rule = scalar.key();
                if (!known.contains(rule)) {
                    throw source.error(
                            scalar.line(),
                            scalar.path() + ": Cairn has no lint rule " + rule + "; cairn lint --rules lists them"
                                    + " all.");
                }
                String level = variables.expand(scalar, source, false).strip().toLowerCase(Locale.ROOT);
                if (!Set.of("off", "warning", "error").contains(level)) {
                    throw source.error(
                            scalar.line(), scalar.path() + " is '" + level + "'; write off, warning or error.");
                }
                given.put(rule, level);
            }
        }
        Set<String> off = new HashSet<>();
        Map<String, LintRule.Level> levels = new HashMap<>();
        given.forEach((rule, level) -> {
            if (level.equals("off")) {
                off.add(rule);
            } else {
                levels.put(rule, LintRule.Level.valueOf(level.toUpperCase(Locale.ROOT)));
            }
        });
        return new EnvironmentConfig.Lint(off, levels);
    }

    /** A placeholder's name, as migrations write it inside {@code ${...}}. */
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /**
     * {@code migrations.placeholders:}: the top level's, then the environment's key by key, each value
     * with variables replaced; {@code target} is Cairn's own.
     */
    private Map<String, String> placeholders() {
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (YamlMap layer : List.of(top, environment)) {
            Optional<YamlMap> section =
                    layer.section("migrations").flatMap(migrations -> migrations.section("placeholders"));
            if (section.isEmpty()) {
                continue;
            }
            for (Scalar scalar : section.get().values().values()) {
                String name = scalar.key();
                if (!PLACEHOLDER_NAME.matcher(name).matches()) {
                    throw source.error(
                            scalar.line(),
                            scalar.path() + ": '" + name + "' cannot be a placeholder's name; use letters, digits,"
                                    + " _, . and - (not starting with a digit).");
                }
                if (name.equals(Targets.PLACEHOLDER)) {
                    throw source.error(
                            scalar.line(),
                            scalar.path() + ": ${" + name + "} is the fleet target each migration runs on; give"
                                    + " this placeholder another name.");
                }
                placeholders.put(name, variables.expand(scalar, source, false));
            }
        }
        return Map.copyOf(placeholders);
    }

    /**
     * {@code targets:}: one of {@code schemas:} or {@code databases:}, each a {@code LIKE} pattern, a
     * list of names, or {@code { query: ... }}; variables are replaced in each.
     */
    private Optional<Targets> targets() {
        Optional<YamlMap> section = environment.section("targets");
        if (section.isEmpty() || section.get().isEmpty()) {
            return Optional.empty();
        }
        YamlMap targets = section.get();
        List<Targets.Kind> given = Arrays.stream(Targets.Kind.values())
                .filter(kind -> targets.value(kind.key()).isPresent()
                        || targets.list(kind.key()).isPresent()
                        || targets.section(kind.key()).isPresent())
                .toList();
        if (given.size() != 1) {
            throw source.error(
                    targets.line(),
                    targets.path() + " names either schemas: or databases:, not both; a fleet is one or the other.");
        }
        Targets.Kind kind = given.get(0);
        String where = targets.path() + "." + kind.key();
        Optional<Setting> pattern = setting(targets, kind.key(), false);
        if (pattern.isPresent()) {
            return Optional.of(Targets.like(kind, pattern.get().text()));
        }
        Optional<List<Scalar>> list = targets.list(kind.key());
        if (list.isPresent()) {
            List<String> names = new ArrayList<>();
            for (Scalar scalar : list.get()) {
                String text = variables.expand(scalar, source, false).strip();
                if (text.isEmpty()) {
                    throw source.error(scalar.line(), scalar.path() + " is empty; give a " + kind.noun() + "'s name.");
                }
                if (names.contains(text)) {
                    throw source.error(
                            scalar.line(), scalar.path() + " names " + text + " a second time; list each once.");
                }
                names.add(text);
            }
            if (names.isEmpty()) {
                throw source.error(targets.line(), where + " is an empty list; name at least one " + kind.noun() + ".");
            }
            return Optional.of(Targets.named(kind, names));
        }
        YamlMap query = targets.section(kind.key()).orElseThrow();
        Setting text = setting(query, "query", false)
                .orElseThrow(() -> source.error(
                        query.line(),
                        where + " needs query: with the SQL whose first column names the " + kind.key()
                                + ", such as { query: \"SELECT name FROM tenants\" }."));
        return Optional.of(Targets.fromQuery(kind, text.text()));
    }

    /** A value after {@code ${VAR}} replacement, with where it came from. */
    private record Setting(Scalar scalar, String text) {

        int line() {
            return scalar.line();
        }

        String path() {
            return scalar.path();
        }
    }

    /** The JDBC URL, and the client it belongs to when Cairn knows it. */
    private record Connection(String url, Optional<Client> client) {}

    /** {@code key} of {@code map}, replaced; empty if not given or empty after replacement. */
    private Optional<Setting> setting(YamlMap map, String key, boolean secret) {
        return map.value(key)
                .map(scalar -> new Setting(scalar, variables.expand(scalar, source, secret)))
                .filter(setting -> !setting.text().isEmpty());
    }

    /** {@code section.key} of the environment if given, else of the top level. */
    private Optional<Setting> layered(String section, String key) {
        Optional<Setting> own = environment.section(section).flatMap(map -> setting(map, key, false));
        return own.isPresent() ? own : top.section(section).flatMap(map -> setting(map, key, false));
    }

    private Connection connection() {
        List<Scalar> clientForm = CLIENT_FORM.stream()
                .map(environment::value)
                .flatMap(Optional::stream)
                .toList();
        Optional<Scalar> url = environment.value("url");
        if (url.isPresent()) {
            if (!clientForm.isEmpty()) {
                throw source.error(
                        clientForm.get(0).line(),
                        where() + " gives both url: (line " + url.get().line()
                                + ") and " + keys(clientForm) + ". Give either url: alone, or client: with host:, port:"
                                + " and database:.");
            }
            return fromUrl(url.get());
        }
        Optional<Setting> client = setting(environment, "client", false);
        if (client.isEmpty()) {
            if (!clientForm.isEmpty()) {
                throw source.error(
                        clientForm.get(0).line(),
                        where() + " gives " + keys(clientForm) + " but no client:. Add client: (" + Client.supported()
                                + "), or give url: instead.");
            }
            throw source.error(
                    environment.line(),
                    where() + " has no url: or client:. Give url: (such as"
                            + " url: jdbc:sqlite:dev.sqlite3), or client: with database: (and host: and port: for a"
                            + " server).");
        }
        Client chosen = Client.named(client.get().text())
                .orElseThrow(() -> source.error(
                        client.get().line(),
                        client.get().path() + " '" + client.get().text() + "' is not supported. Use one of: "
                                + Client.supported() + "; for another database, give url: with its JDBC URL instead."));
        String jdbcUrl = switch (chosen.dialect().kind()) {
            case SERVER -> serverUrl(chosen, client.get());
            case FILE -> fileUrl(chosen, client.get());
        };
        return new Connection(jdbcUrl, Optional.of(chosen));
    }

    private Connection fromUrl(Scalar url) {
        Setting setting = setting(environment, "url", true)
                .orElseThrow(() -> source.error(
                        url.line(),
                        url.path() + " is empty. Set it to a JDBC URL, such as jdbc:postgresql://localhost:5432/app."));
        String text = setting.text().strip();
        if (!text.startsWith("jdbc:")) {
            throw source.error(
                    setting.line(),
                    setting.path() + " must be a JDBC URL starting with jdbc:, such as"
                            + " jdbc:postgresql://localhost:5432/app, not '" + Redaction.url(text) + "'. (To keep the"
                            + " password out of the URL, give it as password:.)");
        }
        checkVariablesInSecrets(url, text);
        Optional<Client> client = Client.forUrl(text);
        String absolute = client.map(c -> c.dialect().withAbsoluteFile(text, source.directory()))
                .orElse(text);
        return new Connection(absolute, client);
    }

    /**
     * Refuses a {@code ${VAR}} in the password of {@code url:} whose value would not stay the password
     * in the URL ({@code password=${DB_PASSWORD}} with a value holding {@code &} or {@code ;}, or {@code
     * user:${DB_PASSWORD}@} with one holding {@code @} or {@code /}): the driver would get a cut-off
     * password and the rest as settings of their own, and no message could show the URL whole without
     * showing part of the password. Where a password is is {@link Redaction}'s rule, asked of the URL as
     * written and as expanded; the values are never quoted.
     */
    private void checkVariablesInSecrets(Scalar url, String expanded) {
        List<String> inUrl = Redaction.secretsIn(expanded);
        for (String written : Redaction.secretsIn(url.raw())) {
            if (!written.contains("${")) {
                continue;
            }
            String value;
            try {
                value = variables.expand(new Scalar(url.path(), written, url.line()), source, true);
            } catch (ConfigurationException e) {
                continue; // a reference cut in two by a separator in its default: the whole URL expanded fine
            }
            if (!value.isEmpty() && !inUrl.contains(value)) {
                String names = VARIABLE.matcher(written)
                        .results()
                        .map(match -> "${" + match.group(1) + "}")
                        .distinct()
                        .collect(Collectors.joining(", "));
                throw source.error(
                        url.line(),
                        url.path() + " takes its password from " + names + ", whose value holds a character that"
                                + " ends a password in a URL (such as & or ;), so the driver would get only part of"
                                + " it. Give it as password: " + names + " instead (then it goes to the driver as it"
                                + " is) and take it out of url:, or percent-encode it in the variable (& as %26) if"
                                + " the driver decodes URL parameters.");
            }
        }
    }

    private String serverUrl(Client client, Setting clientSetting) {
        Optional<Setting> host = setting(environment, "host", false);
        host.ifPresent(setting -> {
            if (!HOST.matcher(setting.text()).matches() && !JdbcUrls.isIpv6(setting.text())) {
                throw source.error(
                        setting.line(),
                        setting.path() + " must be a host name or an IP address, not '" + setting.text()
                                + "'. Put the port in port: and the database's name in database:.");
            }
        });
        int port = setting(environment, "port", false)
                .map(setting -> integer(setting, 1, 65535, "a whole number from 1 to 65535"))
                .orElse(client.dialect().defaultPort());
        Setting database = setting(environment, "database", false)
                .orElseThrow(() -> source.error(
                        lineOf("database", clientSetting),
                        where() + ": client: " + client.key()
                                + " needs database:, the name of the database. Add database: to " + where() + "."));
        return JdbcUrls.server(client.urlPrefix(), host.map(Setting::text).orElse("localhost"), port, database.text());
    }

    private String fileUrl(Client client, Setting clientSetting) {
        for (String key : List.of("host", "port")) {
            environment.value(key).ifPresent(scalar -> {
                throw source.error(
                        scalar.line(),
                        key + " does not apply to " + client.displayName() + ", whose database: is a file path. Remove "
                                + key + ": from " + where() + ".");
            });
        }
        Setting database = setting(environment, "database", false)
                .orElseThrow(() -> source.error(
                        lineOf("database", clientSetting),
                        where() + ": client: " + client.key() + " needs database:,"
                                + " the database file's path (relative to the directory of cairn.yml), or "
                                + Dialect.MEMORY + ". Add database: to " + where() + "."));
        try {
            return client.dialect().fileUrl(client, database.text(), source.directory());
        } catch (InvalidPathException e) {
            throw source.error(
                    database.line(),
                    database.path() + " is not a valid file path: " + e.getReason()
                            + ". Give the path of the database file.");
        }
    }

    private Optional<Ssl> ssl(Optional<Client> client) {
        Optional<Setting> ssl = setting(environment, "ssl", false);
        if (ssl.isEmpty()) {
            return Optional.empty();
        }
        Setting setting = ssl.get();
        if (client.isPresent() && !client.get().dialect().supportsSsl()) {
            throw source.error(
                    setting.line(),
                    "ssl does not apply to " + client.get().displayName() + "; remove it from " + where() + ".");
        }
        if (client.isEmpty()) {
            String supported = Client.all().stream()
                    .filter(c -> c.dialect().supportsSsl())
                    .map(Client::displayName)
                    .collect(Collectors.joining(", "));
            throw source.error(
                    setting.line(),
                    "ssl applies only to " + supported + " URLs; for this URL, set the"
                            + " driver's own TLS parameters in url: and remove ssl: from " + where() + ".");
        }
        String value = setting.text().strip().toLowerCase(Locale.ROOT);
        return Optional.of(Arrays.stream(Ssl.values())
                .filter(mode -> mode.label().equals(value))
                .findFirst()
                .orElseThrow(() -> source.error(
                        setting.line(),
                        setting.path() + " must be one of "
                                + Arrays.stream(Ssl.values()).map(Ssl::label).collect(Collectors.joining(", "))
                                + ", not '" + setting.text() + "'.")));
    }

    private Pool pool() {
        Pool defaults = EnvironmentConfig.DEFAULT_POOL;
        YamlMap pool =
                environment.section("pool").orElseGet(() -> YamlMap.empty(where() + ".pool", environment.line()));
        Optional<Setting> minSetting = setting(pool, "min", false);
        Optional<Setting> maxSetting = setting(pool, "max", false);
        Optional<Integer> min =
                minSetting.map(setting -> integer(setting, 0, Integer.MAX_VALUE, "a whole number, 0 or more"));
        Optional<Integer> max =
                maxSetting.map(setting -> integer(setting, 1, Integer.MAX_VALUE, "a whole number, 1 or more"));
        // When only one bound is given, the default of the other gives way to it.
        int maxValue = max.orElseGet(() -> Math.max(defaults.max(), min.orElse(0)));
        int minValue = min.orElseGet(() -> Math.min(defaults.min(), maxValue));
        if (minValue > maxValue) {
            throw source.error(
                    minSetting.orElseThrow().line(),
                    minSetting.get().path() + " (" + minValue + ") is more than pool.max (" + maxValue
                            + "). Make min at most max.");
        }
        Duration idleTimeout = duration(pool, "idle-timeout", defaults.idleTimeout(), MIN_IDLE_TIMEOUT);
        Duration maxLifetime = duration(pool, "max-lifetime", defaults.maxLifetime(), MIN_MAX_LIFETIME);
        if (idleTimeout.compareTo(maxLifetime) >= 0) {
            Scalar at = pool.value("idle-timeout")
                    .or(() -> pool.value("max-lifetime"))
                    .orElseThrow();
            throw source.error(
                    at.line(),
                    pool.path() + ".idle-timeout (" + Durations.format(idleTimeout)
                            + ") must be shorter than pool.max-lifetime (" + Durations.format(maxLifetime)
                            + "). Shorten idle-timeout or lengthen max-lifetime.");
        }
        return new Pool(minValue, maxValue, idleTimeout, maxLifetime);
    }

    private int integer(Setting setting, int min, int max, String rule) {
        String text = setting.text().strip();
        if (text.matches("\\d{1,9}")) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw source.error(setting.line(), setting.path() + " must be " + rule + ", not '" + setting.text() + "'.");
    }

    private Duration duration(YamlMap map, String key, Duration fallback, Duration minimum) {
        Optional<Setting> setting = setting(map, key, false);
        if (setting.isEmpty()) {
            return fallback;
        }
        Setting given = setting.get();
        Duration duration = Durations.parse(given.path(), given.text(), message -> source.error(given.line(), message));
        if (minimum != null && duration.compareTo(minimum) < 0) {
            throw source.error(
                    given.line(),
                    given.path() + " must be at least " + Durations.format(minimum) + " " + POOL_MINIMUM + ", not "
                            + given.text().strip() + ".");
        }
        return duration;
    }

    /**
     * {@code migrations.locations}, each resolved ({@code filesystem:} and an absolute path, or
     * {@code classpath:} and a package path); empty if not given. The environment's
     * {@code migrations.directory} or {@code locations} wins over the top level's; one mapping may not
     * give both.
     */
    private List<String> locations() {
        Optional<YamlMap> own = environment.section("migrations");
        boolean ownGivesWhere = own.isPresent()
                && (own.get().value("directory").isPresent()
                        || own.get().list("locations").isPresent());
        List<YamlMap> layers = ownGivesWhere
                ? List.of(own.get())
                : top.section("migrations").stream().toList();
        for (YamlMap migrations : layers) {
            Optional<List<Scalar>> written = migrations.list("locations");
            if (written.isEmpty()) {
                continue;
            }
            Optional<Scalar> directory = migrations.value("directory");
            if (directory.isPresent()) {
                throw source.error(
                        directory.get().line(),
                        migrations.path() + " gives both directory: and locations:. Keep locations: (a"
                                + " directory is written there as filesystem:PATH), or directory: alone.");
            }
            List<String> locations = new ArrayList<>();
            for (Scalar scalar : written.get()) {
                Setting setting = new Setting(scalar, variables.expand(scalar, source, false));
                try {
                    locations.add(
                            Location.parse(setting.text(), source.directory()).toString());
                } catch (IllegalArgumentException e) {
                    throw source.error(setting.line(), setting.path() + ": " + e.getMessage() + ".");
                }
            }
            if (locations.isEmpty()) {
                throw source.error(
                        migrations.line(),
                        migrations.path() + ".locations is an empty list; name at least one location, such as"
                                + " filesystem:database/migrations or classpath:db/migrations.");
            }
            return List.copyOf(locations);
        }
        return List.of();
    }

    private Path directory(String section, String fallback) {
        Optional<Setting> setting = layered(section, "directory");
        String text = setting.map(Setting::text).orElse(fallback);
        try {
            return source.directory().resolve(text).normalize();
        } catch (InvalidPathException e) {
            Setting given = setting.orElseThrow();
            throw source.error(
                    given.line(),
                    given.path() + " is not a valid path: " + e.getReason()
                            + ". Give a directory, relative to the directory of cairn.yml or absolute.");
        }
    }

    /** The line of {@code key} if it is written (even if empty), else the line of {@code otherwise}. */
    private int lineOf(String key, Setting otherwise) {
        return environment.value(key).map(Scalar::line).orElse(otherwise.line());
    }

    private String where() {
        return environment.path();
    }

    private static String keys(List<Scalar> scalars) {
        return scalars.stream().map(scalar -> scalar.key() + ":").collect(Collectors.joining(", "));
    }
}
