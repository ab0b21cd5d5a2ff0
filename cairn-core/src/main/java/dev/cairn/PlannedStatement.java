// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/**
 * One SQL statement as Cairn will send it to the database.
 *
 * @param sql the statement, without its terminating delimiter
 * @param line the 1-based line of the file where the statement starts
 */
public record PlannedStatement(String sql, int line) {}
