// SPDX-License-Identifier: Apache-2.0
/** Java migrations that Cairn cannot use, one per way to get it wrong, and an abstract base it skips. */
package dev.cairn.javamigrations.problems;
