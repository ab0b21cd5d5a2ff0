// SPDX-License-Identifier: Apache-2.0

/**
 * The tracking table: {@link dev.cairn.internal.history.HistoryStore} is the only code that reads or
 * writes it, on the caller's connection and transaction. {@link dev.cairn.internal.history.ForeignHistory}
 * reads another tool's history table (Knex, Flyway, Liquibase), and never writes it.
 */
package dev.cairn.internal.history;
