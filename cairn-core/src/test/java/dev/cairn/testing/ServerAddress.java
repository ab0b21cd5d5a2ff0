// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A JDBC URL split into the URL without credentials, the user and the password, so that the URL can
 * be printed (it never holds a password) and handed to code that takes the three separately.
 *
 * @param url the JDBC URL, with every parameter but {@code user} and {@code password}
 * @param user the user, or null when the URL named none
 * @param password the password, or null when the URL named none
 */
record ServerAddress(String url, String user, String password) {

    /**
     * Splits {@code jdbc:product://host:port/database?user=U&password=P&other=…}; {@code user} and
     * {@code password} are taken out (URL-decoded), every other parameter stays in the URL.
     */
    static ServerAddress parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:") || !jdbcUrl.contains("//")) {
            throw new IllegalArgumentException("not a server JDBC URL: '" + redact(jdbcUrl)
                    + "'; expected the form jdbc:PRODUCT://HOST:PORT/DATABASE?user=USER&password=PASSWORD");
        }
        int q = jdbcUrl.indexOf('?');
        String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String param : jdbcUrl.substring(q + 1).split("&")) {
                int eq = param.indexOf('=');
                String key = eq < 0 ? param : param.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("user")) {
                    user = value;
                } else if (key.equals("password")) {
                    password = value;
                } else if (!param.isEmpty()) {
                    kept.add(param);
                }
            }
        }
        return new ServerAddress(kept.isEmpty() ? base : base + "?" + String.join("&", kept), user, password);
    }

    /** Returns the same server, user and parameters, but the database {@code name}. */
    ServerAddress withDatabase(String name) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        int slash = base.indexOf('/', base.indexOf("//") + 2);
        String server = slash < 0 ? base : base.substring(0, slash);
        return new ServerAddress(server + "/" + name + params, user, password);
    }

    /** Opens a connection with the user, the password and {@code extra} driver properties. */
    Connection connect(Properties extra) throws SQLException {
        Properties props = new Properties();
        props.putAll(extra);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(url, props);
    }

    /** Returns the URL and the user, never the password. */
    @Override
    public String toString() {
        return user == null ? url : url + " (user " + user + ")";
    }

    /** Hides the value of a password parameter, for messages about a URL that did not parse. */
    private static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
