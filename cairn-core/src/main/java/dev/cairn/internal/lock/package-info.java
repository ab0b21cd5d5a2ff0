// SPDX-License-Identifier: Apache-2.0

/**
 * The migration lock, one kind per database (an advisory lock, a named lock, a row lock, a lock file),
 * all waiting through one loop, {@code LockWait}, and all ending with their session or process so that
 * none is ever left behind.
 */
package dev.cairn.internal.lock;
