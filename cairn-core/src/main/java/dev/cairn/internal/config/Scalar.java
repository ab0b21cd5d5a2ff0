// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

/**
 * A plain value of {@code cairn.yml}, as written (before {@code ${VAR}} is replaced).
 *
 * @param path where it is, such as {@code environments.staging.host}, for messages
 * @param raw the text as written
 * @param line the 1-based line of the value
 */
record Scalar(String path, String raw, int line) {

    /** The key, the last part of {@link #path()}. */
    String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
