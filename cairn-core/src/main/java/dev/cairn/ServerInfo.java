// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.time.Duration;

/**
 * The answer to {@code ping}: which database Cairn reached and how fast.
 *
 * @param product the database product, such as {@code PostgreSQL} or {@code SQLite}
 * @param version the server's version as the driver reports it
 * @param url the JDBC URL with any password removed
 * @param connectTime how long it took to connect and ask
 * @param note a remark worth showing the user (such as a SQLite file that does not exist yet), or
 *     empty
 */
public record ServerInfo(String product, String version, String url, Duration connectTime, String note) {}
