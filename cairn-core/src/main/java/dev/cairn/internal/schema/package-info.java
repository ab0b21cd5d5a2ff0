// SPDX-License-Identifier: Apache-2.0

/**
 * Reads a database's schema from its catalogs into a {@link dev.cairn.SchemaSnapshot}, one reader per
 * database, all following the conventions of {@link dev.cairn.internal.schema.Snapshots}.
 */
package dev.cairn.internal.schema;
