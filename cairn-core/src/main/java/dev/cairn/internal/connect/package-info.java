// SPDX-License-Identifier: Apache-2.0

/**
 * Opens connections: the driver for a URL, the properties it is given, the application's pool, and
 * {@link dev.cairn.internal.connect.ConnectionFailures}, the one place where an {@code SQLException}
 * becomes a {@link dev.cairn.ConnectionException}.
 */
package dev.cairn.internal.connect;
