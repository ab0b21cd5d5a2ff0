// SPDX-License-Identifier: Apache-2.0

/**
 * How the extension makes its databases: the settings one annotation or builder gives, the template
 * migrated once per run and copied per test class (one class per database product), the embedded
 * PostgreSQL, and the {@code cairn-verify} test engine. Not API: it may change in any release.
 */
package dev.cairn.junit.internal;
