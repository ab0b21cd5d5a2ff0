// SPDX-License-Identifier: Apache-2.0

/**
 * Reads a database's schema from its catalogs into a {@link dev.cairn.SchemaSnapshot}, one reader per
 * database, all following the conventions of {@link dev.cairn.internal.schema.Snapshots}; and compares
 * two snapshots for verify ({@link dev.cairn.internal.schema.Comparison}), naming the differences that
 * change no behaviour and showing long definitions as line diffs
 * ({@link dev.cairn.internal.schema.DefinitionDiff}). A {@link dev.cairn.internal.schema.SchemaScript} per
 * database writes a schema back as the SQL that builds it and drops it, for squash, covering what its
 * reader reads, so that a snapshot comparison proves each script.
 */
package dev.cairn.internal.schema;
