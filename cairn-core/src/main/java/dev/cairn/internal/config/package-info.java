// SPDX-License-Identifier: Apache-2.0

/**
 * Reads {@code cairn.yml} (and the {@code .env} beside it) into {@link dev.cairn.EnvironmentConfig}
 * records: YAML with line numbers, the allowed keys, {@code ${VAR}} replacement, durations, and every
 * error with its file and line. It only reads files; connecting is {@code connect}'s.
 */
package dev.cairn.internal.config;
