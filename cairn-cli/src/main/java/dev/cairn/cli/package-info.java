// SPDX-License-Identifier: Apache-2.0

/**
 * The {@code cairn} command line: {@code Main} builds the picocli tree, one class per command calls one
 * method of {@link dev.cairn.Cairn} and hands its result to an {@code Output} (human or JSON), and
 * {@code Failure} maps every exception to an exit code. It uses the public API only.
 */
package dev.cairn.cli;
