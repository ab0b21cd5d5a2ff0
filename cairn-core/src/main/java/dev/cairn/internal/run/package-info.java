// SPDX-License-Identifier: Apache-2.0

/**
 * Runs SQL that users wrote: {@link dev.cairn.internal.run.StatementRunner} sends statements one by one
 * and says which failed and where; {@link dev.cairn.internal.run.Runner} runs a change's steps with the
 * batch's transaction and the tracking table kept in step, and says what a failure left behind.
 */
package dev.cairn.internal.run;
