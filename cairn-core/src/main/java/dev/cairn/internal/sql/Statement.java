// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

/**
 * One statement cut from a migration section.
 *
 * @param sql the statement text, from its first token to just before its delimiter, trimmed
 * @param line the 1-based line of the file where its first token is
 */
public record Statement(String sql, int line) {}
