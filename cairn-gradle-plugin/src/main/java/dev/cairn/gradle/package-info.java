// SPDX-License-Identifier: Apache-2.0
/**
 * Cairn's Gradle plugin, {@code dev.cairn.migrations}: an extension {@code cairn { ... }} and the tasks
 * {@code cairnMigrate}, {@code cairnStatus}, {@code cairnRollback}, {@code cairnValidate},
 * {@code cairnVerify} and {@code cairnSchema}, on Cairn's public API.
 */
package dev.cairn.gradle;
