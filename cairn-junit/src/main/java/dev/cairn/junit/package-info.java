// SPDX-License-Identifier: Apache-2.0

/**
 * Cairn for JUnit: {@link dev.cairn.junit.CairnDatabase} (or {@link dev.cairn.junit.CairnExtension})
 * gives a test class its own copy of a database migrated once per test run, and
 * {@link dev.cairn.junit.VerifyMigrations} turns {@code cairn verify} into a test of the project's own
 * migrations. Only this package is API; {@code dev.cairn.junit.internal} may change in any release.
 */
package dev.cairn.junit;
