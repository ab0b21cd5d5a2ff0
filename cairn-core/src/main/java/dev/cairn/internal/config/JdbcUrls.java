// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Builds a server's JDBC URL from the {@code client:} form's host, port and database. */
final class JdbcUrls {

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

    /** Whether {@code host} is an IPv6 address (without brackets). */
    static boolean isIpv6(String host) {
        return IPV6.matcher(host).matches();
    }

    private static String encode(String database) {
        // URLEncoder writes form encoding; %20 instead of + reads back right with any URL decoder.
        return URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
