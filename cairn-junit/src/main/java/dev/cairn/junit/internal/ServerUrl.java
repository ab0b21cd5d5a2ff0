// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.Redaction;
import dev.cairn.junit.TestDatabaseException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's admin URL taken apart, {@code jdbc:PRODUCT://HOST:PORT/[DATABASE][?user=U&password=P&…]},
 * so that the extension can name another database on the same server with the same parameters and
 * hand the credentials over separately (a URL in a message or a test report then holds no password).
 *
 * @param server {@code jdbc:PRODUCT://HOST:PORT}
 * @param database the database the URL names, or an empty string
 * @param parameters the parameters other than {@code user} and {@code password}, as written
 * @param user the {@code user} parameter, decoded; null if none
 * @param password the {@code password} parameter, decoded; null if none
 */
record ServerUrl(String server, String database, List<String> parameters, String user, String password) {

    /**
     * Takes the URL apart.
     *
     * @param source where the URL came from, for the message if it cannot be read
     * @throws TestDatabaseException if it is not a server URL
     */
    static ServerUrl parse(String url, String source) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        int hostStart = base.indexOf("//") + 2;
        if (!url.startsWith("jdbc:") || hostStart < 2 || base.lastIndexOf('@') > 0) {
            throw new TestDatabaseException(source + " is not a server URL of the form"
                    + " jdbc:PRODUCT://HOST:PORT/DATABASE?user=USER&password=PASSWORD: " + Redaction.url(url));
        }
        int slash = base.indexOf('/', hostStart);
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String parameter : url.substring(q + 1).split("&")) {
                int eq = parameter.indexOf('=');
                String key = eq < 0 ? parameter : parameter.substring(0, eq);
                String value = eq < 0 ? "" : decode(parameter.substring(eq + 1));
                if (key.equalsIgnoreCase("user")) {
                    user = value;
                } else if (key.equalsIgnoreCase("password")) {
                    password = value;
                } else if (!parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
        }
        String server = slash < 0 ? base : base.substring(0, slash);
        String database = slash < 0 ? "" : base.substring(slash + 1);
        return new ServerUrl(server, database, List.copyOf(kept), user, password);
    }

    /** The URL as given, without credentials. */
    String admin() {
        return url(database);
    }

    /** The URL of the database {@code name} on this server, with the same parameters and no credentials. */
    String url(String name) {
        return server + "/" + name + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    /** The address of the database {@code name} on this server. */
    Address address(String name) {
        return new Address(name, url(name), user, password);
    }

    // Not '+' to space: passwords hold plus signs more often than spaces.
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
