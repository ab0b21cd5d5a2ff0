// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

/** STUB: replaced by the configuration work. Removes passwords from text. */
public final class Redaction {

    private Redaction() {}

    /** {@code url} with any password replaced by {@code ****}. */
    public static String url(String url) {
        return url;
    }

    /** {@code text} with every secret replaced by {@code ****}. */
    public static String text(String text, java.util.Collection<String> secrets) {
        return text;
    }
}
