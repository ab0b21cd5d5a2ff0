// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Builds JDBC URLs from {@code client:} settings, and makes SQLite file paths absolute. */
final class JdbcUrls {

    /** The SQLite database that lives in memory and disappears with its connection. */
    static final String MEMORY = ":memory:";

    // Hex digits, at least two colons (so that host:port is not taken for one), dots (an IPv4 tail),
    // then an optional zone such as %eth0.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?");

    private JdbcUrls() {}

    /**
     * {@code prefix//host:port/database}, such as {@code jdbc:postgresql://db:5432/app}. An IPv6
     * address is put in brackets; the database name is percent-encoded, so that a name with {@code /},
     * {@code ?} or a space stays one name.
     */
    static String server(String prefix, String host, int port, String database) {
        String authority = isIpv6(host) ? "[" + host + "]" : host;
        return prefix + "//" + authority + ":" + port + "/" + encode(database);
    }

    /** {@code prefix} and the file, made absolute against {@code directory}; {@code :memory:} is kept. */
    static String file(String prefix, String database, Path directory) {
        if (database.equals(MEMORY)) {
            return prefix + MEMORY;
        }
        return prefix + directory.resolve(database).normalize();
    }

    /**
     * {@code url} with a relative SQLite file made absolute against {@code directory}, so that the
     * database does not depend on the working directory (as knexfile does). In-memory databases
     * ({@code jdbc:sqlite:}, {@code jdbc:sqlite::memory:}, any special form starting with {@code :})
     * and {@code file:} URIs are returned as they are; so is any URL of another database. Driver
     * parameters after {@code ?} are kept.
     */
    static String resolveSqlite(String url, Path directory) {
        if (!url.startsWith(Client.SQLITE.urlPrefix())) {
            return url;
        }
        String rest = url.substring(Client.SQLITE.urlPrefix().length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty()
                || file.startsWith(":")
                || file.startsWith("file:")
                || Path.of(file).isAbsolute()) {
            return url;
        }
        String parameters = query < 0 ? "" : rest.substring(query);
        return Client.SQLITE.urlPrefix() + directory.resolve(file).normalize() + parameters;
    }

    /** {@code url} with a relative SQLite or H2 file made absolute against {@code directory}. */
    static String resolveFiles(String url, Path directory) {
        return resolveH2(resolveSqlite(url, directory), directory);
    }

    /**
     * {@code url} with a relative H2 file ({@code jdbc:h2:./db}, {@code jdbc:h2:file:db}) made absolute
     * against {@code directory}, as for SQLite. In-memory, server and other URL forms, absolute paths
     * and {@code ~/} paths are returned as they are; settings after {@code ;} are kept.
     */
    static String resolveH2(String url, Path directory) {
        if (!url.startsWith(Client.H2.urlPrefix())) {
            return url;
        }
        String rest = url.substring(Client.H2.urlPrefix().length());
        boolean explicit = rest.startsWith("file:");
        if (explicit) {
            rest = rest.substring("file:".length());
        }
        int settings = rest.indexOf(';');
        String file = settings < 0 ? rest : rest.substring(0, settings);
        boolean relative = file.startsWith("./")
                || file.startsWith("../")
                || explicit
                        && !file.isEmpty()
                        && !file.startsWith("~")
                        && !Path.of(file).isAbsolute();
        if (!relative) {
            return url;
        }
        return Client.H2.urlPrefix()
                + (explicit ? "file:" : "")
                + directory.resolve(file).normalize()
                + (settings < 0 ? "" : rest.substring(settings));
    }

    /** Whether {@code host} is an IPv6 address (without brackets). */
    static boolean isIpv6(String host) {
        return IPV6.matcher(host).matches();
    }

    private static String encode(String database) {
        // URLEncoder writes form encoding; %20 instead of + reads back right with any URL decoder.
        return URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
