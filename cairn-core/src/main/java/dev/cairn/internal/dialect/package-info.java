// SPDX-License-Identifier: Apache-2.0

/**
 * One {@link dev.cairn.internal.dialect.Dialect} per database, holding all that differs: its names and
 * URL forms ({@link dev.cairn.internal.dialect.Client}), how to connect, how its SQL splits, the tracking
 * table's SQL, its lock and its schema reader. Dialects describe and never execute; they depend only on
 * {@code lock}, {@code schema} and {@code sql}.
 */
package dev.cairn.internal.dialect;
