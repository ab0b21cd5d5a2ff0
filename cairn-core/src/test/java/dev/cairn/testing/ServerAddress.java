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
 * @param url the JDBC URL, with every parameter but {@code user} and {@code password}, and no
 *     {@code USER:PASSWORD@} before the host
 * @param user the user, or null when the URL named none
 * @param password the password, or null when the URL named none
 */
record ServerAddress(String url, String user, String password) {

    /**
     * Splits {@code jdbc:product://[U[:P]@]host:port/[database][?user=U&password=P&other=…]}. The
     * user and the password are taken out of the URL: from the parameters {@code user} and
     * {@code password} (their names in any case), else from before the {@code @}, which neither the
     * PostgreSQL nor the MariaDB driver reads (MariaDB's takes it for part of the host name and prints
     * it in its errors). Their values are percent-decoded: {@code %26} is {@code &}, {@code %40} is
     * {@code @}, and {@code +} stays a plus sign. Every other parameter stays in the URL as written.
     *
     * @throws IllegalArgumentException if this is not a server URL, or a value has a malformed
     *     {@code %} escape; the message never holds the password
     */
    static ServerAddress parse(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        int hostStart = base.indexOf("//") + 2;
        if (!jdbcUrl.startsWith("jdbc:") || hostStart < 2) {
            throw new IllegalArgumentException("not a server JDBC URL: '" + redact(jdbcUrl)
                    + "'; expected the form jdbc:PRODUCT://HOST:PORT/DATABASE?user=USER&password=PASSWORD");
        }
        String user = null;
        String password = null;
        int hostEnd = base.indexOf('/', hostStart) < 0 ? base.length() : base.indexOf('/', hostStart);
        int at = base.lastIndexOf('@', hostEnd - 1);
        if (at >= hostStart) {
            String credentials = base.substring(hostStart, at);
            int colon = credentials.indexOf(':');
            user = decode(colon < 0 ? credentials : credentials.substring(0, colon), jdbcUrl);
            password = colon < 0 ? null : decode(credentials.substring(colon + 1), jdbcUrl);
            base = base.substring(0, hostStart) + base.substring(at + 1);
        }
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String param : jdbcUrl.substring(q + 1).split("&")) {
                int eq = param.indexOf('=');
                String key = eq < 0 ? param : param.substring(0, eq);
                String value = eq < 0 ? "" : param.substring(eq + 1);
                if (key.equalsIgnoreCase("user")) {
                    user = decode(value, jdbcUrl);
                } else if (key.equalsIgnoreCase("password")) {
                    password = decode(value, jdbcUrl);
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

    /** Decodes {@code %} escapes, but not {@code +}: passwords hold plus signs more often than spaces. */
    private static String decode(String value, String jdbcUrl) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not URLDecoder's message: it quotes the characters after the %, which are the password's.
            throw new IllegalArgumentException(
                    "malformed %-escape in the user or password of '" + redact(jdbcUrl) + "'; write % itself as %25");
        }
    }

    /** Hides the password, as a parameter or before the {@code @}, for messages about a URL that did not parse. */
    private static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(//[^/:@?]*:)[^/?]*@", "$1***@");
    }
}
