// SPDX-License-Identifier: Apache-2.0

/**
 * The {@link dev.cairn.internal.plan.Planner}: migration files and tracking rows in, what a command does
 * out (the steps of a change, or the status), or a refusal before anything runs. Pure: no I/O.
 */
package dev.cairn.internal.plan;
