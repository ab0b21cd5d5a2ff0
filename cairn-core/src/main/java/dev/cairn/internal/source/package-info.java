// SPDX-License-Identifier: Apache-2.0

/**
 * Migration files: finding them, their names and versions, the single and paired layouts, their sections
 * and checksums, every problem with its file and line.
 */
package dev.cairn.internal.source;
