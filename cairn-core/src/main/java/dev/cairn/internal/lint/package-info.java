// SPDX-License-Identifier: Apache-2.0

/**
 * The linter: rules that read migrations for statements that are risky on a live database, each with
 * its why and its safer way, over what the earlier migrations made. Reads statements only; runs nothing.
 */
package dev.cairn.internal.lint;
