// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

/**
 * Where one database the extension made is, and how to connect to it.
 *
 * @param name the database's name, unique in the run (and on the server)
 * @param url its JDBC URL, without credentials
 * @param user the user, or null
 * @param password the password, or null
 */
record Address(String name, String url, String user, String password) {}
