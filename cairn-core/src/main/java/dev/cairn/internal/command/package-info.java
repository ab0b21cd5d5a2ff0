// SPDX-License-Identifier: Apache-2.0

/**
 * One class per command of the API ({@link dev.cairn.internal.command.Change} for migrate, up, down and
 * the rollbacks; {@code DryRun}, {@code ShowStatus}, {@code Validate}, {@code Repair}, {@code Unlock},
 * {@code Ping}, {@code MakeMigration}, {@code ShowSchema}, {@code Baseline}, {@code ImportHistory},
 * {@code FlywayFiles}), with {@code Verification} and {@code Seeds}
 * beside them; each runs with the {@link dev.cairn.internal.command.Settings} resolved once, on a
 * {@code Session} (one connection, its lock, its tracking table).
 */
package dev.cairn.internal.command;
