// SPDX-License-Identifier: Apache-2.0

/**
 * Cairn's API, the only package the module exports. It reads top-down:
 *
 * <ol>
 *   <li><b>The two entry points</b>, the only types here that reach into {@code dev.cairn.internal}:
 *       {@link dev.cairn.Cairn} (configured by its {@link dev.cairn.Cairn.Builder}; one method per command
 *       of the {@code cairn} tool) and {@link dev.cairn.CairnConfig} (a loaded {@code cairn.yml}, and the
 *       application's pooled data source).
 *   <li><b>Values</b>: what goes in ({@link dev.cairn.EnvironmentConfig} with every default,
 *       {@link dev.cairn.Operation}, {@link dev.cairn.MigrationListener}) and what comes out, one result
 *       record per command ({@link dev.cairn.MigrateResult}, {@link dev.cairn.RollbackResult},
 *       {@link dev.cairn.Plan}, {@link dev.cairn.Status}, {@link dev.cairn.ValidateResult},
 *       {@link dev.cairn.RepairResult}, {@link dev.cairn.VerifyResult}, {@link dev.cairn.SchemaSnapshot},
 *       {@link dev.cairn.SeedResult}, {@link dev.cairn.ServerInfo}), with their small families nested in
 *       them; {@link dev.cairn.Redaction} keeps passwords out of text, here and in the tool.
 *   <li><b>Exceptions</b>: the sealed {@link dev.cairn.CairnException} family, one type per way a command
 *       can fail, each carrying its facts as fields (the file and line, the holder of a lock, what stays
 *       applied) as well as in its message.
 * </ol>
 */
package dev.cairn;
