// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The URL to hand the driver. MariaDB Connector/J, which the cairn tool ships for MySQL and MariaDB
 * alike, refuses {@code jdbc:mysql:} URLs unless told otherwise; so when no driver on the class
 * path takes a {@code jdbc:mysql:} URL (MySQL Connector/J would), the same URL is given to the
 * MariaDB driver as {@code jdbc:mariadb:}.
 */
public final class DriverUrl {

    private static final String MYSQL = "jdbc:mysql:";
    private static final String MARIADB = "jdbc:mariadb:";

    private DriverUrl() {}

    /** {@code url}, or its {@code jdbc:mariadb:} form if only the MariaDB driver can take it. */
    public static String of(String url) {
        if (!url.startsWith(MYSQL) || accepted(url)) {
            return url;
        }
        String mariadb = MARIADB + url.substring(MYSQL.length());
        return accepted(mariadb) ? mariadb : url;
    }

    private static boolean accepted(String url) {
        try {
            DriverManager.getDriver(url);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
